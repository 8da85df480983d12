"""The data-quality report: one self-contained HTML file (no network), Chinese and English.

Reads the warehouse only. Shows every document (loaded or not), a summary per document
and report, every failed identity of the latest check run with its figures and source
references, charts (failures by check, execution rates per report) and a client-side
filter by unit, year and check. All document text is HTML-escaped.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb

from pipeline.checks.catalogue import rules
from pipeline.reports.html import (
    KIND_LABELS,
    badge,
    bar_chart,
    esc,
    fmt_num,
    fmt_pct,
    fmt_wan,
    kpi,
    multi_attr,
    page,
    section,
    table,
    td,
)
from pipeline.reports.ranges import (
    RATE_MAX,
    RATE_MIN,
    SCORE_MAX,
    flagged,
    rate_out_of_range,
    score_out_of_range,
)

# The stable check names of the contract, explained in Chinese and English (sql/checks/rules.csv).
CHECK_CATALOGUE: dict[str, tuple[str, str, str]] = {
    r.name: (r.severity, r.description_zh, r.description_en) for r in rules().values()
}

STATUS_LABELS = {
    "loaded": ("已载入 loaded", "ok"),
    "partial": ("部分载入 partial", "warn"),
    "failed": ("失败 failed", "bad"),
    "not_a_report": ("非报告 not a report", "grey"),
    "duplicate": ("重复 duplicate", "grey"),
}
SEVERITY_KIND = {"error": "bad", "warning": "warn", "ok": "ok"}

_LATEST_RUN = """SELECT run_id, max(checked_at) AS last_at FROM dq_results GROUP BY run_id ORDER BY last_at DESC, run_id DESC LIMIT 1"""

_SUMMARY = """
WITH q AS (SELECT * FROM dq_results WHERE run_id = $run),
agg AS (
    SELECT coalesce(q.document_id, r.document_id) AS document_id, q.report_id,
           count(*) AS n_run, count(*) FILTER (NOT q.passed) AS n_failed,
           count(*) FILTER (NOT q.passed AND q.severity = 'error') AS n_err,
           list(DISTINCT q.check_name ORDER BY q.check_name) FILTER (NOT q.passed) AS failed_checks
    FROM q LEFT JOIN reports r ON r.report_id = q.report_id
    GROUP BY ALL
),
base AS (SELECT d.document_id, r.report_id FROM documents d LEFT JOIN reports r ON r.document_id = d.document_id)
SELECT coalesce(b.document_id, a.document_id) AS document_id, coalesce(b.report_id, a.report_id) AS report_id,
       coalesce(a.n_run, 0), coalesce(a.n_failed, 0), coalesce(a.n_err, 0), coalesce(a.failed_checks, [])
FROM base b FULL OUTER JOIN agg a
  ON b.document_id IS NOT DISTINCT FROM a.document_id AND b.report_id IS NOT DISTINCT FROM a.report_id
"""

_FAILS = """
SELECT coalesce(q.document_id, r.document_id) AS document_id, q.report_id, q.project_id, p.project_name,
       q.check_name, q.severity, q.expected, q.observed, q.difference, q.tolerance, q.detail, q.source_refs
FROM dq_results q
LEFT JOIN reports r ON r.report_id = q.report_id
LEFT JOIN projects p ON p.project_id = q.project_id
WHERE q.run_id = $run AND NOT q.passed
ORDER BY q.severity = 'error' DESC, q.check_name, q.report_id, q.project_id, q.source_refs
"""

# Checks that met a structure they did not fully understand (an unmapped child, a table cut
# off): listed with what was missing, never counted as errors.
_INCOMPLETE = """
SELECT coalesce(q.document_id, r.document_id) AS document_id, q.report_id, q.check_name, q.detail, q.source_refs
FROM dq_results q LEFT JOIN reports r ON r.report_id = q.report_id
WHERE q.run_id = $run AND q.status = 'incomplete'
ORDER BY q.check_name, q.report_id, q.source_refs
"""

_BY_CHECK = """
SELECT check_name, count(*) AS n_run, count(*) FILTER (NOT passed) AS n_failed,
       count(*) FILTER (NOT passed AND severity = 'error') AS n_err
FROM dq_results WHERE run_id = $run GROUP BY check_name ORDER BY check_name
"""

# One figure per report: a table figure beats the same figure in running text; twins skipped.
_RATES = """
WITH b AS (
    SELECT report_id, amount_yuan FROM (
        SELECT *, row_number() OVER (PARTITION BY report_id ORDER BY origin = 'table' DESC, source_ref) AS rn
        FROM fact_budgets
        WHERE project_id IS NULL AND line_item = 'total' AND stage = 'adjusted'
          AND amount_yuan IS NOT NULL AND NOT coalesce(is_twin, FALSE))
    WHERE rn = 1
), e AS (
    SELECT report_id, executed_yuan, reported_rate_pct FROM (
        SELECT *, row_number() OVER (PARTITION BY report_id ORDER BY origin = 'table' DESC, source_ref) AS rn
        FROM fact_executions
        WHERE project_id IS NULL AND line_item = 'total' AND executed_yuan IS NOT NULL
          AND NOT coalesce(is_twin, FALSE))
    WHERE rn = 1
)
SELECT r.report_id, r.unit_name, r.fiscal_year, r.report_kind, b.amount_yuan, e.executed_yuan,
       round(100 * CAST(e.executed_yuan AS DOUBLE) / CAST(b.amount_yuan AS DOUBLE), 2) AS rate_pct,
       e.reported_rate_pct
FROM reports r JOIN b ON b.report_id = r.report_id JOIN e ON e.report_id = r.report_id
WHERE b.amount_yuan <> 0
ORDER BY r.unit_name, r.fiscal_year, r.report_kind, r.report_id
"""

# Scores and rates outside their plausible range, with where they are printed.
_OUT_OF_RANGE = """
SELECT r.document_id, r.unit_name, r.fiscal_year, coalesce(p.project_name, f.component) AS what,
       '得分 score' AS measure, f.score AS value, f.weight AS weight, f.source_ref
FROM fact_scores f JOIN reports r USING (report_id) LEFT JOIN projects p ON p.project_id = f.project_id
WHERE f.score IS NOT NULL AND NOT coalesce(f.is_twin, FALSE)
  AND (f.score < 0 OR f.score > $score_max OR (f.weight IS NOT NULL AND f.score > f.weight))
UNION ALL
SELECT r.document_id, r.unit_name, r.fiscal_year, coalesce(p.project_name, f.line_item),
       '所列执行率 stated rate %', f.reported_rate_pct, NULL, f.source_ref
FROM fact_executions f JOIN reports r USING (report_id) LEFT JOIN projects p ON p.project_id = f.project_id
WHERE f.reported_rate_pct IS NOT NULL AND NOT coalesce(f.is_twin, FALSE)
  AND (f.reported_rate_pct < $rate_min OR f.reported_rate_pct >= $rate_max)
UNION ALL
SELECT r.document_id, r.unit_name, r.fiscal_year, '总分 total score', '得分 score', r.score_total, NULL, NULL
FROM reports r WHERE r.score_total < 0 OR r.score_total > $score_max
ORDER BY 1, 2, 3, 4, 8
"""

_FILTER_JS = r"""
(function(){
  var S='\n', ids=['f-unit','f-year','f-check'], keys=['data-unit','data-year','data-check'];
  function val(i){var e=document.getElementById(i);return e?e.value:'';}
  function has(a,v){return !v||(a||'').indexOf(S+v+S)>=0;}
  function apply(){
    var v=ids.map(val);
    document.querySelectorAll('table[data-filterable]').forEach(function(t){
      var shown=0,total=0;
      t.querySelectorAll('tbody tr[data-f]').forEach(function(r){
        var ok=true;
        for(var k=0;k<3;k++){if(!has(r.getAttribute(keys[k]),v[k])){ok=false;break;}}
        r.style.display=ok?'':'none'; total++; if(ok)shown++;
      });
      var c=document.querySelector('.rowcount[data-for="'+t.id+'"]');
      if(c)c.textContent=shown+' / '+total;
    });
  }
  ids.forEach(function(i){var e=document.getElementById(i);if(e)e.addEventListener('change',apply);});
  var b=document.getElementById('f-reset');
  if(b)b.addEventListener('click',function(){ids.forEach(function(i){var e=document.getElementById(i);if(e)e.value='';});apply();});
  apply();
})();
"""


def _rowcount(table_id: str) -> str:
    return f'<p class="note">显示 Showing <b class="rowcount" data-for="{esc(table_id)}"></b> 行 rows</p>'


def _filter_attrs(units, years, checks) -> str:
    return (f' data-f="1" data-unit="{multi_attr(units)}" data-year="{multi_attr(years)}"'
            f' data-check="{multi_attr(checks)}"')


def _options(values) -> str:
    return '<option value="">全部 All</option>' + "".join(
        f'<option value="{esc(v)}">{esc(v)}</option>' for v in values
    )


def _labelled_refs(refs: str | None) -> str:
    """One line per figure: the first ref is where the checked figure is printed (印), the
    others where the figures it is computed from are (算); a ref the check named keeps its name."""
    parts = [p.strip() for p in (refs or "").split("; ") if p.strip()]
    lines = []
    for i, ref in enumerate(parts):
        label = "印 printed" if i == 0 else "算 from"
        name, at, where = ref.partition(" @")
        text = f"{esc(name)} @ {esc(where)}" if at else esc(ref)
        lines.append(f'<span class="sub">{label}</span> {text}')
    return "<br>".join(lines)


def _worst(n_failed: int, n_err: int, n_run: int) -> str:
    if n_err:
        return "error"
    if n_failed:
        return "warning"
    return "ok" if n_run else ""


def write_dq_report(con: duckdb.DuckDBPyConnection, out: Path) -> Path:
    """Write the data-quality report for the warehouse behind `con` to `out` (one HTML file)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)

    latest = con.execute(_LATEST_RUN).fetchone()
    run_id, run_at = (latest if latest else (None, None))
    params = {"run": run_id}

    docs = con.execute(
        """SELECT document_id, file_name, file_format, page_count, status, error_code, error_message,
                  duplicate_of, ingested_at, missing_since,
                  round(100.0 * (coalesce(numeric_cells_used, 0) + coalesce(numeric_cells_ignored, 0))
                        / nullif(numeric_cells, 0), 1)
           FROM documents ORDER BY file_name, document_id"""
    ).fetchall()
    doc_by_id = {d[0]: d for d in docs}
    reps = con.execute(
        """SELECT report_id, document_id, unit_name, fiscal_year, report_kind, score_total, grade_text, seq
           FROM reports ORDER BY document_id, seq NULLS LAST, report_id"""
    ).fetchall()
    rep_by_id = {r[0]: r for r in reps}
    summary = con.execute(_SUMMARY, params).fetchall()
    fails = con.execute(_FAILS, params).fetchall()
    by_check = con.execute(_BY_CHECK, params).fetchall()
    incomplete = con.execute(_INCOMPLETE, params).fetchall()
    rates = con.execute(_RATES).fetchall()
    out_of_range = con.execute(_OUT_OF_RANGE, {"score_max": SCORE_MAX, "rate_min": RATE_MIN,
                                               "rate_max": RATE_MAX}).fetchall()

    # ---- totals ------------------------------------------------------------------------
    status_counts: dict[str, int] = {}
    for d in docs:
        status_counts[d[4]] = status_counts.get(d[4], 0) + 1
    n_run = sum(r[1] for r in by_check)
    n_failed = sum(r[2] for r in by_check)
    n_err = sum(r[3] for r in by_check)

    # ---- filter values per document / report ---------------------------------------------
    doc_units: dict[str, set] = {}
    doc_years: dict[str, set] = {}
    for r in reps:
        if r[2]:
            doc_units.setdefault(r[1], set()).add(r[2])
        if r[3] is not None:
            doc_years.setdefault(r[1], set()).add(r[3])
    doc_nreports: dict[str, int] = {}
    for r in reps:
        doc_nreports[r[1]] = doc_nreports.get(r[1], 0) + 1
    doc_failed_checks: dict[str, set] = {}
    rep_failed_checks: dict[str | None, set] = {}
    for f in fails:
        doc_failed_checks.setdefault(f[0], set()).add(f[4])
        rep_failed_checks.setdefault(f[1], set()).add(f[4])
    units = sorted({r[2] for r in reps if r[2]})
    years = sorted({r[3] for r in reps if r[3] is not None})
    checks = sorted({r[0] for r in by_check} | {f[4] for f in fails})

    # ---- header & KPIs -------------------------------------------------------------------
    run_info = None
    if run_id is not None:
        try:
            run_info = con.execute("SELECT started_at, finished_at FROM runs WHERE run_id = ?", [run_id]).fetchone()
        except duckdb.Error:
            run_info = None
    meta = [f"生成时间 Generated: {datetime.now():%Y-%m-%d %H:%M:%S}"]
    if run_id is not None:
        when = run_info[0] if run_info and run_info[0] else run_at
        meta.append(f"检查批次 Check run: {run_id}")
        meta.append(f"检查时间 Checked at: {when:%Y-%m-%d %H:%M:%S}" if when else "")
    else:
        meta.append("尚无检查结果 No check results yet")

    kpis = [kpi("文件 Documents", len(docs), "", sub=f"报告 Reports: {len(reps)}")]
    for st in ["loaded", "partial", "failed", "not_a_report", "duplicate"] + sorted(
            s for s in status_counts if s not in STATUS_LABELS):
        n = status_counts.get(st, 0)
        label, kind = STATUS_LABELS.get(st, (st, "grey"))
        if n or st in ("loaded", "failed"):
            kpis.append(kpi(label, n, kind if n else "grey"))
    kpis.append(kpi("已运行检查 Checks run", f"{n_run:,}", ""))
    kpis.append(kpi("未通过 Checks failed", f"{n_failed:,}", "bad" if n_failed else "ok",
                    sub=f"错误 errors {n_err:,} · 警告 warnings {n_failed - n_err:,}"))
    kpis.append(kpi("未完整核对 Incomplete", f"{len(incomplete):,}", "warn" if incomplete else "grey",
                    sub="结构未完全识别，不计为错误 structure not fully read; not errors"))
    body = ['<div class="kpis">' + "".join(kpis) + "</div>"]

    # ---- charts --------------------------------------------------------------------------
    bc = {r[0]: r for r in by_check}
    chart_rows, chart_cls = [], []
    for name in sorted(set(CHECK_CATALOGUE) | set(bc)):
        _, nr, nf, ne = bc.get(name, (name, 0, 0, 0))
        chart_rows.append((f"{name} ({nf}/{nr})", [nf]))
        sev = CHECK_CATALOGUE.get(name, ("error",))[0]
        chart_cls.append(["b-bad" if (ne or (nf and sev == "error")) else "b-warn" if nf else "b-grey"])
    fail_chart = bar_chart(chart_rows, [("未通过 failed", "b-bad")], bar_classes=chart_cls,
                           width=640, value_fmt=lambda v: f"{v:,.0f}", aria_label="failures by check")
    rate_rows = [
        (f"{r[1] or '?'} · {r[2] or ''} · {KIND_LABELS.get(r[3], r[3]).split(' ')[0]}", [r[6]]) for r in rates
    ]
    rate_cls = [["b-bad" if rate_out_of_range(r[6]) else "b-warn" if (r[6] or 0) > 100 else "b-blue"]
                for r in rates]
    rate_chart = bar_chart(rate_rows, [("执行率 rate", "b-blue")], bar_classes=rate_cls, width=640,
                           value_fmt=lambda v: fmt_pct(v), ref_line=100.0, ref_label="100%",
                           aria_label="execution rate per report",
                           empty_text="无可计算的执行率 No report has both an adjusted budget and an executed total")
    rate_table_rows = [
        "<tr>" + td(r[1], "unit") + td(r[2], "num") + td(KIND_LABELS.get(r[3], r[3])) + td(fmt_wan(r[4]), "num")
        + td(fmt_wan(r[5]), "num") + td(flagged(fmt_pct(r[6]), rate_out_of_range(r[6])), "num", raw=True)
        + td(flagged(fmt_pct(r[7]), rate_out_of_range(r[7])), "num", raw=True) + "</tr>"
        for r in rates
    ]
    body.append(
        '<div class="grid2">'
        + section("chart-fails", "按检查的未通过数", "Failures by check", fail_chart,
                  note="括号内为 未通过/已运行（最近一次检查）· In brackets: failed/run in the latest check run. "
                       "红色=错误 red=error, 黄色=警告 amber=warning.")
        + section("chart-rates", "各报告预算执行率", "Execution rate per report", rate_chart,
                  note="执行率 = 执行数 ÷ 调整后预算数 × 100（报告层面合计，表格数优先）· "
                       "Rate = executed ÷ adjusted budget × 100 from report-level totals, table figures preferred. "
                       "超过 100% 显示为黄色 · Above 100% in amber.")
        + "</div>"
    )
    if rates:
        body.append(section(
            "rates", "执行率明细", "Execution-rate details",
            table([("单位 Unit", ""), ("年度 Year", "num"), ("类型 Kind", ""),
                   ("调整后预算 Adjusted (万元)", "num"), ("执行数 Executed (万元)", "num"),
                   ("计算执行率 Computed rate", "num"), ("报告所列执行率 Stated rate", "num")], rate_table_rows),
        ))

    # ---- filter bar ----------------------------------------------------------------------
    body.append(
        '<div class="filters" id="filters"><b>筛选 Filter</b>'
        f'<label>单位 Unit<select id="f-unit">{_options(units)}</select></label>'
        f'<label>年度 Year<select id="f-year">{_options(years)}</select></label>'
        f'<label>检查 Check<select id="f-check">{_options(checks)}</select></label>'
        '<button type="button" id="f-reset">重置 Reset</button>'
        '<span class="count">作用于下方三张表 Applies to the three tables below</span></div>'
    )

    # ---- failed checks -------------------------------------------------------------------
    fail_rows = []
    for f in fails:
        (did, rid, pid, pname, check, sev, expected, observed, diff, tol, detail, refs) = f
        rep = rep_by_id.get(rid)
        doc = doc_by_id.get(did)
        unit = rep[2] if rep else None
        year = rep[3] if rep else None
        report_cell = (
            f"{esc(unit) or '—'}{' · ' + esc(year) if year is not None else ''}"
            f'<span class="sub">{esc(doc[1] if doc else did)}</span>'
        )
        rule = rules().get(check)
        figures = {"subject": pname or (f"{unit or ''}{' ' + str(year) if year is not None else ''}" or "—"),
                   "printed": fmt_num(expected), "computed": fmt_num(observed),
                   "difference": fmt_num(diff), "tolerance": fmt_num(tol, 4), "detail": detail or ""}
        sentence = (f"{rule.sentence('zh', **figures)} {rule.sentence('en', **figures)}" if rule else "")
        fail_rows.append(
            f"<tr{_filter_attrs([unit], [year], [check])}>"
            + td(report_cell, "rep", raw=True) + td(pname or pid, "proj")
            + td(f'{esc(check)}<span class="sub">{badge(sev, SEVERITY_KIND.get(sev, ""))}</span>', "chk", raw=True)
            + td(fmt_num(expected), "num") + td(fmt_num(observed), "num") + td(fmt_num(diff), "num")
            + td(fmt_num(tol), "num")
            + td(f'{esc(sentence)}<span class="sub">{esc(detail)}</span>' if sentence else esc(detail), "wide", raw=True) + td(_labelled_refs(refs), "mono", raw=True) + "</tr>"
        )
    body.append(section(
        "failures", "未通过的勾稽检查", "Failed checks",
        _rowcount("t-fails") + table(
            [("报告 Report（单位·年度 / 文件）", ""), ("项目 Project", ""),
             # expected holds the figure the document prints (a total, a rate, a share), observed
             # what its other figures give: "应为/实为" read backwards for half the checks
             ("检查·级别 Check · severity", ""), ("印出 Printed", "num"), ("按其他数算得 Computed", "num"),
             ("差额 Difference", "num"), ("容差 Tolerance", "num"), ("说明 Detail", ""), ("位置 Source refs", "")],
            fail_rows, table_id="t-fails",
            empty_text=("最近一次检查全部通过 No failed checks in the latest run" if n_run
                        else "尚未检查任何恒等式 Nothing has been checked yet"),
        filterable=True),
        note="最近一次检查中每一项未通过的恒等式 · Every identity that did not hold in the latest check run. "
             "容差为按印刷小数位计算的半宽 · Tolerance is the rounding half-width implied by the printed decimals.",
    ))

    oor_rows = [
        "<tr>" + td(f"{unit or '—'} · {year if year is not None else ''}") + td(what) + td(measure)
        + td(flagged(fmt_num(value), (rate_out_of_range(value) if weight is None and "rate" in measure
                                      else score_out_of_range(value, weight))), "num", raw=True)
        + td(fmt_num(weight), "num") + td((doc_by_id.get(did) or (None, did))[1]) + td(ref or "", "mono") + "</tr>"
        for did, unit, year, what, measure, value, weight, ref in out_of_range
    ]
    body.append(section(
        "out-of-range", "超出合理范围的数值", "Out-of-range figures",
        table([("单位·年度 Unit · year", ""), ("项目/部分 Item", ""), ("数值 Measure", ""), ("印出 Printed", "num"),
               ("分值 Weight", "num"), ("文件 File", ""), ("位置 Source ref", "")], oor_rows,
              empty_text="无超出合理范围的得分或执行率 No score or rate out of range"),
        note=f"得分应在 0 至分值（且不超过 {SCORE_MAX:g}）之间；执行率应在 {RATE_MIN:g}% 至 {RATE_MAX:g}% 之间 · "
             f"A score lies between 0 and its weight (at most {SCORE_MAX:g}); a rate between {RATE_MIN:g} % "
             f"and {RATE_MAX:g} %. Outside, the figure is most likely misread or misprinted.",
    ))

    if incomplete:
        inc_rows = []
        for did, _rid, check, detail, refs in incomplete:
            doc = doc_by_id.get(did)
            inc_rows.append("<tr>" + td(doc[1] if doc else did) + td(check) + td(detail, "wide")
                            + td((refs or "").replace(";", "; "), "mono") + "</tr>")
        body.append(section(
            "incomplete", "未完整核对的检查", "Incomplete checks",
            table([("文件 File", ""), ("检查 Check", ""), ("说明 Detail", ""), ("位置 Source refs", "")], inc_rows),
            note="检查所涉结构未被完全识别（如有未识别的子项），因此既不算通过也不算错误 · "
                 "The structure a check needs was not fully read (e.g. a child row not recognised): "
                 "neither passed nor an error.",
        ))

    # ---- summary per document / report ---------------------------------------------------
    sum_rows = []
    summary_sorted = sorted(
        summary,
        key=lambda s: ((doc_by_id.get(s[0]) or (None, ""))[1] or "", (rep_by_id.get(s[1]) or [None] * 8)[7] or 0,
                       s[1] or ""),
    )
    for did, rid, nr, nf, ne, fchecks in summary_sorted:
        doc = doc_by_id.get(did)
        rep = rep_by_id.get(rid)
        worst = _worst(nf, ne, nr)
        unit, year = (rep[2], rep[3]) if rep else (None, None)
        kind = KIND_LABELS.get(rep[4], rep[4]) if rep else ("（文件层面 document level）" if nr else "—")
        sum_rows.append(
            f"<tr{_filter_attrs([unit], [year], fchecks or [])}>"
            + td(doc[1] if doc else did, "nowrap")
            + td(badge(STATUS_LABELS.get(doc[4], (doc[4], ""))[0], STATUS_LABELS.get(doc[4], ("", "grey"))[1])
                 if doc else "", raw=True)
            + td(unit, "unit") + td(year, "num") + td(kind)
            + td(fmt_num(rep[5]) if rep else "", "num") + td(rep[6] if rep else "")
            + td(nr, "num") + td(nf, "num" + (" bad" if nf else ""))
            + td(badge(worst, SEVERITY_KIND.get(worst, "grey")) if worst else "—", raw=True)
            + td(", ".join(fchecks or []), "mono") + "</tr>"
        )
    body.append(section(
        "summary", "各文件/报告汇总", "Summary per document and report",
        _rowcount("t-summary") + table(
            [("文件 File", ""), ("状态 Status", ""), ("单位 Unit", ""), ("年度 Year", "num"), ("类型 Kind", ""),
             ("得分 Score", "num"), ("等级 Grade", ""), ("已运行 Run", "num"), ("未通过 Failed", "num"),
             ("最严重 Worst", ""), ("未通过的检查 Failed checks", "")],
            sum_rows, table_id="t-summary", empty_text="仓库中尚无文件 The warehouse holds no documents",
        filterable=True),
    ))

    # ---- all documents -------------------------------------------------------------------
    doc_rows = []
    for d in docs:
        did, fname, fmt, pages, status, ecode, emsg, dup, ingested, missing, coverage = d
        label, kind = STATUS_LABELS.get(status, (status, "grey"))
        dup_name = doc_by_id[dup][1] if dup in doc_by_id else dup
        note = emsg or ""
        if dup:
            note = (note + " · " if note else "") + f"重复于 duplicate of: {dup_name}"
        if missing:
            note = (note + " · " if note else "") + f"文件已移除 missing since {missing:%Y-%m-%d %H:%M}"
        doc_rows.append(
            f"<tr{_filter_attrs(sorted(doc_units.get(did, ())), sorted(doc_years.get(did, ())), sorted(doc_failed_checks.get(did, ())))}>"
            + td(fname, "nowrap") + td(badge(label, kind), raw=True) + td(ecode, "mono") + td(note, "wide")
            + td(fmt) + td(pages, "num") + td(doc_nreports.get(did, 0), "num")
            + td(f"{coverage:.1f}%" if coverage is not None else "", "num")
            + td(f"{ingested:%Y-%m-%d %H:%M}" if ingested else "", "nowrap") + "</tr>"
        )
    body.append(section(
        "documents", "全部文件", "All documents",
        _rowcount("t-docs") + table(
            [("文件 File", ""), ("状态 Status", ""), ("错误代码 Error code", ""), ("说明 Error message", ""),
             ("格式 Format", ""), ("页数 Pages", "num"), ("报告数 Reports", "num"),
             ("数字覆盖率 Numbers used", "num"), ("载入时间 Ingested", "")],
            doc_rows, table_id="t-docs", empty_text="仓库中尚无文件 The warehouse holds no documents",
        filterable=True),
        note="输入目录中见过的每个文件，包括未能载入的；数字覆盖率＝表格中的数字进入事实或按规则忽略（序号、编码）的比例，"
             "其余列于 unrecognised 表 · Every file ever seen in the input folder, loaded or not; numbers used = "
             "share of numeric table cells that became facts or are knowingly ignored (序号, codes); the rest are "
             "listed in the unrecognised table.",
    ))

    # ---- layout problems: columns that contradict their header, titled reports without figures
    layout = con.execute(
        """SELECT d.file_name, u.source_ref, u.what, u.reason FROM unrecognised u JOIN documents d USING (document_id)
           WHERE u.what IN ('column', 'report') AND d.missing_since IS NULL ORDER BY d.file_name, u.source_ref"""
    ).fetchall()
    body.append(section(
        "layout", "版式问题", "Layout problems",
        table([("文件 File", ""), ("位置 Where", ""), ("对象 What", ""), ("说明 Reason", "")],
              [("<tr>" + td(f, "nowrap") + td(ref, "mono") + td(w) + td(r, "wide") + "</tr>") for f, ref, w, r in layout],
              table_id="t-layout", empty_text="无 None"),
        note="表头与内容矛盾的列（其数字不入事实、不作猜测），以及有标题却无任何数字的报告 · Columns whose header "
             "contradicts their cells (set aside, not guessed) and reports recognised by their title without any figure.",
    ))

    # ---- check catalogue -----------------------------------------------------------------
    cat = []
    for name, (sev, zh, en) in CHECK_CATALOGUE.items():
        _, nr, nf, _ = bc.get(name, (name, 0, 0, 0))
        cat.append(
            f"<dt>{esc(name)}</dt><dd>{badge(sev, SEVERITY_KIND[sev])} {esc(zh)}"
            f'<span class="en">{esc(en)} — 最近一次 latest run: {nr:,} 已运行 run, {nf:,} 未通过 failed</span></dd>'
        )
    body.append(section(
        "catalogue", "检查目录", "Check catalogue", '<dl class="catalogue">' + "".join(cat) + "</dl>",
        note="数字按印刷小数位视为区间（XBRL Calculations 1.1）：区间重叠即视为相符，无固定容差 · "
             "A value printed with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]; a sum or rate holds "
             "when the intervals overlap. No fixed tolerances.",
    ))

    nav = [("chart-fails", "图表 Charts"), ("failures", "未通过 Failed checks"), ("summary", "汇总 Summary"),
           ("documents", "文件 Documents"), ("catalogue", "检查目录 Catalogue")]
    doc_html = page("数据质量报告", "Data-quality report", [m for m in meta if m], "".join(body),
                    nav=nav, script=_FILTER_JS)
    out.write_text(doc_html, encoding="utf-8")
    return out
