"""One fact per printed thing: a component score stated in the text and printed again in a
table of the same report is the table's fact; the sentence stays as a mention, so
narrative_matches_table compares the two."""

from __future__ import annotations

from pipeline.extract.result import Extraction
from pipeline.normalize.money import SCORE_UNIT

_TEXT = ("narrative", "statement")


def merge_text_scores_into_tables(ex: Extraction, report_id: str, document_id: str) -> int:
    """Drops text-side component scores that a table of the report also prints (same project,
    same component); each pair becomes two mentions with one subject. Returns how many."""
    table = {(f["project_id"], f["component"]): f for f in ex.fact_scores
             if f["report_id"] == report_id and f["origin"] == "table" and not f["is_twin"]
             and f["component"] != "total" and f["score"] is not None}
    keep, merged = [], 0
    for f in ex.fact_scores:
        twin = table.get((f["project_id"], f["component"])) if f["report_id"] == report_id else None
        if twin is None or f["origin"] not in _TEXT or f["component"] == "total" or f["score"] is None:
            keep.append(f)
            continue
        merged += 1
        for side in (f, twin):
            ex.fact_mentions.append({
                "document_id": document_id, "report_id": report_id, "project_id": side["project_id"],
                "kind": "score", "subject": f"component:{side['component']}", "value": float(side["score"]),
                "reported_text": side["score_text"], "reported_unit": SCORE_UNIT, "decimals": side["score_decimals"],
                "source_ref": side["source_ref"], "origin": "table" if side is twin else "narrative",
                "scope": "report",
            })
    ex.fact_scores[:] = keep
    return merged
