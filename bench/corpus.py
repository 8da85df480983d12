"""A benchmark corpus of N distinct reports in every format, made from tests/fixtures.

Every document gets its own tag: the reporting unit's place name gets a serial number
written in Chinese digits (中共资源县委员会组织部 → 中共资源零零四二县委员会组织部). That makes
the bytes distinct (the document id is their hash) and the extracted figures distinct too
(the duplicate check fingerprints unit + year + figures), while every table, figure and
identity stays the same as in the real report.

Mix, by position i in the corpus (stable across N, so N=100 is a prefix of N=1000):
  per ten documents 4 PDF, 3 DOCX, 3 TXT, interleaved (PDF, DOCX, TXT, PDF, …); without
  PDFs, DOCX and TXT alternate. Every 4th PDF is a ~52-page bundle (five reports, 21 tables, concatenated with pypdfium2);
  the other PDFs, DOCX and TXT cycle through the five fixtures (6, 6, 10, 13 and 78 pages,
  the last with 90 tables).
PDFs come from the mutated DOCX through LibreOffice (`soffice --headless --convert-to pdf`,
how the fixture PDFs were made), cached in `cache_dir` by (fixture, tag): regenerating a
corpus, or a bigger one, converts only what is new.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.settings import REPO_ROOT

FIXTURES = REPO_ROOT / "tests" / "fixtures"
FIXTURE_IDS = ("000", "001", "002", "003", "004")
BUNDLE = ("000", "004", "000", "004", "001")  # 13+10+13+10+6 = 52 pages
DEFAULT_CACHE = REPO_ROOT / "bench" / "corpus" / "cache"
_DIGITS = "零一二三四五六七八九"
_PLACE_END = re.compile(r"[县市区旗州]")


@dataclass
class Spec:
    index: int
    fmt: str  # txt | docx | pdf
    parts: tuple[tuple[str, int], ...]  # (fixture id, tag) per report in the document
    kind: str = "single"  # single | bundle

    @property
    def name(self) -> str:
        label = "bundle" if self.kind == "bundle" else self.parts[0][0]
        return f"{self.fmt}/{self.index:05d}_{label}.{self.fmt}"


@dataclass
class Entry:
    file: str  # relative to the corpus folder
    format: str
    kind: str
    fixtures: list[str]
    pages: int  # real pages for PDF; pages of the fixture's PDF rendering for TXT/DOCX
    bytes: int
    sha256: str
    tags: list[int] = field(default_factory=list)


def tag_text(tag: int) -> str:
    return "".join(_DIGITS[int(c)] for c in f"{tag:04d}")


ALL_FORMATS = ("txt", "docx", "pdf")
# Per ten documents: 4 PDF, 3 DOCX, 3 TXT, interleaved so that any 3 consecutive cover all.
_ORDER = ("pdf", "docx", "txt", "pdf", "docx", "txt", "pdf", "docx", "txt", "pdf")


def plan(n: int, formats: tuple[str, ...] = ALL_FORMATS) -> list[Spec]:
    """The documents of a corpus. Without PDFs the mix is half DOCX, half TXT."""
    specs: list[Spec] = []
    n_pdf = 0
    for i in range(n):
        if "pdf" in formats:
            fmt = _ORDER[i % 10]
        else:
            fmt = ("docx", "txt")[i % 2]
        if fmt not in formats:
            continue
        if fmt == "pdf":
            n_pdf += 1
            if n_pdf % 4 == 0:
                parts = tuple((fx, 100_000 + i * 10 + p) for p, fx in enumerate(BUNDLE))
                specs.append(Spec(i, fmt, parts, "bundle"))
                continue
        specs.append(Spec(i, fmt, ((FIXTURE_IDS[(i // 10 + i) % 5], i),)))
    return specs


_UNITS: dict[str, str] = {}


def unit_names() -> dict[str, str]:
    """The reporting unit of each fixture, as the pipeline itself extracts it from the TXT."""
    if not _UNITS:
        from pipeline.ingest.process import FileTask, process_file
        from pipeline.settings import Settings

        s = Settings()
        for fx in FIXTURE_IDS:
            p = FIXTURES / "txt" / f"{fx}.txt"
            out = process_file(FileTask(path=p, rel=p.name, size=p.stat().st_size), s)
            names = [r.get("unit_name") for r in (out.extraction.reports if out.extraction else [])]
            names = [x for x in names if x]
            if not names:
                raise RuntimeError(f"no unit name found in fixture {p}")
            _UNITS[fx] = names[0]
    return _UNITS


def mutate_name(unit: str, tag: int) -> str:
    m = _PLACE_END.search(unit, 2)
    at = m.start() if m else len(unit)
    return unit[:at] + tag_text(tag) + unit[at:]


def make_txt(fx: str, tag: int) -> bytes:
    text = (FIXTURES / "txt" / f"{fx}.txt").read_text(encoding="utf-8")
    unit = unit_names()[fx]
    if unit not in text:
        raise RuntimeError(f"unit name {unit!r} not in txt fixture {fx}")
    return text.replace(unit, mutate_name(unit, tag)).encode("utf-8")


def _paragraphs(doc):
    def walk(container):
        yield from container.paragraphs
        for t in container.tables:
            for row in t.rows:
                for cell in row.cells:
                    yield from walk(cell)

    yield from walk(doc)
    for sec in doc.sections:
        for part in (sec.header, sec.footer):
            yield from walk(part)


def make_docx(fx: str, tag: int, out: Path) -> None:
    import docx

    unit = unit_names()[fx]
    new = mutate_name(unit, tag)
    d = docx.Document(str(FIXTURES / "docx" / f"{fx}.docx"))
    hits = 0
    seen: set[int] = set()
    for p in _paragraphs(d):
        if id(p._p) in seen or unit not in p.text:
            continue
        seen.add(id(p._p))
        hits += 1
        runs = [r for r in p.runs if unit in r.text]
        if runs:
            for r in runs:
                r.text = r.text.replace(unit, new)
        if unit in p.text:  # split across runs: keep the first run's formatting
            text = p.text.replace(unit, new)
            for k, r in enumerate(p.runs):
                r.text = text if k == 0 else ""
    if not hits:
        raise RuntimeError(f"unit name {unit!r} not in docx fixture {fx}")
    d.save(str(out))


def _convert(docxs: list[Path], outdir: Path, jobs: int = 2) -> None:
    """DOCX → PDF with LibreOffice, in `jobs` parallel soffice processes (own profiles)."""
    if not docxs:
        return
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RuntimeError("LibreOffice (soffice) is needed to make the benchmark PDFs")
    outdir.mkdir(parents=True, exist_ok=True)
    chunks = [docxs[k::jobs] for k in range(jobs) if docxs[k::jobs]]

    def run(chunk: list[Path]) -> None:
        with tempfile.TemporaryDirectory(prefix="bpw-soffice-") as prof:
            for k in range(0, len(chunk), 100):
                subprocess.run(
                    [soffice, f"-env:UserInstallation=file://{prof}", "--headless", "--norestore",
                     "--convert-to", "pdf", "--outdir", str(outdir), *map(str, chunk[k:k + 100])],
                    check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=3600,
                )

    with ThreadPoolExecutor(len(chunks)) as ex:
        list(ex.map(run, chunks))
    missing = [p for p in docxs if not (outdir / f"{p.stem}.pdf").exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert {len(missing)} file(s), e.g. {missing[0]}")


def _tagged_fixture_pdf(fx: str, tag: int) -> bytes:
    """The committed rendering of fixture `fx`, made a distinct file by a comment line after
    its end (readers ignore bytes after %%EOF), so each copy has its own sha256."""
    return (FIXTURES / "pdf" / f"{fx}.pdf").read_bytes() + f"\n% bpw bench copy {tag}\n".encode()


def _pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def _concat(parts: list[Path], out: Path) -> None:
    import pypdfium2 as pdfium

    dst = pdfium.PdfDocument.new()
    srcs = []
    try:
        for p in parts:
            src = pdfium.PdfDocument(str(p))
            srcs.append(src)
            dst.import_pages(src)
        dst.save(str(out))
    finally:
        for s in srcs:
            s.close()
        dst.close()


_FIXTURE_PAGES: dict[str, int] = {}


def fixture_pages(fx: str) -> int:
    if fx not in _FIXTURE_PAGES:
        _FIXTURE_PAGES[fx] = _pdf_pages(FIXTURES / "pdf" / f"{fx}.pdf")
    return _FIXTURE_PAGES[fx]


def generate(
    n: int, out_dir: Path, cache_dir: Path | None = None, formats: tuple[str, ...] = ALL_FORMATS, log=print
) -> list[Entry]:
    """Write the documents under out_dir/raw/{txt,docx,pdf}/, and out_dir/manifest.json.

    The manifest lists each file (relative to raw/), its format, pages and sha256. An
    existing corpus that matches the plan is reused as it is.
    """
    cache_dir = cache_dir or DEFAULT_CACHE
    specs = plan(n, formats)
    raw = out_dir / "raw"
    manifest = out_dir / "manifest.json"
    if manifest.exists():
        entries = [Entry(**e) for e in json.loads(manifest.read_text(encoding="utf-8"))]
        if [e.file for e in entries] == [s.name for s in specs] and all(
            (raw / e.file).is_file() and (raw / e.file).stat().st_size == e.bytes for e in entries
        ):
            return entries
    shutil.rmtree(raw, ignore_errors=True)
    for sub in formats:
        (raw / sub).mkdir(parents=True)

    # PDFs: convert every (fixture, tag) not yet cached, in one batch.
    src_dir, pdf_dir = cache_dir / "docx_src", cache_dir / "pdf"
    # Without LibreOffice the PDFs come from the committed fixture renderings (their unit name
    # not renamed, so copies deduplicate at load time; they are parsed all the same).
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pdf_dir = cache_dir / "pdf-committed"
    src_dir.mkdir(parents=True, exist_ok=True)
    pdf_dir.mkdir(parents=True, exist_ok=True)
    need = [(fx, tag) for s in specs if s.fmt == "pdf" for fx, tag in s.parts
            if not (pdf_dir / f"{fx}_{tag}.pdf").exists()]
    if need and not soffice:
        log(f"  LibreOffice not found: {len(need)} PDFs from the committed fixture renderings")
        for fx, tag in need:
            (pdf_dir / f"{fx}_{tag}.pdf").write_bytes(_tagged_fixture_pdf(fx, tag))
        need = []
    if need:
        log(f"  converting {len(need)} DOCX to PDF with LibreOffice (cached in {cache_dir}) …")
        srcs = []
        for fx, tag in need:
            p = src_dir / f"{fx}_{tag}.docx"
            make_docx(fx, tag, p)
            srcs.append(p)
        _convert(srcs, pdf_dir, jobs=min(2, os.cpu_count() or 1))
        for p in srcs:
            p.unlink(missing_ok=True)

    entries: list[Entry] = []
    for s in specs:
        out = raw / s.name
        fxs = [fx for fx, _ in s.parts]
        if s.fmt == "txt":
            out.write_bytes(make_txt(*s.parts[0]))
            pages = fixture_pages(fxs[0])
        elif s.fmt == "docx":
            make_docx(*s.parts[0], out)
            pages = fixture_pages(fxs[0])
        else:
            parts = [pdf_dir / f"{fx}_{tag}.pdf" for fx, tag in s.parts]
            if len(parts) == 1:
                shutil.copyfile(parts[0], out)
            else:
                _concat(parts, out)
            pages = _pdf_pages(out)
        data = out.read_bytes()
        entries.append(Entry(s.name, s.fmt, s.kind, fxs, pages, len(data),
                             hashlib.sha256(data).hexdigest(), [t for _, t in s.parts]))
    manifest.write_text(json.dumps([asdict(e) for e in entries], ensure_ascii=False, indent=1), encoding="utf-8")
    return entries
