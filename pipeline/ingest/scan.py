"""Walk the input folder: every file becomes a task, refused files included."""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.ingest.process import FileTask


def scan(raw_dir: Path) -> list[FileTask]:
    root = raw_dir.resolve()
    tasks: list[FileTask] = []
    if not root.is_dir():
        return tasks
    # followlinks=False: a symlinked folder could loop or leave the input folder.
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for d in list(dirnames):
            p = Path(dirpath) / d
            if p.is_symlink():
                dirnames.remove(d)
                tasks.append(_refused(root, p, "OUTSIDE_INPUT",
                                      "A symlinked folder is not followed (it may loop or leave the input folder)."))
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if name.startswith(".") or name.endswith((".tmp", ".part", ".crdownload")):
                continue
            rel = p.relative_to(root).as_posix()
            if p.is_symlink():
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):
                    tasks.append(_refused(root, p, "UNREADABLE", "The symlink is broken or loops."))
                    continue
                if not target.is_relative_to(root):
                    tasks.append(_refused(root, p, "OUTSIDE_INPUT"))
                    continue
            try:
                st = p.stat()
            except OSError as e:
                tasks.append(_refused(root, p, "UNREADABLE", f"The file could not be read: {e.strerror}."))
                continue
            if not p.is_file():
                continue
            if not os.access(p, os.R_OK):
                tasks.append(_refused(root, p, "UNREADABLE", "The file is not readable (permissions)."))
                continue
            tasks.append(FileTask(path=p, rel=rel, size=st.st_size, mtime=st.st_mtime))
    return tasks


def _refused(root: Path, p: Path, code: str, message: str | None = None) -> FileTask:
    rel = p.relative_to(root).as_posix()
    return FileTask(path=p, rel=rel, error=IngestError(code, message))
