"""Streaming, parallel extraction of a large corpus into table files (Parquet, optionally CSV)."""
from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `peacetalks extract` that only streaming extraction (--out) uses."""


def run(args: argparse.Namespace) -> int:
    """`peacetalks extract DIR --out TABLES/`; returns the exit code."""
    raise NotImplementedError("streaming extraction is not built yet")
