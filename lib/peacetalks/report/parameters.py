"""The report's parameters, checked in one place: by `peacetalks report` before any kernel starts,
and by each notebook's second cell (`params = peacetalks.check_parameters(...)`) in JupyterLab.

A value that does not fit is an `InputError` naming the parameter and what is wrong; an unknown
actor, issue or kind of figure comes with the closest known one ("did you mean 'russia'?").
"""
from __future__ import annotations

import difflib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator, model_validator

from peacetalks.sources.isodates import OptionalDate
from peacetalks.sources.problems import InputError
from peacetalks.schema import KINDS
from peacetalks.extract.codebook import load_codebook

NONE_WORDS = frozenset({"", "none", "null", "~"})
SUMMARISE = ("auto", "points", "summary")
"""How a chart shows its data: `auto` every point up to `charts.MAX_POINTS`, a summary past it;
`points` always every point; `summary` always the summary."""


def _is_none(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip().lower() in NONE_WORDS)


def _vocabulary(name: str) -> tuple[str, ...]:
    """The values a name list may hold: the casualty kinds, or the codebook's actors or issues."""
    if name == "kinds":
        return KINDS
    return tuple(getattr(load_codebook(), name))


def _names(name: str, value: Any) -> list[str] | None:
    """A list of names from a list or a comma-separated string, each checked against the vocabulary."""
    if _is_none(value):
        return None
    items = [v.strip() for v in value.split(",") if v.strip()] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in items):
        raise ValueError(f"expected a list of names (a,b or [a, b]), got {value!r}")
    items = [v.strip() for v in items]
    allowed = _vocabulary(name)
    for item in items:
        if item not in allowed:
            close = difflib.get_close_matches(item.lower(), allowed, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"unknown value {item!r}{hint}; choose from {', '.join(allowed)}")
    return list(items)


class Parameters(BaseModel):
    """Every parameter a notebook of the report takes, with what it may be.

    Dates are ISO dates (`YYYY-MM-DD`) or None; `actors`, `issues` and `kinds` are lists of the
    codebook's ids (or a comma-separated string) or None for all; `summarise` is one of `SUMMARISE`;
    `labelled` lists gold files (`gold.json`) to measure the machine against, None to look for them
    beside the repository.
    """

    model_config = ConfigDict(extra="forbid", validate_default=False)

    corpus: str | None = None
    start: OptionalDate = None
    end: OptionalDate = None
    kinds: list[str] | None = None
    actors: list[str] | None = None
    issues: list[str] | None = None
    evidence_article: str | None = None
    review_file: str | None = None
    figures_dir: str | None = None
    summarise: Literal["auto", "points", "summary"] = "auto"
    labelled: list[str] | None = None

    @field_validator("start", "end", mode="before")
    @classmethod
    def _no_date(cls, value: Any) -> Any:
        return None if _is_none(value) else value  # `none`, `null`: then OptionalDate reads the rest

    @field_validator("kinds", "actors", "issues", mode="before")
    @classmethod
    def _vocabulary_names(cls, value: Any, info: ValidationInfo) -> Any:
        return _names(info.field_name, value)

    @field_validator("corpus", "evidence_article", "review_file", "figures_dir", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        if _is_none(value):
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)) and not hasattr(value, "__fspath__"):
            raise ValueError(f"expected a text, got {value!r}")
        return str(value)

    @field_validator("summarise", mode="before")
    @classmethod
    def _summarise(cls, value: Any) -> Any:
        if _is_none(value):
            return "auto"
        if not isinstance(value, str) or value.strip().lower() not in SUMMARISE:
            close = difflib.get_close_matches(str(value).lower(), SUMMARISE, n=1) if isinstance(value, str) else []
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"expected one of {', '.join(map(repr, SUMMARISE))}, got {value!r}{hint}")
        return value.strip().lower()

    @field_validator("labelled", mode="before")
    @classmethod
    def _paths(cls, value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, str):
            return [] if value.strip().lower() in NONE_WORDS else [v.strip() for v in value.split(",") if v.strip()]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) or hasattr(v, "__fspath__") for v in value):
            raise ValueError(f"expected a list of paths to gold.json files, got {value!r}")
        return [str(v) for v in value]

    @model_validator(mode="after")
    def _period(self) -> Parameters:
        if self.start and self.end and self.start > self.end:
            raise InputError(f"parameters start ({self.start}) and end ({self.end}): start is after end")
        return self

    def given(self) -> dict[str, Any]:
        """The parameters that were set, as plain values (dates as ISO text), for papermill and the build."""
        return self.model_dump(mode="json", include=self.model_fields_set)


def _message(err: ValidationError) -> str:
    lines = []
    for error in err.errors():
        name = ".".join(str(p) for p in error["loc"] if not isinstance(p, int)) or "parameters"
        if error["type"] == "extra_forbidden":
            known = [n for n in Parameters.model_fields]
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            lines.append(f"unknown parameter {name!r}{hint}")
            continue
        text = error["msg"].removeprefix("Value error, ")
        lines.append(f"parameter {name}: {text}")
    return "; ".join(lines)


def validate(given: dict[str, Any]) -> Parameters:
    """The parameters `given` (a mapping of name to value), checked; an InputError says what is wrong."""
    try:
        return Parameters.model_validate(given)
    except ValidationError as err:
        cause = next((e.get("ctx", {}).get("error") for e in err.errors()
                      if isinstance(e.get("ctx", {}).get("error"), InputError)), None)
        raise InputError(str(cause) if cause else _message(err)) from None
    except InputError:
        raise


def check_parameters(**given: Any) -> Parameters:
    """The notebook's parameters, checked as `peacetalks report` checks them: call it in the cell after
    the parameters cell, with every parameter the notebook takes (`check_parameters(start=start, ...)`).

    An unknown actor, issue or kind, a date that is no date, or a start after the end stops the
    notebook there with a message saying what is wrong and, for a misspelt name, what was meant.
    """
    return validate(given)
