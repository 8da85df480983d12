"""No header word, row label, stage word, total label, indicator level, report-kind word or
unit spelling is written in Python: they live in vocab/ (CSV and TOML) and are read by
small loaders (pipeline/lexicon.py, pipeline/extract/vocabulary.py, pipeline/normalize/money.py).

The test reads every module of pipeline/ with `ast` and fails on a string literal holding a
Han character, unless it is
- a docstring (comments are not in the tree at all);
- a numeral table or class (三 or more of 零〇一二两三四五六七八九十百千万, and no other Han
  character): numerals are arithmetic, not vocabulary;
- in a module whose Han strings are sentences for people (error messages, report pages,
  check descriptions), listed in MESSAGE_MODULES with the reason;
- listed in PENDING: literals that are still to move, frozen so that the list can only shrink.

A new literal anywhere else fails: put the word in vocab/ and read it there.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
NUMERALS = set("零〇一二两三四五六七八九十百千万")
# A Han character written as an escape in a raw pattern (r"(?=\u5e74)" is 年), and a range of
# code points in a character class ("\u4e00-\u9fff": any Han character, not a word).
ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
HAN_RANGE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]-[\u3400-\u9fff\uf900-\ufaff]")

# Modules whose Han strings are sentences written for people, not words documents are read with.
MESSAGE_MODULES = {
    "pipeline/reports/": "report pages: bilingual headings and labels for readers",
    "pipeline/ingest/errors.py": "error catalogue: what went wrong and what to do, for people",
    "pipeline/checks/structural.py": "check descriptions shown in the report",
    "pipeline/checks/identities.py": "finding messages (等级标准应为…) shown in the report",
    "pipeline/warehouse/load.py": "error messages of a rejected file (无法入库…)",
    "pipeline/runner.py": "error messages of a duplicate or rejected file",
    "pipeline/defs/assets/": "Dagster asset descriptions and check summaries",
    "pipeline/readers/html.py": "error messages for saved login and error pages",
    "pipeline/warehouse/export.py": "Chinese sheet and column names of exports, written for readers",
}

# Still to move (owned by a concurrent change, or not moved yet): frozen, may only shrink.
# Empty since the last of pipeline/extract/identity.py moved to vocab/report_identity.csv.
PENDING: dict[str, set[str]] = {}


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _is_numerals(s: str) -> bool:
    han = set(HAN.findall(s))
    return han <= NUMERALS and len(han) >= 3


def han_literals() -> list[tuple[str, int, str]]:
    """(path, line, literal) of every Han string literal of pipeline/ that is not a docstring."""
    out = []
    for path in sorted((REPO / "pipeline").rglob("*.py")):
        rel = path.relative_to(REPO).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                text = HAN_RANGE.sub("", ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), node.value))
                if HAN.search(text):
                    out.append((rel, node.lineno, text))
    return out


def _allowed(rel: str, text: str) -> bool:
    if _is_numerals(text):
        return True
    if any(rel == m or (m.endswith("/") and rel.startswith(m)) for m in MESSAGE_MODULES):
        return True
    return text in PENDING.get(rel, set())


def test_no_han_words_in_python():
    bad = [f"{rel}:{line}: {text[:60]!r}" for rel, line, text in han_literals() if not _allowed(rel, text)]
    assert not bad, (
        "Han words in Python string literals; move them to vocab/ and read them with "
        "pipeline/lexicon.py:\n" + "\n".join(bad)
    )


def test_allow_lists_name_real_files():
    for rel in [*MESSAGE_MODULES, *PENDING]:
        assert (REPO / rel).exists(), rel


def test_the_scan_sees_words_and_skips_docstrings_and_numerals():
    tree = ast.parse('"""年初预算 in a docstring."""\nX = "年初预算"\nN = "[一二三四五六七八九十]"\n')
    skip = _docstrings(tree)
    found = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in skip]
    assert found == ["年初预算", "[一二三四五六七八九十]"]
    assert not _is_numerals("年初预算") and _is_numerals("[一二三四五六七八九十]") and not _is_numerals("万")


def test_the_scan_sees_han_written_as_escapes_but_not_ranges():
    assert HAN.search(ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), r"(?=\u5e74)"))
    ranged = HAN_RANGE.sub("", ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), r"[\u4e00-\u9fff]"))
    assert not HAN.search(ranged)
