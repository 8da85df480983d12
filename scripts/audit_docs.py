"""Rebuild the audited real documents (tests/audit/verdicts.csv, `audit-docs/...`) from the public
repositories they were read out of, into $BPW_AUDIT_TMP/audit-docs (default /tmp). They are never
committed; the recorded audit (tests/audit) runs on whichever are present.

    python scripts/audit_docs.py MIRROR_GIT_DIR [MIRROR_GIT_DIR ...]

Each MIRROR_GIT_DIR is a bare clone (e.g. the workplace's `fetch` of github:calinchow-del/renwu or
github:zxj6827111-blip/GovBudgetChecker). The renwu crawler's file names are unreliable (other
years, other units), so a PDF is matched by its cover: the audited name, brackets and years aside,
must open its first two pages' text. GovBudgetChecker's files are matched by path ('/' as '_',
spaces dropped), searched through the whole history (some were deleted later)."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(os.environ.get("BPW_AUDIT_TMP", "/tmp")) / "audit-docs"
YEAR_KIND = re.compile(r"(?:19|20)\d\d年?度?|部门预算公开|部门综合预算|部门预算|单位预算|部门决算")


def wanted() -> dict[str, set[str]]:
    rows = csv.DictReader((ROOT / "tests" / "audit" / "verdicts.csv").open(encoding="utf-8"))
    out: dict[str, set[str]] = {}
    for r in rows:
        if r["file"].startswith("audit-docs/"):
            _, folder, name = r["file"].split("/", 2)
            out.setdefault(folder, set()).add(name)
    return out


def git(mirror: Path, *args: str, check: bool = True) -> bytes:
    return subprocess.run(["git", f"--git-dir={mirror}", "-c", "core.quotepath=off", *args],
                          capture_output=True, check=check).stdout


def history_paths(mirror: Path) -> set[str]:
    # a fetched snapshot may miss old objects: the history readable is what there is
    return set(git(mirror, "log", "--all", "--name-only", "--format=", check=False).decode("utf-8").splitlines())


def cover(data: bytes) -> str:
    try:
        doc = pdfium.PdfDocument(data)
        text = "".join(doc[i].get_textpage().get_text_range() for i in range(min(2, len(doc))))
    except pdfium.PdfiumError:
        return ""
    return re.sub(r"[\s（）()]", "", text)[:300]


def core(name: str) -> str:
    return YEAR_KIND.sub("", re.sub(r"[（）()]", "", Path(name).stem))


def by_cover(mirror: Path, names: set[str], folder: Path) -> set[str]:
    found: set[str] = set()
    for line in git(mirror, "ls-tree", "-r", "HEAD").decode("utf-8").splitlines():
        meta, path = line.split("\t", 1)
        if not path.lower().endswith(".pdf"):
            continue
        data = git(mirror, "cat-file", "-p", meta.split()[2], check=False)  # a snapshot may lack large files
        text = cover(data) if data else ""
        for name in names - found:
            if core(name) and core(name) in text[:200]:
                (folder / name).write_bytes(data)
                found.add(name)
    return found


def by_name_in_history(mirror: Path, names: set[str], folder: Path) -> set[str]:
    """A PDF gone from HEAD whose path names the document (…/公安局_2026年度泉州市公安局（本级）单位预算.pdf.pdf)."""
    found: set[str] = set()
    paths = history_paths(mirror)
    for name in sorted(names):
        hits = [p for p in sorted(paths) if p.lower().endswith(".pdf") and Path(name).stem in p]
        for path in hits:
            commit = git(mirror, "log", "--all", "--format=%H", "-1", "--", path, check=False).decode().strip()
            for rev in (commit, commit + "^"):
                try:
                    data = git(mirror, "show", f"{rev}:{path}")
                except subprocess.CalledProcessError:
                    continue
                if cover(data):
                    (folder / name).write_bytes(data)
                    found.add(name)
                    break
            if name in found:
                break
    return found


def by_path(mirror: Path, names: set[str], folder: Path) -> set[str]:
    found: set[str] = set()
    paths = history_paths(mirror)
    for path in sorted(p for p in paths if p.lower().endswith(".pdf")):
        name = path.replace("/", "_").replace(" ", "")
        if name in names and name not in found:
            commit = git(mirror, "log", "--all", "--format=%H", "-1", "--", path, check=False).decode().strip()
            for rev in (commit, commit + "^"):
                try:
                    (folder / name).write_bytes(git(mirror, "show", f"{rev}:{path}"))
                    found.add(name)
                    break
                except subprocess.CalledProcessError:
                    continue
    return found


def main(mirrors: list[str]) -> int:
    need = wanted()
    for folder, names in need.items():
        (OUT / folder).mkdir(parents=True, exist_ok=True)
        got: set[str] = set()
        for m in mirrors:
            got |= by_path(Path(m), names - got, OUT / folder)
            got |= by_cover(Path(m), names - got, OUT / folder)
            got |= by_name_in_history(Path(m), names - got, OUT / folder)
        missing = sorted(names - got)
        print(f"{folder}: {len(got)} of {len(names)} written to {OUT / folder}"
              + (f"; not found: {', '.join(missing)}" if missing else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
