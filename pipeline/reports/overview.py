"""Overview page: budgets, execution and scores per unit and year, one offline HTML file.

Reads `reports`, `fact_budgets` and `fact_executions` at report level (project_id IS NULL,
line_item = 'total'). Money is shown in 万元. Charts are inline SVG; no network.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb

from pipeline.normalize.money import unit_factor
from pipeline.reports.html import (
    KIND_LABELS,
    bar_chart,
    fmt_num,
    fmt_pct,
    fmt_wan,
    kpi,
    page,
    section,
    table,
    td,
)
from pipeline.reports.ranges import flagged, rate_out_of_range, score_out_of_range

KIND_PRIORITY = ["department", "special_fund", "project", "final_accounts", "budget"]

# Per report: one figure per stage (a table figure beats the same figure in text; twins skipped).
# Per unit × year: the reports of the most specific kind present (department first), summed,
# so that a department report and its final-accounts explanation are not counted twice.
_UNIT_YEAR = """
WITH b AS (
    SELECT report_id, stage, amount_yuan FROM (
        SELECT *, row_number() OVER (PARTITION BY report_id, stage ORDER BY origin = 'table' DESC, source_ref) AS rn
        FROM fact_budgets
        WHERE project_id IS NULL AND line_item = 'total' AND amount_yuan IS NOT NULL AND NOT coalesce(is_twin, FALSE))
    WHERE rn = 1
), e AS (
    SELECT report_id, executed_yuan, reported_rate_pct FROM (
        SELECT *, row_number() OVER (PARTITION BY report_id ORDER BY origin = 'table' DESC, executed_yuan IS NULL, source_ref) AS rn
        FROM fact_executions
        WHERE project_id IS NULL AND line_item = 'total' AND NOT coalesce(is_twin, FALSE))
    WHERE rn = 1
), r AS (
    SELECT r.*, coalesce(r.unit_key, r.unit_name) AS ukey,
           coalesce(list_position($kinds, r.report_kind), 99) AS kind_rank
    FROM reports r JOIN documents d ON d.document_id = r.document_id
    WHERE d.status IN ('loaded', 'partial') AND d.missing_since IS NULL AND r.fiscal_year IS NOT NULL
), chosen AS (
    SELECT * FROM r QUALIFY kind_rank = min(kind_rank) OVER (PARTITION BY ukey, fiscal_year)
), per_report AS (
    SELECT c.report_id, c.ukey, c.unit_name, c.region, c.fiscal_year, c.report_kind, c.score_total, c.grade_text,
           max(b.amount_yuan) FILTER (b.stage = 'initial') AS initial_yuan,
           max(b.amount_yuan) FILTER (b.stage = 'adjustment') AS adjustment_yuan,
           max(b.amount_yuan) FILTER (b.stage = 'adjusted') AS adjusted_yuan,
           any_value(e.executed_yuan) AS executed_yuan, any_value(e.reported_rate_pct) AS reported_rate_pct
    FROM chosen c LEFT JOIN b ON b.report_id = c.report_id LEFT JOIN e ON e.report_id = c.report_id
    GROUP BY ALL
)
SELECT ukey, min(unit_name) AS unit_name, min(region) AS region, fiscal_year,
       string_agg(DISTINCT report_kind, ',') AS kinds, count(*) AS n_reports,
       sum(initial_yuan) AS initial_yuan, sum(adjustment_yuan) AS adjustment_yuan,
       sum(adjusted_yuan) AS adjusted_yuan, sum(executed_yuan) AS executed_yuan,
       round(100 * CAST(sum(executed_yuan) FILTER (adjusted_yuan IS NOT NULL) AS DOUBLE)
             / nullif(CAST(sum(adjusted_yuan) FILTER (executed_yuan IS NOT NULL) AS DOUBLE), 0), 2) AS rate_pct,
       max(reported_rate_pct) AS reported_rate_pct,
       max(score_total) AS score, min(grade_text) AS grade_text
FROM per_report
GROUP BY ukey, fiscal_year
ORDER BY ukey, fiscal_year
"""

# Data quality per unit × year: identities evaluated and failed in the latest check run.
_DQ_UNIT_YEAR = """
SELECT coalesce(r.unit_key, r.unit_name) AS ukey, r.fiscal_year,
       count(*) AS n_run, count(*) FILTER (NOT q.passed) AS n_failed
FROM dq_results q JOIN reports r ON r.report_id = q.report_id
WHERE q.run_id = (SELECT run_id FROM dq_results ORDER BY checked_at DESC, run_id DESC LIMIT 1)
GROUP BY ALL
"""


def write_overview(con: duckdb.DuckDBPyConnection, out: Path) -> Path:
    """Write the overview page for the warehouse behind `con` to `out` (one HTML file)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = con.execute(_UNIT_YEAR, {"kinds": KIND_PRIORITY}).fetchall()
    n_reports_all = con.execute("SELECT count(*) FROM reports").fetchone()[0]
    dq = {(u, y): (n, f) for u, y, n, f in con.execute(_DQ_UNIT_YEAR).fetchall()}

    def label(r) -> str:
        return f"{r[1] or r[0]} · {r[3]}"

    units = sorted({r[0] for r in rows if r[0]})
    years = sorted({r[3] for r in rows})
    adj_total = sum(float(r[8]) for r in rows if r[8] is not None and r[9] is not None)
    exe_total = sum(float(r[9]) for r in rows if r[8] is not None and r[9] is not None)
    scores = [float(r[12]) for r in rows if r[12] is not None]
    kpis = [
        kpi("单位 Units", len(units)),
        kpi("年度 Years", len(years), sub=(f"{years[0]}–{years[-1]}" if years else "")),
        kpi("单位年度 Unit-years", len(rows), sub=f"报告 Reports: {n_reports_all}"),
        kpi("调整后预算 Adjusted (万元)", fmt_wan(sum(float(r[8]) for r in rows if r[8] is not None)), "grey"),
        kpi("执行数 Executed (万元)", fmt_wan(sum(float(r[9]) for r in rows if r[9] is not None)), "grey"),
        kpi("总体执行率 Overall rate", fmt_pct(100 * exe_total / adj_total) if adj_total else "—", "ok",
            sub="同时有预算与执行数的单位年度 unit-years with both"),
        kpi("平均得分 Mean score", fmt_num(sum(scores) / len(scores), 2) if scores else "—", "",
            sub=f"{len(scores)} 个有得分 with a score"),
    ]
    body = ['<div class="kpis">' + "".join(kpis) + "</div>"]

    wan = float(unit_factor("万元"))  # charts are drawn in 万元
    money_rows = [(label(r), [None if r[8] is None else float(r[8]) / wan,
                              None if r[9] is None else float(r[9]) / wan])
                  for r in rows if r[8] is not None or r[9] is not None]
    body.append(section(
        "budgets", "预算与执行（万元）", "Budget and execution per unit and year (10k yuan)",
        bar_chart(money_rows, [("调整后预算 Adjusted", "b-blue"), ("执行数 Executed", "b-teal")],
                  width=1100, value_fmt=lambda v: f"{v:,.2f} 万元", aria_label="budgets per unit and year",
                  empty_text="无预算数据 No budget figures"),
        note="报告层面合计（project_id 为空，line_item = total），表格数优先于正文数；同一单位年度按"
             "部门整体 > 专项资金 > 项目 > 决算说明 > 预算公开 取一类报告，避免重复计算。 · "
             "Report-level totals, table figures preferred; per unit and year one kind of report is used "
             "(department > special fund > project > final accounts > budget) so nothing is counted twice.",
    ))
    rate_rows = [(label(r), [float(r[10])]) for r in rows if r[10] is not None]
    rate_cls = [["b-bad" if rate_out_of_range(r[10]) else "b-warn" if float(r[10]) > 100 else "b-blue"]
                for r in rows if r[10] is not None]
    score_rows = [(label(r), [float(r[12])]) for r in rows if r[12] is not None]
    score_cls = [["b-bad" if score_out_of_range(r[12]) else "b-ok" if float(r[12]) >= 90 else "b-blue" if float(r[12]) >= 80 else "b-warn"]
                 for r in rows if r[12] is not None]
    body.append(
        '<div class="grid2">'
        + section("rates", "预算执行率", "Execution rate per unit and year",
                  bar_chart(rate_rows, [("执行率 rate", "b-blue")], bar_classes=rate_cls, width=640,
                            value_fmt=fmt_pct, ref_line=100.0, ref_label="100%", aria_label="execution rates",
                            empty_text="无可计算的执行率 No execution rate can be computed"),
                  note="执行数 ÷ 调整后预算数 × 100 · executed ÷ adjusted × 100")
        + section("scores", "自评得分", "Self-evaluation score per unit and year",
                  bar_chart(score_rows, [("得分 score", "b-blue")], bar_classes=score_cls, width=640,
                            value_fmt=lambda v: fmt_num(v, 2), ref_line=90.0, ref_label="90",
                            aria_label="scores", empty_text="无得分 No scores"),
                  note="绿色 ≥ 90，蓝色 ≥ 80，黄色 < 80 · green ≥ 90, blue ≥ 80, amber < 80")
        + "</div>"
    )

    trs = []
    for r in rows:
        (ukey, uname, region, year, kinds, nrep, ini, adjm, adj, exe, rate, srate, score, grade) = r
        kind_txt = ", ".join(KIND_LABELS.get(k, k) for k in (kinds or "").split(",") if k)
        trs.append(
            "<tr>" + td(uname or ukey, "unit") + td(region) + td(year, "num") + td(kind_txt) + td(nrep, "num")
            + td(fmt_wan(ini), "num") + td(fmt_wan(adjm), "num") + td(fmt_wan(adj), "num") + td(fmt_wan(exe), "num")
            + td(flagged(fmt_pct(rate), rate_out_of_range(rate)), "num", raw=True)
            + td(flagged(fmt_pct(srate), rate_out_of_range(srate)), "num", raw=True)
            + td(flagged(fmt_num(score, 2), score_out_of_range(score)), "num", raw=True) + td(grade)
            + td(_dq_cell(dq.get((ukey, year))), "num", raw=True)
            + "</tr>"
        )
    body.append(section(
        "table", "单位年度明细", "Per unit and year",
        table([("单位 Unit", ""), ("地区 Region", ""), ("年度 Year", "num"), ("报告类型 Kind", ""),
               ("报告数 Reports", "num"), ("年初预算 Initial", "num"), ("调整数 Adjustment", "num"),
               ("调整后预算 Adjusted", "num"), ("执行数 Executed", "num"),
               ("计算执行率 Computed", "num"), ("所列执行率 Stated", "num"),
               ("得分 Score", "num"), ("等级 Grade", ""), ("未通过检查 Failed checks", "num")], trs,
              empty_text="仓库中尚无已载入的报告 No loaded reports in the warehouse"),
        note="金额单位：万元 · Amounts in 万元 (10k yuan). 计算执行率 = 执行数 ÷ 调整后预算数 × 100；"
             "所列执行率为报告原文 · Computed = executed ÷ adjusted × 100; Stated = as printed. "
             "⚠ 得分超过 100、执行率为负或达到 1000% 以上，多为误读或印错 · ⚠ a score above 100 or a rate "
             "below 0 or of 1000 % and more: most likely misread or misprinted. "
             "未通过检查 = 最近一次检查中未通过数 / 已运行数 · Failed checks = failed / run in the latest check run.",
    ))
    html_doc = page("预算绩效总览", "Budget-performance overview",
                    [f"生成时间 Generated: {datetime.now():%Y-%m-%d %H:%M:%S}", "金额单位 Money in 万元 (10k yuan)"],
                    "".join(body),
                    nav=[("budgets", "预算 Budgets"), ("rates", "执行率 Rates"), ("scores", "得分 Scores"),
                         ("table", "明细 Table")])
    out.write_text(html_doc, encoding="utf-8")
    return out


def _dq_cell(counts: tuple[int, int] | None) -> str:
    """failed / run, red when any failed; 未检查 when nothing was checked."""
    if not counts or not counts[0]:
        return '<span class="sub">未检查 not checked</span>'
    n_run, n_failed = counts
    text = f"{n_failed} / {n_run}"
    return f'<span class="flag">{text}</span>' if n_failed else text
