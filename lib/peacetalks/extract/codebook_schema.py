"""What codebook.yaml may hold, as pydantic models: each entry's keys and the kind of each value.

A mistake is an InputError that names the file, the entry and the problem
(``codebook.yaml: issues.ceasefire.cues[3].polarity: polarity must be 1, -1 or 0, got 2``). What the
phrases compile to (an unknown term, a bad regular expression, a cue that misses its own example) is
checked when the codebook is compiled (codebook.py), with the same kind of message.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from peacetalks.sources.problems import InputError

AGENT_MODES = ("subject", "inside", "both")
WORD_LISTS = ("negators", "softeners", "flexibility", "earlier", "contrast", "speech_verbs", "reservations",
              "syria", "other_conflicts", "foreign_qualifiers")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def _text(value: Any) -> Any:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a non-empty string, got {value!r}")
    return value


def _identifier(value: str) -> str:
    if not _ID.match(value):
        raise ValueError("an id is lower case letters, digits and _")
    return value


def _date(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date YYYY-MM-DD, got {value!r}")


def _polarity(value: Any) -> Any:
    if isinstance(value, bool) or value not in (1, -1, 0):
        raise ValueError(f"polarity must be 1, -1 or 0, got {value!r}")
    return value


def _agents(value: Any) -> Any:
    if value not in AGENT_MODES:
        raise ValueError(f"agents must be one of {', '.join(AGENT_MODES)}, got {value!r}")
    return value


def _named(value: Any) -> Any:
    """A plain name stands for {name: ...}."""
    return {"name": value} if isinstance(value, str) else value


Text = Annotated[str, BeforeValidator(_text)]
Id = Annotated[str, AfterValidator(_identifier)]
Date = Annotated[dt.date, BeforeValidator(_date)]


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Name(_Entry):
    """A name of an actor; `not_after`: words (as written) it never follows ("-led the coalition")."""

    name: Text
    not_after: list[Text] = []


class Speaker(_Entry):
    """A person or body speaking for an actor; a person has the dates of their time in office."""

    name: Text
    start: Date | None = Field(None, alias="from")
    end: Date | None = Field(None, alias="to")

    @model_validator(mode="after")
    def _in_order(self) -> Speaker:
        if self.end is not None and (self.start is None or self.end < self.start):
            raise ValueError("`from` (and `to`, if given) must be dates YYYY-MM-DD, from <= to")
        return self


class ActorEntry(_Entry):
    label: str | None = None
    names: Annotated[list[Annotated[Name, BeforeValidator(_named)]], Field(min_length=1)]
    speakers: list[Annotated[Speaker, BeforeValidator(_named)]] = []


class CueEntry(_Entry):
    """A cue: a `phrase` (or, rarely, `cue`, a regular expression) and what it says."""

    phrase: Text | None = None
    cue: Text | None = None
    polarity: Annotated[int, BeforeValidator(_polarity)]
    needs: Text | None = None
    agents: Annotated[str, BeforeValidator(_agents)] = "subject"
    examples: list[Text] = []
    counterexamples: list[Text] = []

    @model_validator(mode="after")
    def _one_pattern(self) -> CueEntry:
        if (self.phrase is None) == (self.cue is None):
            raise ValueError("a cue has a `phrase` (or a `cue`, a regular expression), and only one")
        return self


class IssueEntry(_Entry):
    label: str | None = None
    cues: Annotated[list[CueEntry], Field(min_length=1)]
    not_held_by: list[Text] = []


class CodebookFile(_Entry):
    """The whole file: actors, named terms, issues and the stance reader's word lists."""

    actors: Annotated[dict[Id, ActorEntry], Field(min_length=1)]
    terms: dict[Id, list[Text] | Text] = {}
    issues: Annotated[dict[Id, IssueEntry], Field(min_length=1)]
    negators: list[Text] = []
    softeners: list[Text] = []
    flexibility: list[Text] = []
    earlier: list[Text] = []
    contrast: list[Text] = []
    speech_verbs: list[Text] = []
    reservations: list[Text] = []
    syria: list[Text] = []
    other_conflicts: list[Text] = []
    foreign_qualifiers: list[Text] = []

    @model_validator(mode="before")
    @classmethod
    def _no_nulls(cls, data: Any) -> Any:
        """An empty list written as nothing (`negators:`) is an empty list."""
        if isinstance(data, dict):
            return {key: ([] if value is None and key in WORD_LISTS else value) for key, value in data.items()}
        return data

    @model_validator(mode="after")
    def _known_actors(self) -> CodebookFile:
        for issue_id, issue in self.issues.items():
            for actor_id in issue.not_held_by:
                if actor_id not in self.actors:
                    raise ValueError(f"issues.{issue_id}.not_held_by: unknown actor {actor_id!r}")
        return self


def _where(loc: tuple[Any, ...]) -> str:
    """A pydantic location as the codebook names entries: issues.ceasefire.cues[3].polarity."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("[key]", "function-before[_named(), Name]", "function-before[_named(), Speaker]"):
            continue
        else:
            out += f".{part}" if out else str(part)
    return out


def validated(data: Any, path: Path) -> CodebookFile:
    """The parsed YAML as a CodebookFile; an InputError naming the file, the entry and the problem."""
    try:
        return CodebookFile.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        loc = tuple(first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            loc, message = loc[:-1], f"unknown key(s) {loc[-1]}"
        elif first["type"] == "missing":
            message = "missing"
        elif first["type"] == "too_short":
            message = "an actor needs at least one name" if loc[-1:] == ("names",) else \
                "an issue needs a list of cues" if loc[-1:] == ("cues",) else "missing or empty"
        elif first["type"] in ("model_type", "dict_type"):
            message = f"expected a mapping, got {type(first['input']).__name__}"
        elif first["type"] == "list_type":
            message = f"expected a list, got {type(first['input']).__name__}"
        where = _where(loc) or ("" if first["type"] == "value_error" else "top level")  # a file-level check names its entry
        raise InputError(f"{path}: {where}: {message}" if where else f"{path}: {message}") from None
