"""The tables: their one schema, the corpus as DataFrames, the streaming store and its engines, the analyst's review and its queue of candidates, shifts and accuracy."""

from peacetalks.schema import *  # noqa: F401,F403  (the schema is the package's vocabulary)
