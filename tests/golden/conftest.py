from __future__ import annotations

import shutil
import subprocess
import tempfile
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from pipeline.extract import Extraction, extract
from pipeline.ingest.read import read_document
from pipeline.settings import Settings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# "doc": each seed's .docx fixture saved as a legacy Word .doc by LibreOffice, then read the
# way bpw reads a .doc (converted back by soffice). Skipped where soffice is not installed (CI).
FORMATS = ("txt", "docx", "pdf", "html", "doc")


def _as_doc(seed: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="bpw-golden-doc-") as tmp:
        d = Path(tmp)
        src = d / f"{seed}.docx"
        shutil.copy(FIXTURES / "docx" / f"{seed}.docx", src)
        subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation={(d / 'profile').as_uri()}",
                        "--convert-to", "doc", "--outdir", str(d), str(src)],
                       check=True, capture_output=True, timeout=180)
        return (d / f"{seed}.doc").read_bytes()


@cache
def extraction(seed: str, fmt: str) -> Extraction:
    data = _as_doc(seed) if fmt == "doc" else (FIXTURES / fmt / f"{seed}.{fmt}").read_bytes()
    doc = read_document(data, Settings())
    assert doc.file_format == fmt
    return extract(doc, f"golden-{seed}-{fmt}")


@pytest.fixture(params=FORMATS)
def fmt(request) -> str:
    if request.param == "doc" and SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return request.param


def wan(x: str) -> Decimal:
    """万元 as printed → yuan."""
    return (Decimal(x) * 10000).quantize(Decimal("0.01"))


def one(rows, **where):
    hits = [r for r in rows if all(r.get(k) == v for k, v in where.items())]
    assert len(hits) >= 1, f"no row with {where}"
    return hits[0]
