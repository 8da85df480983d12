"""Issue 17: the parent warms the parsers before forking children (pipeline/ingest/warmup).
Warming must exercise what children load lazily, and must never change what they extract."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from pipeline import runner
from pipeline.extract import extract
from pipeline.ingest.warmup import _SAMPLE, sample_pdf
from pipeline.readers.pdf import read_pdf
from pipeline.readers.text import read_text
from pipeline.settings import REPO_ROOT, Settings
from tests.golden.conftest import FIXTURES

FACTS = ("reports", "fact_budgets", "fact_executions", "fact_scores", "fact_indicators", "fact_mentions")


def test_the_samples_reach_templates_statements_and_the_pdf_table_finder():
    ex = extract(read_text(_SAMPLE.read_bytes()), "w")
    assert ex.reports and ex.fact_budgets and ex.fact_executions and ex.fact_scores
    table = read_pdf(sample_pdf()).blocks[0]
    assert [[c.text for c in row] for row in table.rows][0] == ["1.50", "2.50", "3.50"]


def _facts(outcome) -> dict:
    return {t: getattr(outcome.extraction, t) for t in FACTS}


def test_a_warm_child_extracts_what_a_cold_one_does(tmp_path: Path):
    for name in ("txt/001.txt", "pdf/004.pdf"):
        (tmp_path / Path(name).name).write_bytes((FIXTURES / name).read_bytes())
    s = Settings(raw_dir=tmp_path, warehouse=tmp_path / "w.duckdb", workers=1)
    tasks = runner.plan(s, None).to_parse
    assert len(tasks) == 2
    warm = {o.document["file_name"]: _facts(o) for o in runner.parse(tasks, s)}  # warms first
    assert all(f["reports"] and f["fact_budgets"] for f in warm.values())
    for t in tasks:
        # Cold: a fresh interpreter that never warmed, reading the file itself.
        out = tmp_path / f"{t.rel}.pickle"
        code = ("import pickle, sys; from pathlib import Path; from pipeline.ingest.process import FileTask, "
                "process_file; from pipeline.settings import REPO_ROOT, Settings; p = Path(sys.argv[1]); "
                "o = process_file(FileTask(path=p, rel=p.name, size=p.stat().st_size), Settings(page_workers=1)); "
                f"pickle.dump({{t: getattr(o.extraction, t) for t in {FACTS!r}}}, open(sys.argv[2], 'wb'))")
        subprocess.run([sys.executable, "-c", code, str(t.path), str(out)], check=True, cwd=REPO_ROOT)
        assert pickle.loads(out.read_bytes()) == warm[t.rel], t.rel
