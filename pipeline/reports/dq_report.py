"""The data-quality report: one self-contained HTML file (no network), Chinese and English."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

import duckdb

CSS = """body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:13px;width:100%}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top}
th{background:#f3f5f8;text-align:left}.bad{color:#b00020}.ok{color:#1b7f3b}.warn{color:#a66300}
.bar{fill:#4a78c2}.barbad{fill:#c0392b}select{margin-right:12px}small{color:#666}"""


def _e(v) -> str:
    return html.escape("" if v is None else str(v))


def _bar_chart(items: list[tuple[str, float]], width: int = 640, cls: str = "bar", unit: str = "") -> str:
    if not items:
        return "<p><small>无数据 No data</small></p>"
    top = max(v for _, v in items) or 1
    h = 22 * len(items) + 10
    rows = []
    for i, (label, v) in enumerate(items):
        w = int((width - 260) * v / top)
        y = 5 + 22 * i
        rows.append(
            f'<text x="0" y="{y + 14}" font-size="12">{_e(label[:28])}</text>'
            f'<rect class="{cls}" x="250" y="{y}" width="{max(w, 1)}" height="16"/>'
            f'<text x="{255 + w}" y="{y + 13}" font-size="11">{v:g}{_e(unit)}</text>'
        )
    return f'<svg width="{width}" height="{h}" xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'


def write_dq_report(con: duckdb.DuckDBPyConnection, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    run = con.execute("SELECT max(run_id) FROM dq_results").fetchone()[0]
    docs = con.execute(
        "SELECT file_name, status, error_code, error_message, file_format, page_count FROM documents ORDER BY file_name"
    ).fetchall()
    summary = con.execute(
        """SELECT d.file_name, r.unit_name, r.fiscal_year, r.report_kind, r.score_total, r.grade_text,
                  count(q.check_name), count(q.check_name) FILTER (NOT q.passed),
                  CASE WHEN count(*) FILTER (NOT q.passed AND q.severity='error')>0 THEN 'error'
                       WHEN count(*) FILTER (NOT q.passed)>0 THEN 'warning' ELSE 'ok' END
           FROM reports r JOIN documents d USING (document_id)
           LEFT JOIN dq_results q ON q.report_id = r.report_id AND q.run_id = ?
           GROUP BY ALL ORDER BY 1, 2""",
        [run],
    ).fetchall()
    fails = con.execute(
        """SELECT d.file_name, r.unit_name, r.fiscal_year, q.check_name, q.severity, q.expected, q.observed,
                  q.difference, q.tolerance, q.detail, q.source_refs
           FROM dq_results q LEFT JOIN reports r USING (report_id) LEFT JOIN documents d ON d.document_id = q.document_id
           WHERE q.run_id = ? AND NOT q.passed ORDER BY d.file_name, q.check_name""",
        [run],
    ).fetchall()
    by_check = con.execute(
        """SELECT check_name, count(*), count(*) FILTER (NOT passed) FROM dq_results WHERE run_id = ?
           GROUP BY ALL ORDER BY 1""",
        [run],
    ).fetchall()
    rates = con.execute(
        """SELECT coalesce(r.unit_name,'?') || ' ' || coalesce(CAST(r.fiscal_year AS VARCHAR),''),
                  round(100 * CAST(e.executed_yuan AS DOUBLE) / CAST(b.amount_yuan AS DOUBLE), 2)
           FROM reports r
           JOIN fact_executions e ON e.report_id = r.report_id AND e.project_id IS NULL AND e.line_item='total' AND e.executed_yuan IS NOT NULL
           JOIN fact_budgets b ON b.report_id = r.report_id AND b.project_id IS NULL AND b.line_item='total'
                AND b.stage='adjusted' AND b.origin = e.origin AND b.amount_yuan > 0
           WHERE NOT e.is_twin AND NOT b.is_twin"""
    ).fetchall()
    statuses = con.execute("SELECT status, count(*) FROM documents GROUP BY ALL ORDER BY 1").fetchall()
    units = sorted({r[1] for r in summary if r[1]})
    years = sorted({r[2] for r in summary if r[2]})
    checks = sorted({r[0] for r in by_check})

    def opts(vals) -> str:
        return "".join(f'<option value="{_e(v)}">{_e(v)}</option>' for v in vals)

    parts = [
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>",
        "<title>数据质量报告 Data-quality report</title>",
        f"<style>{CSS}</style></head><body>",
        "<h1>预算绩效数据质量报告 <small>Budget-performance data-quality report</small></h1>",
        f"<p>生成时间 Generated: {_e(datetime.now().strftime('%Y-%m-%d %H:%M'))} · 检查批次 Run: {_e(run)}</p>",
        "<p>文件状态 Documents: " + ", ".join(f"{_e(s)} {n}" for s, n in statuses) + "</p>",
        f"<p>检查 Checks run: {sum(r[1] for r in by_check)} · 未通过 Failed: "
        f"<b class='bad'>{sum(r[2] for r in by_check)}</b></p>",
        "<h2>按检查的未通过数 Failures by check</h2>",
        _bar_chart([(c, f) for c, _, f in by_check], cls="barbad"),
        "<h2>执行率 Execution rates</h2>",
        _bar_chart([(label, v) for label, v in rates if v is not None], unit="%"),
        "<h2>报告汇总 Summary per report</h2>",
        "<table><tr><th>文件 File</th><th>单位 Unit</th><th>年度 Year</th><th>类型 Kind</th><th>得分 Score</th>"
        "<th>等级 Grade</th><th>检查 Run</th><th>未通过 Failed</th><th>最严重 Worst</th></tr>",
    ]
    for r in summary:
        cls = {"error": "bad", "warning": "warn"}.get(r[8], "ok")
        parts.append("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in r[:8]) + f"<td class='{cls}'>{_e(r[8])}</td></tr>")
    parts += [
        "</table><h2>未通过的勾稽关系 Failed identities</h2>",
        f"<p>筛选 Filter: 单位 Unit <select id='fu'><option value=''>全部 All</option>{opts(units)}</select>"
        f"年度 Year <select id='fy'><option value=''>全部 All</option>{opts(years)}</select>"
        f"检查 Check <select id='fc'><option value=''>全部 All</option>{opts(checks)}</select></p>",
        "<table id='fails'><tr><th>文件 File</th><th>单位 Unit</th><th>年度 Year</th><th>检查 Check</th><th>级别 Severity</th>"
        "<th>应为 Expected</th><th>实为 Observed</th><th>差 Difference</th><th>容差 Tolerance</th><th>说明 Detail</th>"
        "<th>位置 Where</th></tr>",
    ]
    for f in fails:
        parts.append(
            f"<tr data-unit='{_e(f[1])}' data-year='{_e(f[2])}' data-check='{_e(f[3])}'>"
            + "".join(f"<td>{_e(round(v, 4) if isinstance(v, float) else v)}</td>" for v in f)
            + "</tr>"
        )
    parts += [
        "</table><h2>全部文件 All documents</h2><table><tr><th>文件 File</th><th>状态 Status</th><th>错误代码 Error code</th>"
        "<th>说明 Message</th><th>格式 Format</th><th>页数 Pages</th></tr>",
    ]
    for d in docs:
        parts.append("<tr>" + "".join(f"<td>{_e(v)}</td>" for v in d) + "</tr>")
    parts.append(
        "</table><script>function f(){var u=document.getElementById('fu').value,y=document.getElementById('fy').value,"
        "c=document.getElementById('fc').value;document.querySelectorAll('#fails tr[data-check]').forEach(function(r){"
        "r.style.display=((!u||r.dataset.unit==u)&&(!y||r.dataset.year==y)&&(!c||r.dataset.check==c))?'':'none';});}"
        "['fu','fy','fc'].forEach(function(i){document.getElementById(i).onchange=f;});</script></body></html>"
    )
    out.write_text("\n".join(parts), encoding="utf-8")
    return out
