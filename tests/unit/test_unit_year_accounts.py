"""v_unit_year carries a unit-year's accounts apart (issue 13): 本年收入合计, 本年支出合计, 基本 /
项目支出, 上年结转 and 年末结转, and the 收入支出总计 that includes the carry-over, for 预算 and 决算
units alike, each at the stage its report prints (a budget's 年初 figures, a final account's
executed ones; never one stage for the other).

Figures read by hand from real pages: 上海市普陀区财政局 2024 部门决算 (GovBudgetChecker
samples/good, p.6 收入支出决算总表: 本年收入合计 2,946.25, 本年支出合计 2,940.05, 年初结转和结余
49.14, 总计 2,995.39; p.8 支出决算表 基本支出 2,336.91, 项目支出 603.14) and 无锡市商务局 2026 部门预算
(收支预算总表: 本年收入合计 17,466.65, 基本支出 4,670.40, 项目支出 12,796.25, 上年结转 0)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.settings import SQL_DIR
from pipeline.warehouse.views import create_views


def _insert(con, table: str, rows: list[dict]) -> None:
    for r in rows:
        con.execute(f"INSERT INTO {table} ({', '.join(r)}) VALUES ({', '.join('?' for _ in r)})", list(r.values()))


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path: Path = tmp_path_factory.mktemp("acc") / "w.duckdb"
    c = duckdb.connect(str(path))
    for f in sorted((SQL_DIR / "schema").glob("*.sql")):
        c.execute(f.read_text(encoding="utf-8"))
    _insert(c, "documents", [dict(document_id=d, file_name=f"{d}.pdf", file_format="pdf", status="loaded")
                             for d in ("dput", "dwx")])
    _insert(c, "reports", [
        dict(report_id="put", document_id="dput", report_kind="final_accounts", unit_name="上海市普陀区财政局",
             unit_key="上海市普陀区财政局", fiscal_year=2024, seq=1),
        dict(report_id="wx", document_id="dwx", report_kind="budget", unit_name="无锡市商务局",
             unit_key="无锡市商务局", fiscal_year=2026, seq=1),
    ])
    ref = iter(range(1, 100))

    def fig(line: str, wan: str) -> dict:
        return dict(line_item=line, reported_text=wan, reported_unit="万元", decimals=2,
                    source_ref=f"page=6;table=1;row={next(ref)};col=2", origin="table")

    _insert(c, "fact_executions", [
        dict(report_id="put", executed_yuan=float(w.replace(",", "")) * 10000, **fig(line, w))
        for line, w in [("total_income", "2,946.25"), ("total_spending", "2,940.05"), ("carryover", "49.14"),
                        ("grand_total", "2,995.39"), ("total", "2,995.39"), ("basic", "2,336.91"),
                        ("project", "603.14")]
    ])
    _insert(c, "fact_budgets", [
        dict(report_id="wx", stage="initial", amount_yuan=float(w.replace(",", "")) * 10000, **fig(line, w))
        for line, w in [("total_income", "17,466.65"), ("total_spending", "17,466.65"), ("carryover", "0.00"),
                        ("basic", "4,670.40"), ("project", "12,796.25"), ("total", "17,466.65")]
    ] + [  # a 上年 figure quoted for comparison is not the year's
        dict(report_id="wx", stage="initial", amount_yuan=1.0, period="prior", **fig("total_income", "0.01"))])
    create_views(c)
    yield c
    c.close()


def test_accounts_apart_for_budget_and_final_accounts(con):
    got = con.execute("""SELECT unit_key, accounts_stage, total_income_yuan, total_spending_yuan, basic_yuan, project_yuan,
                                carryover_yuan, carryover_end_yuan, grand_total_yuan, executed_yuan
                         FROM v_unit_year ORDER BY fiscal_year""").fetchall()
    f = lambda *xs: tuple(None if x is None else float(x) for x in xs)  # noqa: E731
    assert [(u, s, *f(*rest)) for u, s, *rest in got] == [
        # 决算: 本年支出合计 = 基本 + 项目 (2,336.91 + 603.14 = 2,940.05); 总计 includes the carry-over
        ("上海市普陀区财政局", "executed", *f(29_462_500, 29_400_500, 23_369_100, 6_031_400, 491_400, None,
                                          29_953_900, 29_953_900)),
        # 预算: the 年初 figures; the quoted 上年 one stays out
        ("无锡市商务局", "initial", *f(174_666_500, 174_666_500, 46_704_000, 127_962_500, 0, None, None, None)),
    ]


def test_new_columns_have_chinese_comments(con):
    got = dict(con.execute("""SELECT column_name, comment FROM duckdb_columns()
                              WHERE table_name = 'v_unit_year' AND column_name LIKE '%total%'""").fetchall())
    assert got["total_income_yuan"].startswith("本年收入合计") and "含结转" in got["grand_total_yuan"]
