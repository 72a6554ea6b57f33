"""What the process that forks extraction workers loads first, so that every worker starts ready.

`peacetalks extract --workers N` forks its workers from a server process that imports this
module once: the libraries, the pipeline module whose function the workers run, the codebook
and the cue patterns are then loaded and compiled there, not again in each worker (about a
second of CPU per worker otherwise spent before its first article). Running the workers' own
function on one short made-up article compiles every pattern the extractors use, and loads what
pyarrow loads on its first conversion of rows (pandas, which it checks every input against).
"""
from __future__ import annotations

import gc
import os

from .workers import PARENT_VARIABLE, die_with_parent

die_with_parent()  # the server goes when the command that started it goes, even killed with SIGKILL
os.environ[PARENT_VARIABLE] = str(os.getpid())  # and each worker forked from it when it goes

from .pipeline import process_chunk  # noqa: E402 - after the request above, which must come first
from .reading import RawDocument  # noqa: E402

_WARM_UP = ("Talks in Geneva\n\nRussia and the United States backed the ceasefire, Lavrov said on Jan. 7, 2016. "
            "Some 250,000 people have been killed since the war began in 2011.")

process_chunk([("warm-up", RawDocument("warm-up", "<warm-up>", _WARM_UP, "utf-8", ""))])

# The workers make many short-lived objects and keep few: a youngest generation of 10,000 objects
# instead of 700 spares most collections, and what is loaded here is frozen out of all of them (nor
# do collections then touch, and so copy, the pages the workers share with this server). Together
# 3% fewer instructions per article (valgrind --tool=callgrind, 256 generated articles).
gc.freeze()
gc.set_threshold(10_000)
