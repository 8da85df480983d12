"""Paths and limits, each overridable from the environment (see the README)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = REPO_ROOT / "sql"
VOCAB_DIR = REPO_ROOT / "vocab"


def _parser_version() -> str:
    """Release + a digest of the code and vocabulary that turn bytes into facts, so any
    change to them re-parses the documents it affects (and nothing else does)."""
    import hashlib

    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parent
    code = sorted(f for d in ("readers", "normalize", "extract", "ingest") for f in (pkg / d).rglob("*.py"))
    vocab = sorted(f for f in VOCAB_DIR.rglob("*") if f.suffix in (".csv", ".toml"))
    for f in code + vocab:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return f"0.1.0+{h.hexdigest()[:10]}"


PARSER_VERSION = _parser_version()


def idle_page_workers(configured: int, load: float | None = None, cores: int | None = None) -> int:
    """How many processes should read the pages of one document now: its own read plus one
    helper per core the 1-minute load average leaves idle (rounded), at most `configured`.

    Page helpers pay off only on idle cores. On a box whose cores are taken (another job, other
    users' runs), a helper gets no more CPU than the one process would have, and costs more in
    all: it loads the page tree and fonts again and pickles its pages back (+0.35–0.45 s of CPU
    on a 171-page 决算, whose read is ~3.3 s; no faster by the clock at a load of 11–13 on two
    cores). Without a load average (not every system has one) the configured number holds."""
    if configured <= 1:
        return configured
    if load is None:
        try:
            load = os.getloadavg()[0]
        except (AttributeError, OSError):
            return configured
    cores = cores or os.cpu_count() or 1
    idle = int(max(0.0, cores - load) + 0.5)  # cores left idle, rounded half up
    return max(1, min(configured, 1 + idle))


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass
class Settings:
    raw_dir: Path = field(
        default_factory=lambda: Path(os.environ.get("BPW_RAW_DIR", REPO_ROOT / "data" / "raw"))
    )
    warehouse: Path = field(
        default_factory=lambda: Path(
            os.environ.get("BPW_WAREHOUSE", REPO_ROOT / "data" / "warehouse" / "warehouse.duckdb")
        )
    )
    # Limits protect the machine from hostile or broken documents.
    max_file_bytes: int = field(default_factory=lambda: _env_int("BPW_MAX_FILE_BYTES", 200 * 2**20))
    max_pages: int = field(default_factory=lambda: _env_int("BPW_MAX_PAGES", 2000))
    max_unzipped_bytes: int = field(
        default_factory=lambda: _env_int("BPW_MAX_UNZIPPED_BYTES", 500 * 2**20)
    )
    parse_timeout_s: int = field(default_factory=lambda: _env_int("BPW_PARSE_TIMEOUT", 300))
    workers: int = field(default_factory=lambda: _env_int("BPW_WORKERS", os.cpu_count() or 1))
    # Processes reading the pages of one large PDF; runner.parse gives a document the cores
    # that other documents leave idle (a lone 170-page report gets them all).
    page_workers: int = field(default_factory=lambda: _env_int("BPW_PAGE_WORKERS", os.cpu_count() or 1))
    # Unless BPW_PAGE_WORKERS fixes it, a document's read takes only the cores the machine's
    # load leaves idle when it starts (`pages_now`): on a busy box a second helper only adds CPU.
    page_workers_by_load: bool = field(default_factory=lambda: "BPW_PAGE_WORKERS" not in os.environ)
    strict: bool = field(default_factory=lambda: os.environ.get("BPW_STRICT", "") == "1")
    # Documents parsed, staged and loaded together: bounds memory and is the unit of atomicity.
    batch_size: int = field(default_factory=lambda: _env_int("BPW_BATCH_SIZE", 200))

    # Where parse results wait for the loader. A distributed run needs it on a folder every
    # worker machine mounts at the same path (BPW_STAGING_DIR); default beside the warehouse.
    staging: Path | None = field(
        default_factory=lambda: Path(os.environ["BPW_STAGING_DIR"]) if os.environ.get("BPW_STAGING_DIR") else None
    )

    # Parquet copies of each staged batch (one file per table), for inspection or another engine.
    # The loader reads the batch's pickle; an in-process run deletes its staging folder once
    # loaded, so it writes them only when asked (BPW_STAGE_PARQUET=1); shards always do.
    stage_parquet: bool = field(default_factory=lambda: os.environ.get("BPW_STAGE_PARQUET", "") == "1")

    def pages_now(self) -> int:
        """Processes for the pages of the document about to be read (`idle_page_workers`)."""
        return idle_page_workers(self.page_workers) if self.page_workers_by_load else self.page_workers

    @property
    def staging_dir(self) -> Path:
        return self.staging or self.warehouse.parent / "staging"

    @property
    def report_path(self) -> Path:
        return self.warehouse.parent / "dq_report.html"

    @property
    def overview_path(self) -> Path:
        return self.warehouse.parent / "overview.html"
