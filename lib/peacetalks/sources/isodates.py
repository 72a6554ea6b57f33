"""The one way a date an analyst gives is read: written YYYY-MM-DD, as in catalog.csv, events.csv, the
report's parameters (`-p start 2015-01-01`, a parameters file, a notebook's parameters cell) and the
`published` column of an articles table handed to the review.

`iso_date` is the parser; `IsoDate` and `OptionalDate` are the pydantic types of a field holding one.
A value that is no such date is a ValueError quoting it (`'15/03/2016' is not a date in the form
YYYY-MM-DD`); each reader adds where it stands (the file and line, or the parameter).
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BeforeValidator

DATE_FORM = "YYYY-MM-DD"


def _nothing(value: Any) -> bool:
    """None, blank text, or a missing value of a table (NaN, pandas' NaT: the values not equal to themselves)."""
    return value is None or (isinstance(value, str) and not value.strip()) or value != value


def iso_date(value: Any) -> dt.date | None:
    """`value` as a date: a date as it is, a datetime (or pandas Timestamp) as its day, text written YYYY-MM-DD;
    None for nothing (None, blank text, NaN, NaT). Anything else is a ValueError quoting the value."""
    if _nothing(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{value!r} is not a date in the form {DATE_FORM}")


def _required(value: Any) -> dt.date:
    date = iso_date(value)
    if date is None:
        raise ValueError(f"no date: give one in the form {DATE_FORM}")
    return date


IsoDate = Annotated[dt.date, BeforeValidator(_required)]
"""A field holding a date written YYYY-MM-DD (or a date)."""
OptionalDate = Annotated[dt.date | None, BeforeValidator(iso_date)]
"""A field holding a date written YYYY-MM-DD, or nothing (blank)."""
