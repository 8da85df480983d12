"""Run a function over many items in child processes, each with a time and memory limit.

A hostile or broken document may hang a parser or eat all memory; one forked child per
document keeps that from harming the batch. Children return results through a pipe.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import pickle
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

T = TypeVar("T")


class ChildFailed(Exception):
    def __init__(self, kind: str, detail: str) -> None:
        self.kind = kind  # "timeout" | "crash" | "error"
        self.detail = detail
        super().__init__(f"{kind}: {detail}")


def _die_with_parent(parent: int) -> None:
    """A parser child must not outlive its parent: a worker killed mid-run (kill -9, a lost
    machine) would otherwise leave children parsing on, holding the parent's inherited
    sockets open so the scheduler keeps believing the worker alive."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _child(func: Callable[[Any], Any], item: Any, conn: Connection, mem_limit: int | None,
           parent: int = 0, inherited: tuple[Connection, ...] = ()) -> None:
    if parent:
        _die_with_parent(parent)
    # Read ends of result pipes came along with the fork; holding them open would keep a
    # writer blocked forever once the parent is gone (its pipe would never break).
    for c in inherited:
        c.close()
    if mem_limit:
        try:
            import resource

            # The forked child starts with the parent's whole address space (DuckDB, GX and
            # Dagster reserve gigabytes of it): the limit is what it may add on top.
            limit = _address_space() + mem_limit
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):
            pass
    try:
        payload = ("ok", func(item))
    except BaseException as e:  # everything goes back to the parent as data
        payload = ("error", e if _picklable(e) else RuntimeError(repr(e)), traceback.format_exc())
    try:
        conn.send_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        conn.close()
        os._exit(0)  # skip atexit handlers inherited from the parent


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _picklable(e: BaseException) -> bool:
    try:
        pickle.loads(pickle.dumps(e))
        return True
    except Exception:
        return False


def start_frozen(p: mp.process.BaseProcess) -> None:
    """Start a forked child with this process's objects frozen. The child inherits every object,
    some of them owned by threads that do not exist in it (DuckDB, Dask, Dagster): frozen, its
    garbage collector never walks them (a walk crashed a child once: "Fatal Python error …
    Garbage-collecting")."""
    gc.freeze()
    try:
        p.start()
    finally:
        gc.unfreeze()


def run_isolated(
    func: Callable[[T], Any],
    items: Iterable[T],
    workers: int = 2,
    timeout_s: float = 300,
    mem_limit_bytes: int | None = 3 * 2**30,
) -> Iterator[tuple[T, Any]]:
    """Yield (item, result) in completion order; result is an exception on failure.

    With workers <= 0 everything runs in this process (for debugging and tests).
    """
    if workers <= 0:
        for item in items:
            try:
                yield item, func(item)
            except Exception as e:
                yield item, e
        return
    ctx = mp.get_context("fork")
    pending = list(items)[::-1]
    running: dict[Connection, tuple[Any, Any, float]] = {}
    while pending or running:
        while pending and len(running) < workers:
            item = pending.pop()
            r, w = ctx.Pipe(duplex=False)
            p = ctx.Process(target=_child, args=(func, item, w, mem_limit_bytes, os.getpid(), (r, *running)),
                            daemon=True)
            start_frozen(p)
            w.close()
            running[r] = (item, p, time.monotonic())
        ready = wait(list(running), timeout=0.2)
        for conn in ready:
            item, p, _ = running.pop(conn)  # type: ignore[call-overload]
            try:
                status, *rest = pickle.loads(conn.recv_bytes())
                result = rest[0] if status == "ok" else rest[0]
            except (EOFError, OSError, pickle.UnpicklingError):
                p.join(1)
                result = ChildFailed(
                    "crash", f"the parser process ended without a result (exit code {p.exitcode})"
                )
            conn.close()
            p.join(5)
            yield item, result
        now = time.monotonic()
        for conn, (item, p, started) in list(running.items()):
            if now - started > timeout_s:
                p.kill()
                p.join(5)
                conn.close()
                del running[conn]
                yield item, ChildFailed("timeout", f"no result after {timeout_s:.0f} s")
