"""How extraction's worker processes start: forked from a server that has loaded everything once.

The server (multiprocessing's forkserver) imports `peacetalks.preload`, which loads the libraries
and compiles the codebook and cue patterns, so each worker it forks starts ready. That costs about
a second, so `peacetalks extract --out` starts the server first thing (`start_early`): it loads on
one core while the command loads pandas and pyarrow on the other.

This module imports nothing heavy: the command line uses it before it loads the pipeline.
"""
from __future__ import annotations

import multiprocessing
import os
from multiprocessing.context import BaseContext

PRELOAD = "peacetalks.preload"


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
    context.set_forkserver_preload([PRELOAD])
    return context


def start_early() -> None:
    """Start the server workers fork from now, if the platform has one, so that it is ready when the
    first worker is needed; starting it twice is harmless (multiprocessing keeps one)."""
    if worker_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()
