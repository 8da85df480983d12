"""A Dask scheduler and workers as separate OS processes on loopback, as an operator would
start them on real machines (`dask scheduler`, `dask worker …`); used by the tests and the
benchmark. Nothing here is needed on a real cluster: see docs/scaling.md for the commands.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _dask() -> list[str]:
    # The `dask` entry point of this interpreter's environment.
    exe = Path(sys.executable).with_name("dask")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "dask"]


def worker_command(scheduler: str, name: str, warehouse: bool = True) -> list[str]:
    """One worker process, one thread (Dagster steps are not thread-safe), no nanny (a
    process supervisor such as systemd restarts it instead; a nanny's worker is a daemon
    process, which may not fork the parser children)."""
    cmd = [*_dask(), "worker", scheduler, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--name", name]
    if warehouse:
        cmd += ["--resources", "warehouse=1"]
    return cmd


@dataclass
class LocalCluster:
    """`with LocalCluster(workers=2, log_dir=…) as c:` — c.address, c.workers (Popen)."""

    workers: int = 2
    log_dir: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    address: str = ""
    scheduler: subprocess.Popen | None = None
    procs: list[subprocess.Popen] = field(default_factory=list)

    def __enter__(self) -> LocalCluster:
        port = free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        self.scheduler = self._spawn([*_dask(), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                      "--no-dashboard"], "scheduler")
        for k in range(self.workers):
            self.add_worker(f"w{k + 1}", wait=False)
        self.wait_for(self.workers)
        return self

    def add_worker(self, name: str, wait: bool = True) -> subprocess.Popen:
        p = self._spawn(worker_command(self.address, name), name)
        self.procs.append(p)
        if wait:
            self.wait_for(len([q for q in self.procs if q.poll() is None]))
        return p

    def wait_for(self, n: int, timeout: float = 90) -> None:
        from dask.distributed import Client

        deadline = time.monotonic() + timeout
        while True:
            try:
                with Client(self.address, timeout=10) as c:
                    c.wait_for_workers(n, timeout=max(1.0, deadline - time.monotonic()))
                    return
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)

    def kill(self, pid: int) -> None:
        """kill -9 one of this cluster's workers (never anything else)."""
        p = next(p for p in self.procs if p.pid == pid)
        p.send_signal(signal.SIGKILL)
        p.wait(30)

    def _spawn(self, cmd: list[str], name: str) -> subprocess.Popen:
        out = open(self.log_dir / f"{name}.log", "ab") if self.log_dir else subprocess.DEVNULL  # noqa: SIM115
        return subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=os.environ | self.env)

    def __exit__(self, *exc: object) -> None:
        for p in [*self.procs, self.scheduler]:
            if p is not None and p.poll() is None:
                p.terminate()
        for p in [*self.procs, self.scheduler]:
            if p is not None:
                try:
                    p.wait(20)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait(5)
