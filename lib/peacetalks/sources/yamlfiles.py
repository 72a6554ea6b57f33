"""Reading the YAML files an analyst edits (the codebook, the outlets, report parameters) strictly.

YAML keeps the last of two equal keys in a mapping without a word: a second `russia:` in the
codebook would silently replace the first actor. Here a repeated key is an error naming the file,
the key and both lines.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from peacetalks.sources.problems import InputError


class DuplicateKeyError(InputError):
    """A key given twice in one mapping of a YAML file; the message names the file, the key and both lines."""


class _StrictLoader(yaml.SafeLoader):
    """yaml.SafeLoader that refuses a key repeated in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, int] = {}
        for key_node, _value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
            except TypeError:  # an unhashable key: SafeLoader reports it
                continue
            line = key_node.start_mark.line + 1
            if first is not None:
                raise DuplicateKeyError(
                    f"{self.name}, line {line}: the key {key!r} is given twice (first on line {first}); "
                    "YAML would keep only the last: merge the two or rename one")
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


class _TextDatesLoader(_StrictLoader):
    """_StrictLoader that leaves a date-shaped value (`2015-01-01`, `2015-13-01`) as the text it is, for the
    reader's own date type (`sources.isodates`) to read or refuse, quoting it."""


_TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", _TextDatesLoader.construct_yaml_str)


def load_yaml_text(text: str, where: str | Path, dates_as_text: bool = False) -> Any:
    """The data of YAML `text` read from `where` (named in errors); a repeated key is a DuplicateKeyError,
    invalid YAML an InputError naming the place. With `dates_as_text`, dates stay text (YAML would read
    `2015-01-01` as a date itself, and stop at `2015-13-01` with no word of where)."""
    loader = (_TextDatesLoader if dates_as_text else _StrictLoader)(text)
    loader.name = str(where)
    try:
        return loader.get_single_data()
    except yaml.YAMLError as err:
        raise InputError(f"{where}: not valid YAML: {err}") from None
    finally:
        loader.dispose()


def load_yaml(path: str | Path) -> Any:
    """The data of the YAML file at `path` (see `load_yaml_text`); a file that cannot be read is an InputError."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot be read: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 (byte {err.start}): save it as UTF-8") from None
    return load_yaml_text(text, path)


def key_lines(text: str) -> dict[Any, int]:
    """The line (from 1) of each key of the mapping at the top of YAML `text`, to name it in a message."""
    node = yaml.compose(text, Loader=_TextDatesLoader)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _value in node.value if isinstance(key, yaml.ScalarNode)}
