"""peacetalks: how the press covered the diplomacy of the Syrian war, as tables.

`load_corpus`, `Corpus` and `review_panel` load on first use, so that the command line starts without pandas.
"""
from __future__ import annotations

from typing import Any

__all__ = ["Corpus", "load_corpus", "check_parameters", "review_panel"]


def __getattr__(name: str) -> Any:
    if name == "check_parameters":
        from peacetalks.report import parameters

        return parameters.check_parameters
    if name == "review_panel":  # ipywidgets too loads only when the panel is asked for
        from peacetalks.report import reviewpanel

        return reviewpanel.review_panel
    if name in __all__:
        from peacetalks.tables import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module 'peacetalks' has no attribute {name!r}")
