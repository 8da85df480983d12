from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from pipeline.extract import Extraction, extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
FORMATS = ("txt", "docx", "pdf", "html")


@cache
def extraction(seed: str, fmt: str) -> Extraction:
    data = (FIXTURES / fmt / f"{seed}.{fmt}").read_bytes()
    return extract(read_document(data, Settings()), f"golden-{seed}-{fmt}")


@pytest.fixture(params=FORMATS)
def fmt(request) -> str:
    return request.param


def wan(x: str) -> Decimal:
    """万元 as printed → yuan."""
    return (Decimal(x) * 10000).quantize(Decimal("0.01"))


def one(rows, **where):
    hits = [r for r in rows if all(r.get(k) == v for k, v in where.items())]
    assert len(hits) >= 1, f"no row with {where}"
    return hits[0]
