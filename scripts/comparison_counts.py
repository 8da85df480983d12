"""What the checks of a warehouse compared (issue 14's measure for the warning family).

    .venv/bin/python scripts/comparison_counts.py WAREHOUSE [--json]

Per check: comparisons made, failed, incomplete, how many pair figures of two different tables
(source_refs naming two tables), and how many repeat a comparison already made (the same check on
the same set of places). Then warnings per document, and execution_within_budget per line item:
comparisons / distinct line items compared (a line item being the report, project, label and
period of the executed figure) and comparisons / distinct executed figures — 1.0 when each is
compared once. The audit of what they compare is tests/audit/warning_verdicts.csv."""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict

import duckdb

_PLACE = re.compile(r"(?:page=\d+;)?(?:table=\d+;row=\d+;col=\d+|para=\d+(?:;chars=\d+-\d+)?)")
_TABLE = re.compile(r"(?:page=(\d+);)?table=(\d+)")
_CODE = re.compile(r"\((\w+)\)$")  # the line item code older findings ended with


def measure(path: str) -> dict:
    con = duckdb.connect(path, read_only=True)
    cols = {r[0] for r in con.execute("DESCRIBE dq_results").fetchall()}
    # warehouses written before dq_results.status (incomplete) tell only passed from failed
    status = "q.status" if "status" in cols else "CASE WHEN q.passed THEN 'passed' ELSE 'failed' END"
    rows = con.execute(
        f"""SELECT q.check_name, q.severity, {status}, coalesce(q.source_refs, ''), coalesce(q.detail, ''),
                   d.file_name, q.report_id, q.project_id
            FROM dq_results q JOIN documents d USING (document_id)""").fetchall()
    per: dict[str, Counter] = defaultdict(Counter)
    seen: Counter = Counter()
    for check, sev, status, refs, _detail, name, _rid, _pid in rows:
        c = per[check]
        c["n"] += 1
        c[status or "?"] += 1
        c["severity:" + sev] += 1
        if len(set(_TABLE.findall(refs))) > 1:
            c["cross_table"] += 1
        places = frozenset(_PLACE.findall(refs))
        if places:
            seen[(check, name, places)] += 1
    for (check, _name, _places), k in seen.items():
        per[check]["repeated"] += k - 1
    warnings: Counter = Counter()
    failed_warnings: Counter = Counter()
    items, figures = set(), set()
    n_ewb = 0
    for check, sev, status, refs, detail, name, rid, pid in rows:
        if sev == "warning":
            warnings[name] += 1
            failed_warnings[name] += status == "failed"
        if check == "execution_within_budget":
            n_ewb += 1
            m = _CODE.search(detail)
            label = m.group(1) if m else detail.split("\uff1a", 1)[0]
            where = refs.split("; ")[0]
            items.add((name, rid, pid, label))
            figures.add((name, where))
    return {
        "checks": {k: {"severity": "/".join(s[9:] for s in v if s.startswith("severity:")),
                       "n": v["n"], "failed": v["failed"], "incomplete": v["incomplete"],
                       "cross_table": v["cross_table"], "repeated": v["repeated"]} for k, v in sorted(per.items())},
        "warnings_per_document": {n: [warnings[n], failed_warnings[n]] for n, _ in warnings.most_common()},
        "execution_within_budget": {
            "comparisons": n_ewb, "line_items": len(items), "executed_figures": len(figures),
            "per_line_item": round(n_ewb / len(items), 3) if items else None,
            "per_executed_figure": round(n_ewb / len(figures), 3) if figures else None},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("warehouse")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    m = measure(a.warehouse)
    if a.json:
        print(json.dumps(m, ensure_ascii=False, indent=1))
        return
    print(f"{'check':30} {'severity':9} {'n':>6} {'failed':>6} {'incompl':>7} {'x-table':>7} {'repeat':>6}")
    for k, v in m["checks"].items():
        print(f"{k:30} {v['severity']:9} {v['n']:6} {v['failed']:6} {v['incomplete']:7} {v['cross_table']:7} {v['repeated']:6}")
    print("warnings per document (compared, failed):")
    for n, (k, f) in m["warnings_per_document"].items():
        print(f"  {k:5} {f:4}  {n}")
    print("execution_within_budget:", m["execution_within_budget"])


if __name__ == "__main__":
    main()
