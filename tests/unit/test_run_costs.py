"""Issue 17, session 17: cuts in what one `bpw run` pays, each giving exactly what it replaced.

- Page helpers for one large PDF only on cores the machine's load leaves idle
  (`settings.idle_page_workers`); BPW_PAGE_WORKERS still fixes the number.
- Pure functions of the vocabulary remembered: the money-unit alternation, `stage_of`, and the
  template engine's figure-with-unit pattern (asked ~9 000–50 000 times on a 171-page 决算).

Session 18:

- The writer compares a staged document's `checked_schema` with sql/schema's fingerprint
  alone, without building the column types (an in-memory database, ~0.14 s) it does not use.
- `bpw run`'s parent imports Dagster, its definitions and pandas with the garbage collector
  off, until the prestaged parse has planned and the loader is prepared.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.extract import vocabulary
from pipeline.extract.templates import engine
from pipeline.extract.templates.stream import SCell
from pipeline.normalize import money
from pipeline.settings import Settings, idle_page_workers
from pipeline.warehouse import load as load_module


@pytest.mark.parametrize(
    ("load", "cores", "configured", "want"),
    [
        (0.0, 2, 2, 2),  # idle box: every core
        (1.3, 2, 2, 2),  # a core idle most of the time: one helper
        (1.6, 2, 2, 1),  # less than half a core idle: read alone
        (4.0, 2, 2, 1),  # oversubscribed: read alone
        (13.0, 2, 2, 1),
        (0.0, 16, 16, 16),
        (10.0, 16, 16, 7),  # six cores idle: the read and six helpers
        (10.0, 16, 4, 4),  # never more than configured
        (0.0, 2, 1, 1),  # one configured stays one
    ],
)
def test_page_workers_follow_the_idle_cores(load, cores, configured, want):
    assert idle_page_workers(configured, load=load, cores=cores) == want


def test_page_workers_without_a_load_average_keep_the_configured_number(monkeypatch):
    def no_load():
        raise OSError("no load average here")

    monkeypatch.setattr("os.getloadavg", no_load)
    assert idle_page_workers(4) == 4


def test_bpw_page_workers_fixes_the_number(monkeypatch):
    monkeypatch.setattr("os.getloadavg", lambda: (50.0, 50.0, 50.0))
    monkeypatch.setenv("BPW_PAGE_WORKERS", "3")
    assert Settings().pages_now() == 3  # the operator's number, whatever the load
    monkeypatch.delenv("BPW_PAGE_WORKERS")
    assert Settings(page_workers=3).pages_now() == 1  # by load: a busy box reads alone
    monkeypatch.setattr("os.getloadavg", lambda: (0.0, 0.0, 0.0))
    assert Settings(page_workers=3).pages_now() == min(3, 1 + (__import__("os").cpu_count() or 1))


def test_money_unit_alternation_is_the_vocabulary_longest_first():
    for headers_only in (True, False):
        names = [u.unit for u in money.units().values()
                 if u.kind == "money" and (u.in_headers or not headers_only)]
        want = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        assert money.money_unit_alternation(headers_only) == want
        assert money.money_unit_alternation(headers_only) is money.money_unit_alternation(headers_only)
    pct = sorted((u.unit for u in money.units().values() if u.kind == "percent"), key=len, reverse=True)
    assert money.unit_alternation("percent") == "|".join(re.escape(n) for n in pct)


def test_remembered_stage_of_answers_as_the_function():
    # Every header word of the stage vocabulary, with the noise stage_of strips, and words that
    # name no stage: the remembered answer is the function's own.
    texts = ["", "合计", "预算执行", "项目名称", "全年预算数(万元)", "年初预算数 （万元）",
             "调整后预算数①", "全年执行数", "执行率(%)", "2024年预算数"]
    texts += ["年初预算数", "调整数", "调整后预算数", "全年预算数(调整后)", "决算数", "实际支出数", "全年执行金额",
              "预算数（年初）", "年度预算", "追加数"]
    for t in texts:
        assert vocabulary.stage_of(t) == vocabulary.stage_of.__wrapped__(t), t
        assert vocabulary.stage_of(t) == vocabulary.stage_of.__wrapped__(t), t  # from the cache


@pytest.mark.parametrize("text", ["", "12.5", "80%", "1,234.50", "12万元", "3.2元", "12亿元", "万元",
                                  "12万", "-", "abc", "12.5分", "１２", "12.5%万元"])
def test_figure_with_unit_pattern_matches_as_before(text):
    before = text == "" or bool(re.fullmatch(rf"[\d.%]+({money.money_unit_alternation()})?", text))
    now = text == "" or bool(engine._figure_with_unit().fullmatch(text))
    assert now == before
    cell = SCell(text=text, ref="", line_start=True, cell=None)  # type: ignore[arg-type]
    assert engine._value_like(cell) == (
        text == "" or engine.is_blank(text) or engine.parse_number(text) is not None or before)


def test_fingerprint_is_the_column_types_fingerprint_and_the_writer_needs_nothing_more(monkeypatch):
    import hashlib

    from pipeline import runner
    from pipeline.ingest.process import FileTask, Outcome, document_row
    from pipeline.warehouse.schema import _ddl

    fp = load_module.schema_fingerprint()
    assert fp == load_module.schema_column_types()[0]
    assert fp == hashlib.sha256("\0".join(_ddl()).encode()).hexdigest()
    checked = Outcome(document=document_row(FileTask(path=None, rel="a.txt"), "d" * 64, "txt", 1))  # type: ignore[arg-type]
    checked.checked_schema = fp

    def built(*a, **k):
        raise AssertionError("the column types were built for a document its parser child checked")

    monkeypatch.setattr(runner, "schema_column_types", built)
    monkeypatch.setattr(runner, "column_types", built)
    assert runner.refuse_unloadable(None, [checked]) == []  # type: ignore[arg-type]


def test_collector_is_off_only_for_the_run_start(monkeypatch):
    import gc

    from pipeline import prestage

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    try:
        prestage.pause_collector()
        assert not gc.isenabled()
        # the step parses itself (no prestage for this run): the collector is back at once
        assert prestage.take("no-such-run", Settings()) is None
        assert gc.isenabled() and gc.get_freeze_count() > frozen
        prestage.resume_collector()  # once only
        assert gc.isenabled()

        # a prestaged parse: back on when the process has planned and the loader is prepared
        class Conn:
            def __init__(self, msgs):
                self.msgs = list(msgs)

            def recv(self):
                return self.msgs.pop(0)

            def close(self):
                pass

        class Proc:
            def join(self, t=None):
                pass

        seen = []
        pre = prestage.Prestage("r", Settings(), Proc(), Conn([("planned",), ("done", "summary", "/tmp/x")]),  # type: ignore[arg-type]
                                0.0, Path("/tmp/x"))
        prestage.pause_collector()
        prestage.wait(pre, planned=lambda: seen.append(gc.isenabled()))
        assert seen == [False] and gc.isenabled()  # pandas imported with it off, then on
        pre = prestage.Prestage("r", Settings(), Proc(), Conn([("error", "boom")]), 0.0,  # type: ignore[arg-type]
                                Path("/tmp/x"))
        prestage.pause_collector()
        with pytest.raises(RuntimeError):
            prestage.wait(pre)
        assert gc.isenabled()  # also when the parse failed
    finally:
        gc.enable()
        gc.unfreeze()


def _checked_warehouse():
    """The five fixture reports (TXT) loaded into one in-memory warehouse, as `bpw run` loads."""
    import duckdb

    from pipeline.ingest.process import FileTask
    from pipeline.runner import load, parse_and_check
    from pipeline.warehouse.schema import init_schema

    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "txt"
    con = duckdb.connect(":memory:")
    init_schema(con)
    tasks = [FileTask(path=p, rel=p.name) for p in sorted(fixtures.glob("*.txt"))]
    load(con, [parse_and_check(t, Settings()) for t in tasks], tasks)
    return con


def _rows(con, table: str) -> list[str]:
    # Two checks join the parts they name (string_agg) in an order DuckDB does not fix, with
    # one thread as with several: their texts are compared as the characters they hold.
    out = []
    for r in con.execute(f"SELECT * EXCLUDE (checked_at) FROM {table}").fetchall():
        r = list(r)
        if r[3] in ("score_sum", "weights_sum", "printed_balance"):
            r[10], r[11] = sorted(r[10] or ""), sorted(r[11] or "")
        out.append(repr(r))
    return sorted(out)


def test_checks_computed_on_several_cursors_insert_what_one_connection_inserts():
    from pipeline.checks import identities
    from pipeline.checks.run import run_identities
    from pipeline.warehouse import write

    con = _checked_warehouse()
    write.scratch_like(con, "_one", "dq_results")
    write.scratch_like(con, "_three", "dq_results")
    n1 = identities.insert_residuals(con, "_one", "run", threads=1)
    n3 = identities.insert_residuals(con, "_three", "run", threads=3)
    assert n1 == n3 > 50
    assert _rows(con, "_one") == _rows(con, "_three")
    assert {r[0] for r in con.execute("SELECT DISTINCT check_name FROM _three").fetchall()} >= {
        "printed_balance", "grade_band"}
    # in the run's transaction, as `bpw run` calls it
    summary = run_identities(con, "run-2", use_gx=False, threads=2)
    assert summary.evaluated == n1
    write.scratch_like(con, "_run", "dq_results")
    con.execute("INSERT INTO _run SELECT * REPLACE ('run' AS run_id) FROM dq_results WHERE run_id = 'run-2'")
    assert _rows(con, "_run") == _rows(con, "_one")


def test_a_failing_check_on_a_cursor_fails_the_run_and_leaves_the_connection_usable(monkeypatch):
    import duckdb

    from pipeline.checks import identities
    from pipeline.checks.run import run_identities

    con = _checked_warehouse()
    broken = identities.CHECK_NAMES[len(identities.CHECK_NAMES) // 2]
    real = identities._check_sql
    monkeypatch.setattr(identities, "_check_sql",
                        lambda name: "SELECT * FROM no_such_table" if name == broken else real(name))
    with pytest.raises(duckdb.CatalogException):
        run_identities(con, "run-x", use_gx=False, threads=2)
    # rolled back as a whole, nothing left registered, the connection goes on
    assert con.execute("SELECT count(*) FROM dq_results WHERE run_id = 'run-x'").fetchall() == [(0,)]
    with pytest.raises(duckdb.CatalogException):
        con.execute(f"SELECT * FROM {identities._COMPUTED}")
    monkeypatch.setattr(identities, "_check_sql", real)
    assert run_identities(con, "run-y", use_gx=False, threads=2).evaluated > 50


@pytest.mark.parametrize(
    ("load", "cores", "want"),
    [
        (0.0, 2, 2),  # idle box
        (1.6, 2, 2),  # the run's own parse still in the load average: a core mostly idle
        (1.8, 2, 1),  # less than a quarter of a core idle: one connection, as before
        (9.0, 2, 1),
        (0.0, 16, 4),  # never more than four
        (14.5, 16, 3),
        (0.0, 1, 1),
    ],
)
def test_check_threads_follow_the_idle_cores(load, cores, want):
    from pipeline.checks.run import check_threads

    assert check_threads(load=load, cores=cores) == want


def test_check_threads_fixed_or_without_a_load_average(monkeypatch):
    from pipeline.checks.run import check_threads

    monkeypatch.setenv("BPW_CHECK_THREADS", "3")
    assert check_threads(load=9.0, cores=2) == 3
    monkeypatch.delenv("BPW_CHECK_THREADS")

    def no_load():
        raise OSError("no load average here")

    monkeypatch.setattr("os.getloadavg", no_load)
    assert check_threads(cores=2) == 1
