"""The words documents are read with, loaded from vocab/*.toml.

No header word, row label, stage or measure word, total label, indicator level, report-kind
word or unit spelling is written in Python (tests/unit/test_no_words_in_code.py keeps it
so). A module asks for its words here; regexes are built from them in code.

A vocabulary entry is a list of words, a string, or a regex *pattern* (a few readings need
look-arounds, which are written in the file next to their words). A pattern may name a
slot `{name}` that the caller fills with another pattern (a number, a unit alternation):
slot names are lower-case letters and underscores, so regex counts like `{2,14}` are
never slots.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from typing import Any

from pipeline.settings import VOCAB_DIR

_SLOT = re.compile(r"\{([a-z_]+)\}")


@cache
def _file(name: str) -> dict[str, Any]:
    with open(VOCAB_DIR / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


def entry(name: str, key: str) -> Any:
    """vocab/<name>.toml's value at the dotted `key` ("columns.score")."""
    node: Any = _file(name)
    for part in key.split("."):
        node = node[part]
    return node


def words(name: str, key: str) -> tuple[str, ...]:
    """A list of words (a single string is a list of one)."""
    v = entry(name, key)
    return (v,) if isinstance(v, str) else tuple(v)


def word(name: str, key: str) -> str:
    v = entry(name, key)
    if not isinstance(v, str):
        raise TypeError(f"vocab/{name}.toml: {key} is not a single word")
    return v


def either(ws: tuple[str, ...] | list[str] | frozenset[str]) -> str:
    """Words as one regex alternation, longest first ("不低于" is tried before "低于")."""
    return "|".join(re.escape(w) for w in sorted(ws, key=lambda w: (-len(w), w)))


def fill(text: str, /, **slots: str) -> str:
    """A pattern with its `{slot}`s replaced; an unfilled slot is an error, never a literal."""

    def put(m: re.Match[str]) -> str:
        if m.group(1) not in slots:
            raise KeyError(f"pattern slot {{{m.group(1)}}} not filled: {text}")
        return slots[m.group(1)]

    return _SLOT.sub(put, text)


def pattern_text(name: str, key: str, /, **slots: str) -> str:
    v = entry(name, key)
    text = either(v) if isinstance(v, list) else v
    return fill(text, **slots)


@cache
def _compiled(name: str, key: str, flags: int, slots: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile(pattern_text(name, key, **dict(slots)), flags)


def pattern(name: str, key: str, /, flags: int = 0, **slots: str) -> re.Pattern[str]:
    """The compiled pattern at `key` (a list of words compiles as their alternation)."""
    return _compiled(name, key, flags, tuple(sorted(slots.items())))
