"""Fiscal year and reporting unit of real web-page excerpts (../shared/real-dev), as read by
hand in its expect.json. Pinned for the documents bpw gets right, so a rule change that
loses one fails here; a wrong unit must never appear where none is expected."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.extract import extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "real-dev"
pytestmark = pytest.mark.skipif(not (CORPUS / "expect.json").exists(), reason="../shared/real-dev absent")

YEARS = ("101 102 103 104 105 106 107 108 109 110 111 112 113 114 115 116 117 118 119 120 121 122 123 124 125 "
         "126 127 128 129 130 131 132 133 134 135 136 137 138 139 140 141 142 143 144 145 146 147 148 149 150 151 "
         "152 154 155 156 157 158 159 160").split()
UNITS = ("101 102 103 104 106 108 111 112 113 115 116 117 118 119 120 122 123 124 125 126 127 129 130 132 134 135 "
         "137 138 139 140 141 142 143 144 145 146 147 148 155 157 158 159 160").split()


def _norm(s: str | None) -> str:
    return re.sub(r"[\s（）()【】\[\]]", "", s or "")


def _expect() -> dict:
    return json.loads((CORPUS / "expect.json").read_text(encoding="utf-8"))["docs"]


def _reports(nn: str) -> list[dict]:
    return extract(read_document((CORPUS / f"{nn}.txt").read_bytes(), Settings()), "golden").reports


@pytest.mark.parametrize("nn", YEARS)
def test_fiscal_year(nn: str) -> None:
    want = _expect()[f"{nn}.txt"]["year"]
    assert want in [r["fiscal_year"] for r in _reports(nn)]


@pytest.mark.parametrize("nn", UNITS)
def test_unit(nn: str) -> None:
    want = _norm(_expect()[f"{nn}.txt"]["unit"])
    assert want in [_norm(r["unit_name"]) for r in _reports(nn)]


@pytest.mark.parametrize("nn", [f"{n}" for n in range(101, 161)])
def test_every_page_has_a_report_and_no_wrong_year(nn: str) -> None:
    reps = _reports(nn)
    want = _expect()[f"{nn}.txt"]["year"]
    if nn != "153":  # a blank indicator template: no year, no unit, no figure
        assert reps
    assert all(r["fiscal_year"] in (want, None) for r in reps)


@pytest.mark.parametrize("nn", ["107", "109", "110", "121", "131", "133", "136", "149", "150", "151", "152", "153"])
def test_no_unit_where_none_is_named(nn: str) -> None:
    assert all(r["unit_name"] is None for r in _reports(nn))
