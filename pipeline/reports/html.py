"""Small helpers shared by the HTML reports: escaping, number formatting, inline-SVG
charts and the page shell. Everything a page needs is inlined: no network, no CDN."""

from __future__ import annotations

import html
import json
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from decimal import Decimal

from pipeline.normalize.money import unit_factor

# Separator of multi-valued data-* attributes used by the client-side filter.
SEP = "\n"


def esc(v: object) -> str:
    """HTML-escape any value for text or a quoted attribute; None becomes ''."""
    if v is None:
        return ""
    return html.escape(str(v), quote=True).replace("\n", "&#10;")


def fmt_num(v: object, max_decimals: int = 6) -> str:
    """A number for people: thousands separators, no float noise, no trailing zeros."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float, Decimal)):
        f = float(v)
        if f != f:  # NaN
            return "NaN"
        s = f"{round(f, max_decimals):,.{max_decimals}f}"
        if "." in s:
            s = s.rstrip("0").rstrip(".")
        return "0" if s in ("-0", "") else s
    return str(v)


def fmt_wan(yuan: object, decimals: int = 2) -> str:
    """Yuan shown in 万元 (÷ 10 000), fixed decimals."""
    if yuan is None:
        return ""
    return f"{float(yuan) / float(unit_factor('万元')):,.{decimals}f}"


def fmt_pct(v: object, decimals: int = 2) -> str:
    return "" if v is None else f"{float(v):,.{decimals}f}%"


def multi_attr(values: Iterable[object]) -> str:
    """Escaped value for a multi-valued data-* attribute: SEP a SEP b SEP."""
    vals = [str(v) for v in values if v is not None and str(v) != ""]
    return esc(SEP + SEP.join(vals) + SEP) if vals else ""


def json_script(obj: object) -> str:
    """JSON safe to embed in <script type="application/json">: no '</', '<!--', or '&' breaks out."""
    s = json.dumps(obj, ensure_ascii=False, default=str)
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def text_width(s: str, size: float = 12.0) -> float:
    """Rough rendered width: CJK/fullwidth glyphs are ~1 em, others ~0.6 em."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * 0.6 for c in s)


def clip(s: str, max_px: float, size: float = 12.0) -> str:
    if text_width(s, size) <= max_px:
        return s
    out = ""
    for c in s:
        if text_width(out + c + "…", size) > max_px:
            break
        out += c
    return out + "…"


def bar_chart(
    rows: Sequence[tuple[str, Sequence[float | None]]],
    series: Sequence[tuple[str, str]],
    *,
    unit: str = "",
    width: int = 860,
    value_fmt: Callable[[float], str] | None = None,
    ref_line: float | None = None,
    ref_label: str = "",
    bar_classes: Sequence[Sequence[str] | None] | None = None,
    aria_label: str = "",
    empty_text: str = "无数据 No data",
) -> str:
    """Horizontal (grouped) bar chart as inline SVG.

    rows: (label, one value per series); series: (legend name, CSS class of the bars).
    bar_classes optionally overrides the class per row and series (e.g. colour by severity).
    Missing values (None) draw no bar and print “—”.
    """
    if not rows:
        return f'<p class="empty">{esc(empty_text)}</p>'
    fmt = value_fmt or (lambda v: fmt_num(v, 2) + unit)
    n = max(1, len(series))
    label_w = min(320.0, max(60.0, max(text_width(r[0]) for r in rows) + 14))
    value_w = max(60.0, max((text_width(fmt(v), 11) for _, vs in rows for v in vs if v is not None), default=40) + 12)
    plot_x = label_w
    plot_w = max(120.0, width - label_w - value_w)
    vals = [v for _, vs in rows for v in vs if v is not None]
    top = max([*(abs(v) for v in vals), ref_line or 0, 0]) or 1.0
    bar_h, gap = 14, 10
    group_h = n * bar_h + (n - 1) * 2
    legend_h = 22 if n > 1 else 0
    top_pad = legend_h + (16 if ref_line is not None else 4)
    height = top_pad + len(rows) * (group_h + gap) + 6
    parts = [
        f'<svg class="chart" role="img" aria-label="{esc(aria_label)}" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">'
    ]
    if n > 1:
        x = plot_x
        for name, cls in series:
            parts.append(f'<rect class="{esc(cls)}" x="{x:.1f}" y="4" width="12" height="12" rx="2"/>')
            parts.append(f'<text class="legend" x="{x + 17:.1f}" y="14">{esc(name)}</text>')
            x += 30 + text_width(name, 12)
    # light grid: 0, 25, 50, 75, 100 % of the scale
    y0, y1 = top_pad - 2, height - 4
    for i in range(5):
        gx = plot_x + plot_w * i / 4
        parts.append(f'<line class="grid" x1="{gx:.1f}" y1="{y0}" x2="{gx:.1f}" y2="{y1}"/>')
    for i, (label, vs) in enumerate(rows):
        gy = top_pad + i * (group_h + gap)
        parts.append(
            f'<text class="lbl" x="{plot_x - 8:.1f}" y="{gy + group_h / 2 + 4:.1f}" text-anchor="end">'
            f"<title>{esc(label)}</title>{esc(clip(label, label_w - 14))}</text>"
        )
        for j, (name, cls) in enumerate(series):
            v = vs[j] if j < len(vs) else None
            by = gy + j * (bar_h + 2)
            if bar_classes and bar_classes[i] and j < len(bar_classes[i]) and bar_classes[i][j]:
                cls = bar_classes[i][j]
            if v is None:
                parts.append(f'<text class="val" x="{plot_x + 4:.1f}" y="{by + bar_h - 3}">—</text>')
                continue
            w = plot_w * abs(v) / top
            parts.append(
                f'<rect class="{esc(cls)}" x="{plot_x:.1f}" y="{by}" width="{max(w, 1.5):.1f}" height="{bar_h}" rx="2">'
                f"<title>{esc(label)} · {esc(name)}: {esc(fmt(v))}</title></rect>"
            )
            parts.append(f'<text class="val" x="{plot_x + w + 5:.1f}" y="{by + bar_h - 3}">{esc(fmt(v))}</text>')
    if ref_line is not None:
        rx = plot_x + plot_w * ref_line / top
        parts.append(f'<line class="ref" x1="{rx:.1f}" y1="{top_pad - 6}" x2="{rx:.1f}" y2="{y1}"/>')
        parts.append(f'<text class="reflbl" x="{rx:.1f}" y="{top_pad - 8}" text-anchor="middle">{esc(ref_label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def badge(text: object, kind: str = "") -> str:
    return f'<span class="badge {esc(kind)}">{esc(text)}</span>'


def kpi(label: str, value: object, kind: str = "", sub: str = "") -> str:
    sub_html = f'<div class="kpi-sub">{esc(sub)}</div>' if sub else ""
    return (
        f'<div class="kpi {esc(kind)}"><div class="kpi-val">{esc(value)}</div>'
        f'<div class="kpi-lbl">{esc(label)}</div>{sub_html}</div>'
    )


def table(headers: Sequence[tuple[str, str]], body_rows: Sequence[str], *, table_id: str = "",
          empty_text: str = "无记录 No rows", filterable: bool = False) -> str:
    """headers: (label, css class); body_rows: pre-rendered, already-escaped <tr> strings."""
    head = "".join(f'<th class="{esc(c)}">{esc(h)}</th>' for h, c in headers)
    tid = (f' id="{esc(table_id)}"' if table_id else "") + (" data-filterable" if filterable else "")
    body = "".join(body_rows) or (
        f'<tr class="none"><td colspan="{len(headers)}">{esc(empty_text)}</td></tr>'
    )
    return f'<div class="tablewrap"><table{tid}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def td(v: object, cls: str = "", raw: bool = False) -> str:
    """A table cell; text is escaped unless raw (pre-rendered HTML built from escaped parts)."""
    c = f' class="{esc(cls)}"' if cls else ""
    return f"<td{c}>{v if raw else esc(v)}</td>"


CSS = """
:root{--fg:#1f2933;--muted:#616e7c;--line:#e4e7eb;--bg:#f5f7fa;--card:#fff;--accent:#2f5d9e;
--bad:#c0392b;--warn:#c77c02;--ok:#1e8449;--blue:#3c73b9;--teal:#2a9d8f;--grey:#9aa5b1}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.5 "Noto Sans CJK SC","Source Han Sans SC",
"PingFang SC","Microsoft YaHei","Helvetica Neue",Arial,sans-serif}
header.top{background:#1f3b63;color:#fff;padding:20px 32px 16px}
header.top h1{margin:0;font-size:22px;font-weight:600}
header.top h1 .en{font-weight:400;opacity:.8;font-size:17px;margin-left:8px}
header.top .meta{margin-top:6px;font-size:13px;opacity:.85}
header.top .meta span{margin-right:18px}
nav.toc{background:#fff;border-bottom:1px solid var(--line);padding:8px 32px;font-size:13px;position:sticky;top:0;z-index:5}
nav.toc a{color:var(--accent);text-decoration:none;margin-right:18px}
nav.toc a:hover{text-decoration:underline}
main{padding:20px 32px 40px;max-width:1500px}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:0 0 18px}
section h2{font-size:17px;margin:0 0 10px;font-weight:600}
section h2 .en{color:var(--muted);font-weight:400;font-size:14px;margin-left:6px}
p.note{color:var(--muted);font-size:12.5px;margin:4px 0 10px}
p.empty{color:var(--muted);font-style:italic}
.kpis{display:flex;flex-wrap:wrap;gap:12px;margin:0 0 18px}
.kpi{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:6px;
padding:10px 16px;min-width:140px}
.kpi-val{font-size:24px;font-weight:600;line-height:1.2}
.kpi-lbl{color:var(--muted);font-size:12.5px}
.kpi-sub{color:var(--muted);font-size:11.5px}
.kpi.bad{border-left-color:var(--bad)}.kpi.bad .kpi-val{color:var(--bad)}
.kpi.warn{border-left-color:var(--warn)}.kpi.ok{border-left-color:var(--ok)}.kpi.grey{border-left-color:var(--grey)}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:18px;margin-bottom:18px}
.grid2>section{margin:0}
.tablewrap{overflow-x:auto;max-height:640px;overflow-y:auto;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:#eef2f7;position:sticky;top:0;z-index:1;font-weight:600;vertical-align:bottom;line-height:1.3}
tbody tr:nth-child(even){background:#fafbfc}
tbody tr:hover{background:#eef5ff}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
td.mono{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:11.5px;word-break:break-word;overflow-wrap:anywhere;min-width:130px;max-width:200px}
td.wide{min-width:260px}
td.nowrap{white-space:nowrap}
td .sub{display:block;color:var(--muted);font-size:11px;margin-top:2px}
td.rep{min-width:170px}td.proj{min-width:120px}td.unit{min-width:150px}td.chk{white-space:nowrap;font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:11.5px}
tr.none td{color:var(--muted);font-style:italic;text-align:center}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:11.5px;background:#e4e7eb;color:#323f4b;white-space:nowrap}
.badge.bad{background:#fde2e0;color:var(--bad)}.badge.warn{background:#fff1d6;color:#8a5a00}
.badge.ok{background:#dff3e6;color:var(--ok)}.badge.grey{background:#eceff1;color:var(--muted)}
.flag{color:var(--bad);font-weight:600}
.filters{display:flex;flex-wrap:wrap;align-items:center;gap:10px 18px;background:#eef2f7;border-radius:6px;padding:10px 14px;margin-bottom:18px}
.filters label{font-size:13px;color:var(--muted)}
.filters select{margin-left:6px;padding:3px 6px;font:inherit;font-size:13px;max-width:320px}
.filters button{font:inherit;font-size:13px;padding:3px 12px;border:1px solid #bcccdc;background:#fff;border-radius:4px;cursor:pointer}
.filters .count{margin-left:auto;font-size:12.5px;color:var(--muted)}
svg.chart{max-width:100%;height:auto;font-family:inherit}
svg.chart text{font-size:12px;fill:var(--fg)}
svg.chart text.val{font-size:11px;fill:var(--muted)}
svg.chart text.legend{font-size:12px}
svg.chart text.reflbl{font-size:11px;fill:var(--bad)}
svg.chart line.grid{stroke:#edf0f3;stroke-width:1}
svg.chart line.ref{stroke:var(--bad);stroke-dasharray:4 3;stroke-width:1.2}
.b-blue{fill:var(--blue)}.b-teal{fill:var(--teal)}.b-bad{fill:var(--bad)}.b-warn{fill:#e0a100}
.b-grey{fill:var(--grey)}.b-ok{fill:var(--ok)}
dl.catalogue{display:grid;grid-template-columns:minmax(200px,max-content) 1fr;gap:6px 18px;margin:0}
dl.catalogue dt{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:12.5px;font-weight:600}
dl.catalogue dd{margin:0}
dl.catalogue dd .en{color:var(--muted);display:block;font-size:12.5px}
footer{color:var(--muted);font-size:12px;padding:0 32px 24px}
@media print{nav.toc{display:none}.tablewrap{max-height:none;overflow:visible}body{background:#fff}}
"""


def page(title_zh: str, title_en: str, meta: Sequence[str], body: str, *,
         nav: Sequence[tuple[str, str]] = (), script: str = "", footer: str = "") -> str:
    """The whole HTML document. `body` and `script` are trusted (built from escaped parts);
    titles and meta items are escaped here."""
    nav_html = (
        '<nav class="toc">' + "".join(f'<a href="#{esc(a)}">{esc(t)}</a>' for a, t in nav) + "</nav>"
        if nav else ""
    )
    meta_html = "".join(f"<span>{esc(m)}</span>" for m in meta)
    foot = footer or f"生成于 Generated {datetime.now():%Y-%m-%d %H:%M:%S} · bpw 预算绩效数据仓库 budget performance warehouse"
    return (
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{esc(title_zh)} {esc(title_en)}</title><style>{CSS}</style></head><body>"
        f'<header class="top"><h1>{esc(title_zh)}<span class="en">{esc(title_en)}</span></h1>'
        f'<div class="meta">{meta_html}</div></header>{nav_html}<main>{body}</main>'
        f"<footer>{esc(foot)}</footer>"
        + (f"<script>{script}</script>" if script else "")
        + "</body></html>\n"
    )


def section(anchor: str, title_zh: str, title_en: str, inner: str, note: str = "") -> str:
    n = f'<p class="note">{esc(note)}</p>' if note else ""
    return (
        f'<section id="{esc(anchor)}"><h2>{esc(title_zh)}<span class="en">{esc(title_en)}</span></h2>'
        f"{n}{inner}</section>"
    )


# Report kinds as the pages label them (contract enum → Chinese and English).
KIND_LABELS = {
    "department": "部门整体 department",
    "special_fund": "专项资金 special fund",
    "project": "项目 project",
    "final_accounts": "决算说明 final accounts",
    "budget": "预算公开 budget",
}
