"""Expense and fund-source tables by row label (基本支出/人员经费/公用经费/项目支出…)."""

from __future__ import annotations

from pipeline.extract.cells import (
    align,
    flat,
    num_of,
    real_cells,
)
from pipeline.extract.recognisers.context import (
    Ctx,
    _find_row,
    _table_unit,
    add_budget,
    add_execution,
)
from pipeline.extract.vocabulary import clean_label, line_item_code, stage_of
from pipeline.model import Table


def read_line_items(table: Table, ctx: Ctx) -> bool:
    hdr_i = _find_row(
        table, lambda t: sum(1 for x in t if stage_of(x) in ("initial", "adjusted", "executed")) >= 1
    )
    if hdr_i is None:
        return False
    header = table.rows[hdr_i]
    hcells = real_cells(header)
    fields = {i: stage_of(c.text) for i, c in enumerate(hcells)}
    unit = _table_unit(table, ctx, [c.text for c in hcells]) or "万元"
    items = {line_item_code(real_cells(r)[0].text) for r in table.rows[hdr_i + 1 :] if real_cells(r)}
    if not items - {None, "total"}:
        return False  # only a 合计 row is known: a table of other things with a total
    found = False
    for row in table.rows[hdr_i + 1 :]:
        cells = real_cells(row)
        if not cells:
            continue
        item = line_item_code(cells[0].text)
        if item is None:
            if clean_label(cells[0].text):
                ctx.ex.unrecognised.append(
                    {
                        "document_id": ctx.document_id,
                        "report_id": ctx.report_id,
                        "source_ref": str(table.ref(cells[0])),
                        "what": "row",
                        "reason": "row label is not in the line-item vocabulary",
                        "text": cells[0].text[:200],
                    }
                )
            continue
        amap = align(header, row)
        label = flat(cells[0].text)
        for i, f in fields.items():
            v = num_of(table, amap.get(i)) if i in amap else None
            if v is None or f not in ("initial", "adjustment", "adjusted", "executed"):
                continue
            if f == "executed":
                add_execution(ctx, None, item, v, None, unit, "line_items", label)
            else:
                add_budget(ctx, None, item, f, v, unit, "line_items", label)
            found = True
    return found
