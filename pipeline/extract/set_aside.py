"""Numeric table cells set aside knowingly, whatever recogniser read (or did not read) the table.

- A per-unit figure (342元/㎡, 46元/m): a price or standard per unit, never an amount of the
  budget; its unit says so (parse_number keeps the '/…').
- Column numbers: a row whose figures are 1, 2, 3 … in order (栏次 | 1 | 2 | 3), the numbering
  of the columns above, never amounts.
- A row's own number: a cell printing only an ordinal mark ((1), 1、, (一): vocab/templates/disclosure/
  columns.toml [ordinals]) before any other text of its row numbers that row (a list of duties cut into
  one-row tables, (1) | 贯彻执行…), never an amount.
- An empty table: its only figures are the zeros of one row (政府性基金预算支出表 printing
  合计 0.00 | 0.00 | 0.00 under the note 本表本年无发生额). It states that there is nothing, which
  is recorded as a note (`unrecognised`, what = 'table'), not as facts.
- An empty table's own statement: the note printed right under a table (注：本表本年无发生额;
  …故本表无数据, vocab/tables.toml labels.empty_note) is recorded with that table, the note's words
  kept, whether its cells are blank or zeros; a table that prints a figure other than 0 (column
  numbers aside) under such a note is recorded as contradicting it.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.extract.cells import holds_amount, real_cells
from pipeline.extract.templates.columns import is_ordinal_only
from pipeline.extract.vocabulary import table_pattern
from pipeline.model import SourceRef, Table
from pipeline.normalize.numbers import parse_number

EMPTY_TABLE = "empty table: its only figures are one row of zeros"
EMPTY_STATED = "empty table: the note under it says so"
STATED_NOT_EMPTY = "a note under the table says it is empty, but the table prints figures"
_EMPTY_NOTE = table_pattern("labels.empty_note")
_MARK = re.compile(r"[*＊]+")
_STOPS = ("。", ".", "；", ";")


def empty_note(text: str) -> str | None:
    """The statement, up to its end, of a paragraph saying that the table above it has no data
    (注：本表本年无发生额。 …故本表无数据), without the lines a reader ran on after it."""
    flat = text.replace(" ", "")
    m = _EMPTY_NOTE.search(flat)
    return None if m is None else flat[: m.end() + (flat[m.end(): m.end() + 1] in _STOPS)]


def note_stated_empty(ex: Any, document_id: str, report_id: str, table: Table, note: str) -> None:
    """Record `note`, printed under `table`, as the table's statement that it is empty: on the table's
    zero-row note when there is one, else a note of its own; a table printing a figure other than 0
    is recorded as contradicting its note (never as facts taken back)."""
    ref = str(SourceRef(page=table.page, table=table.index))
    numbering = column_numbers(table)
    figures = any(holds_amount(c.text) and id(c) not in numbering and (v := parse_number(c.text)) is not None
                  and v.value != 0 for r in table.rows for c in real_cells(r))
    text = note[:160]
    for u in ex.unrecognised:
        if u["what"] == "table" and u["source_ref"] == ref and u["report_id"] == report_id \
                and u["reason"] in (EMPTY_TABLE, EMPTY_STATED):
            u["reason"], u["text"] = EMPTY_STATED, text
            return
    ex.unrecognised.append({"document_id": document_id, "report_id": report_id, "source_ref": ref, "what": "table",
                            "reason": STATED_NOT_EMPTY if figures else EMPTY_STATED, "text": text})


def per_unit(text: str) -> bool:
    n = parse_number(text)
    return n is not None and bool(n.unit) and "/" in (n.unit or "")


def empty_table(table: Table) -> bool:
    rows = [[c for c in real_cells(r) if holds_amount(c.text)] for r in table.rows]
    rows = [r for r in rows if r]
    if len(rows) != 1:
        return False
    values = [parse_number(c.text) for c in rows[0]]
    return all(v is not None and v.value == 0 for v in values)


def column_numbers(table: Table) -> set[int]:
    """ids of the cells of rows that number the columns (1, 2, 3 … from the left, whole numbers)."""
    out: set[int] = set()
    for r in table.rows:
        cells = [c for c in real_cells(r) if holds_amount(c.text)]
        nums = [parse_number(c.text) for c in cells]
        # fewer than three columns are numbered only beside the marks of the label columns (** | ** | 1)
        marks = [c for c in real_cells(r) if not holds_amount(c.text) and c.text.strip()]
        beside_marks = bool(cells and marks) and all(_MARK.fullmatch(c.text.strip()) for c in marks)
        if (len(cells) >= 3 or beside_marks) and all(
                n is not None and n.decimals == 0 and n.unit is None for n in nums) and [
                int(n.value) for n in nums] == list(range(1, len(cells) + 1)):
            out.update(id(c) for c in cells)
    return out


def row_ordinals(table: Table) -> set[int]:
    """ids of the cells that number their row: an ordinal mark alone ((1), 1、), the row's first text,
    with more text after it in the row."""
    out: set[int] = set()
    for r in table.rows:
        cells = [c for c in real_cells(r) if c.text.strip()]
        if len(cells) >= 2 and holds_amount(cells[0].text) and is_ordinal_only(cells[0].text.strip()) \
                and not holds_amount(cells[1].text):
            out.add(id(cells[0]))
    return out
