"""Legacy Word/WPS/Excel binaries (.doc, .wps, .et) converted by LibreOffice, headless, into
a temporary folder, so the DOCX/XLSX readers read their tables and merged cells.

Runs inside the parse child process; the conversion has its own time limit and its whole
process group is killed when it runs over, so no soffice is left behind. Each conversion
uses a profile folder of its own: parallel children never share LibreOffice's user profile
(which would make the second one exit at once).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from pipeline.ingest.errors import IngestError

INSTALL_HINT = "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"


def soffice() -> str | None:
    """The LibreOffice binary, or None when it is not installed (BPW_SOFFICE overrides)."""
    explicit = os.environ.get("BPW_SOFFICE")
    if explicit:
        return explicit if Path(explicit).exists() else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, source_ext: str, target: str, timeout_s: float) -> bytes:
    """`data` (a .doc/.wps/.xls/.et) → the bytes of the `target` (docx, xlsx) LibreOffice writes."""
    binary = soffice()
    if binary is None:
        raise IngestError("LEGACY_DOC")
    with tempfile.TemporaryDirectory(prefix="bpw-convert-") as tmp:
        src = Path(tmp) / f"document.{source_ext}"
        src.write_bytes(data)
        out_dir = Path(tmp) / "out"
        cmd = [binary, "--headless", "--norestore", "--nolockcheck", "--nodefault",
               f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
               "--convert-to", target, "--outdir", str(out_dir), str(src)]
        env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TMPDIR")}
        env["HOME"] = tmp  # nothing written to the user's home
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
        try:
            output, _ = proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise IngestError.with_detail(
                "CONVERSION_FAILED", f"LibreOffice took longer than {timeout_s:.0f} s") from None
        result = out_dir / f"document.{target}"
        if not result.exists() or result.stat().st_size == 0:
            said = output.decode("utf-8", "replace").strip().splitlines()
            raise IngestError.with_detail(
                "CONVERSION_FAILED", f"LibreOffice wrote no {target.upper()} (exit {proc.returncode}"
                + (f": {said[-1][:200]}" if said else "") + ")")
        return result.read_bytes()
