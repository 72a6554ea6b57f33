"""What the process that forks extraction workers loads first, so that every worker starts with it loaded.

`peacetalks extract --workers N` forks its workers from a server process (multiprocessing's
forkserver) that imports this module once: the libraries and the modules whose function the
workers run are then imported there, not again in each worker.
"""
from __future__ import annotations

import os

from peacetalks.tables.workers import PARENT_VARIABLE, die_with_parent

die_with_parent()  # the server goes when the command that started it goes, even killed with SIGKILL
os.environ[PARENT_VARIABLE] = str(os.getpid())  # and each worker forked from it when it goes

from peacetalks.tables import engines  # noqa: E402,F401 - after the request above, which must come first: the workers' function
