"""Walk the input folder: every file becomes a task, refused files included.

Nothing is dropped silently except names that are never documents (IGNORED_NAMES,
in-progress downloads, Office lock files, AppleDouble `._*` files and hidden folders).
Everything else — including other dot-files, FIFOs, broken symlinks and folders that
cannot be listed — gets a task and so a `documents` row with a status.

Symlinks: a symlinked file whose target is inside the input folder is read; one that
points outside is refused (OUTSIDE_INPUT), a broken or looping one is UNREADABLE.
Symlinked folders are never followed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pipeline.ingest.errors import IngestError
from pipeline.ingest.process import FileTask

# Operating-system and version-control files that are never documents.
IGNORED_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep", ".gitignore", ".keep"})
# Files still being written by a browser or a copy tool; they are picked up once renamed.
IN_PROGRESS_SUFFIXES = (".tmp", ".part", ".crdownload", ".download", ".partial")


def is_ignored(name: str) -> bool:
    return (
        name in IGNORED_NAMES
        or name.endswith(IN_PROGRESS_SUFFIXES)
        or name.startswith(("~$", "._", ".~lock."))
    )


def display_name(rel: str) -> str:
    """A name that can be stored: undecodable bytes (a GBK name from a Windows ZIP) are
    decoded as GB18030, else replaced."""
    try:
        rel.encode("utf-8")
        return rel
    except UnicodeEncodeError:
        raw = os.fsencode(rel)
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            return raw.decode("utf-8", errors="replace")


def scan(raw_dir: Path) -> list[FileTask]:
    root = raw_dir.resolve()
    tasks: list[FileTask] = []
    if not root.is_dir():
        return tasks

    def walk_error(e: OSError) -> None:
        if e.filename and Path(e.filename) != root:
            p = Path(e.filename)
            tasks.append(_refused(root, p, "UNREADABLE",
                                  f"The folder could not be listed ({e.strerror}); its files were not read. "
                                  "Check its permissions."))

    # followlinks=False: a symlinked folder could loop or leave the input folder.
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=walk_error):
        dirnames.sort()
        for d in list(dirnames):
            p = Path(dirpath) / d
            if p.is_symlink():
                dirnames.remove(d)
                try:
                    inside = p.resolve(strict=True).is_relative_to(root)
                except (OSError, RuntimeError):
                    inside = True  # a loop or a broken link: it leads nowhere readable
                if inside:
                    tasks.append(_refused(root, p, "UNREADABLE",
                                          "A symlinked folder is not followed (it may loop); copy or move "
                                          "the files into the input folder instead."))
                else:
                    tasks.append(_refused(root, p, "OUTSIDE_INPUT",
                                          "This symlinked folder points outside the input folder and was not "
                                          "followed; copy the files into the input folder instead."))
            elif d.startswith("."):
                dirnames.remove(d)  # .git, .Trash, editor state: never documents
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if is_ignored(name):
                continue
            rel = display_name(p.relative_to(root).as_posix())
            if p.is_symlink():
                try:
                    target = p.resolve(strict=True)
                except (OSError, RuntimeError):
                    tasks.append(_refused(root, p, "UNREADABLE",
                                          "The symlink is broken or loops, so there is nothing to read; "
                                          "replace it with the file itself."))
                    continue
                if not target.is_relative_to(root):
                    tasks.append(_refused(root, p, "OUTSIDE_INPUT"))
                    continue
            try:
                st = p.stat()
            except OSError as e:
                tasks.append(_refused(root, p, "UNREADABLE",
                                      f"The file could not be read ({e.strerror}); check its permissions."))
                continue
            if not stat.S_ISREG(st.st_mode):
                tasks.append(_refused(root, p, "UNREADABLE",
                                      "This is not a regular file (a FIFO, socket or device); it was not "
                                      "opened. Put the document itself in the input folder."))
                continue
            if not os.access(p, os.R_OK):
                tasks.append(_refused(root, p, "UNREADABLE",
                                      "The file is not readable (permissions); run `chmod a+r` on it or "
                                      "copy it as the user who runs the pipeline."))
                continue
            tasks.append(FileTask(path=p, rel=rel, size=st.st_size, mtime=st.st_mtime))
    return tasks


def _refused(root: Path, p: Path, code: str, message: str | None = None) -> FileTask:
    try:
        rel = p.relative_to(root).as_posix()
    except ValueError:
        rel = p.as_posix()
    return FileTask(path=p, rel=display_name(rel), error=IngestError(code, message))
