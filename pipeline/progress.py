"""A process-wide progress hook: `bpw run` shows a bar, Dagster runs log lines."""

from __future__ import annotations

from collections.abc import Callable

_callback: Callable[[int, int, str], None] | None = None


def set_callback(fn: Callable[[int, int, str], None] | None) -> None:
    global _callback
    _callback = fn


def report(i: int, n: int, name: str) -> None:
    if _callback is not None:
        _callback(i, n, name)
