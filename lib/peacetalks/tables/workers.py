"""How extraction's worker processes start: forked from a server that has loaded everything once.

The server (multiprocessing's forkserver) imports `peacetalks.tables.preload`, which loads the libraries
and the extraction modules once, so each worker it forks starts with them loaded.

Neither outlives the command: the server and each worker ask Linux to kill them when the process
that started them ends (`die_with_parent`), so killing the command, even with SIGKILL, takes them
with it; and the workers leave Ctrl-C to the command, which stops them and says so in one line.

This module imports nothing heavy: the command line uses it before it loads the pipeline.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from multiprocessing.context import BaseContext

PRELOAD = "peacetalks.tables.preload"
PARENT_VARIABLE = "PEACETALKS_PARENT_PID"
"""The environment variable that tells a new process the process id of the one that started it."""
_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Have this process killed when the process that started it ends, however it ends (Linux
    prctl(PR_SET_PDEATHSIG); elsewhere nothing). If that process has ended already, end now."""
    expected = os.environ.get(PARENT_VARIABLE)
    if expected == str(os.getpid()):  # not a process started by another: nothing to ask
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        return
    if expected and expected.isdigit() and os.getppid() != int(expected):
        os._exit(1)  # the parent ended before the request was made


def worker_started() -> None:
    """What each worker does first: die with the server it was forked from, and leave Ctrl-C to the command."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def worker_context() -> BaseContext:
    """The multiprocessing context for workers: forkserver, preloaded, where the platform has it."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context()  # pragma: no cover - Windows: spawn
    context = multiprocessing.get_context("forkserver")
    os.environ[PARENT_VARIABLE] = str(os.getpid())  # the server, started from here, dies with this process
    context.set_forkserver_preload([PRELOAD])
    return context
