"""Problems found while reading: each names the file and says what is wrong, so nothing is dropped silently."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input. `severity` is `skipped` (the file was not read) or `warning` (read, with a caveat)."""

    file: str
    problem: str
    severity: str = "warning"

    def as_row(self) -> dict[str, str]:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.file}: {self.problem}"


class InputError(Exception):
    """Input that cannot be used at all (a missing folder, a malformed analyst file); the message names it."""
