"""The names a table is printed under, read from its title lines (the paragraphs just above it
and its caption) with vocab/layout.toml's table_titles.name.

A table printed twice carries one name both times; two tables that print the same rows and the
same figures under different names (a department without government funds prints its 财政拨款
支出表 and its 一般公共预算支出表 alike; a 收入总表 and a 支出总表 of zeros) are two tables: their
figures are facts of each, and never a pair for duplicate_table_consistency (issue 14: no figures
of two different tables are paired unless a check declares the identity)."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.lexicon import pattern

_NAME = pattern("layout", "table_titles.name")
_TITLE_MAX = 60  # longer paragraphs are prose that may cite other tables, not a title


def table_names(lines: Iterable[str | None]) -> frozenset[str]:
    """The name printed nearest above the table (its caption last): the paragraphs before it may
    still hold the title of the table printed before (江苏省委办公厅 2019: 财政拨款支出预算表 above
    一般公共预算支出预算表 on the lines before the second one). Empty when no line names a table."""
    for t in reversed([t for t in lines if t and len(t.strip()) <= _TITLE_MAX]):
        names = [m.group("name") for m in _NAME.finditer(t)]
        if names:
            return frozenset(names[-1:])
    return frozenset()


def named_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both tables are named, and by no common name: two tables, not one printed twice — unless
    they are self-evaluation or target forms, which a report prints under a general and a
    specific title alike (seed 003: its project's form in the appendix and as 附件1)."""
    if any(_SAME_FORM.search(n) for n in a | b):
        return False
    return bool(a) and bool(b) and not (a & b)


_SAME_FORM = pattern("layout", "table_titles.same_form")
