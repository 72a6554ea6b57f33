"""The report's notebooks and their parameters: each notebook's `parameters` cell read, and the
parameters given on the command line or in a YAML file checked against it before any kernel starts.
"""
from __future__ import annotations

import ast
import difflib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peacetalks.report import parameters
from peacetalks.report.parameters import NONE_WORDS
from peacetalks.sources.problems import InputError
from peacetalks.sources.yamlfiles import key_lines, load_yaml_text

BUILD_PARAMETERS = {
    "corpus": "it is set by the build: use --corpus PATH",
    "figures_dir": "it is set by the build: figures go to OUT/figures",
}


# --- the notebooks and their parameters ---------------------------------------------------

@dataclass(frozen=True)
class Parameter:
    """One assignment of a notebook's `parameters` cell: its default and the comment after it."""

    name: str
    default: Any
    help: str


@dataclass
class NotebookInfo:
    """What the build needs to know about a notebook before running it."""

    path: Path
    title: str
    summary: str
    parameters: dict[str, Parameter] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def page(self) -> str:
        return f"{self.path.stem}.html"


def _cell_source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def parse_parameters_cell(source: str, where: str) -> dict[str, Parameter]:
    """The parameters a `parameters` cell declares: `name = literal  # help`, one per line."""
    try:
        tree = ast.parse(source)
    except SyntaxError as err:
        raise InputError(f"{where}: the parameters cell is not valid Python: {err.msg} (line {err.lineno})") from None
    lines = source.splitlines()
    found: dict[str, Parameter] = {}
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            raise InputError(f"{where}: the parameters cell may only assign literals to names (line {node.lineno})")
        try:
            default = ast.literal_eval(node.value)
        except ValueError:
            raise InputError(f"{where}: parameter {node.targets[0].id} needs a literal default (line {node.lineno})") from None
        line = lines[node.lineno - 1]
        comment = line.split("#", 1)[1].strip() if "#" in line[node.value.end_col_offset:] else ""
        found[node.targets[0].id] = Parameter(node.targets[0].id, default, comment)
    return found


def read_notebook(path: Path) -> NotebookInfo:
    """A notebook's title (its first heading), summary (the paragraph after it) and parameters, read as JSON (fast)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        cells = data["cells"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise InputError(f"{path}: not a readable notebook: {err}") from None
    title, summary = path.stem, ""
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            text = _cell_source(cell).strip()
            head, _, rest = text.partition("\n")
            title = head.lstrip("#").strip() or title
            paragraph = rest.strip().split("\n\n")[0].replace("\n", " ")
            summary = paragraph.split(". ")[0].rstrip(".") + "." if paragraph else ""
            break
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(tagged) > 1:
        raise InputError(f"{path}: more than one cell is tagged `parameters`")
    parameters = parse_parameters_cell(_cell_source(tagged[0]), str(path)) if tagged else {}
    return NotebookInfo(path, title, summary, parameters)


def find_notebooks(folder: Path) -> list[NotebookInfo]:
    """Every notebook of the folder, in name order (01_, 02_, ...)."""
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder of notebooks (run from the project root, or pass --notebooks)")
    paths = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith("."))
    if not paths:
        raise InputError(f"{folder}: no notebooks to build")
    return [read_notebook(p) for p in paths]


# --- validating the parameters given -------------------------------------------------------

def _as_default_type(param: Parameter, value: Any) -> Any:

    default = param.default
    if default is None:
        return None if value is None or (isinstance(value, str) and value.strip().lower() in NONE_WORDS) else value
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in {"true", "yes", "1"}:
            return True
        if text in {"false", "no", "0"}:
            return False
    elif isinstance(default, (int, float)):
        try:
            return type(default)(value)
        except (TypeError, ValueError):
            pass
    elif isinstance(default, str):
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value)
    elif isinstance(default, list):
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        if isinstance(value, list):
            return value
    raise InputError(f"parameter {param.name}: expected {type(default).__name__} like the default "
                     f"{default!r}, got {value!r}")


def read_parameters_file(path: Path) -> dict[str, Any]:
    """A YAML mapping of parameter names to values. Each value the notebooks' model knows is checked
    here, so that a bad one is an InputError naming the file and its line (`params.yaml, line 2:
    parameter start: '2015-13-01' is not a date in the form YYYY-MM-DD`)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot read the parameters file: {err.strerror or err}") from None
    data = load_yaml_text(text, path, dates_as_text=True)
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise InputError(f"{path}: expected a mapping of parameter names to values")
    lines = key_lines(text)
    for name, value in data.items():
        if name in parameters.Parameters.model_fields:
            try:
                parameters.validate({name: value})
            except InputError as err:
                raise InputError(f"{path}, line {lines.get(name, '?')}: {err}") from None
    return data


def validate_parameters(given: dict[str, Any], notebooks: list[NotebookInfo]) -> dict[str, Any]:
    """The given parameters, checked against the notebooks' parameters cells and normalised.

    An unknown name, a name the build sets itself, or a value that does not fit is an
    InputError naming the parameter (papermill itself would only warn, after starting kernels).
    """
    declared: dict[str, Parameter] = {}
    for notebook in notebooks:
        for name, param in notebook.parameters.items():
            declared.setdefault(name, param)
    for name in given:
        if name in BUILD_PARAMETERS:
            raise InputError(f"parameter {name} cannot be given: {BUILD_PARAMETERS[name]}")
        if name not in declared:
            known = sorted(set(declared) - set(BUILD_PARAMETERS))
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise InputError(f"unknown parameter {name!r}{hint}; the notebooks take: {', '.join(known)}")
    return checked_parameters(given, declared)


def checked_parameters(given: dict[str, Any], declared: dict[str, Parameter]) -> dict[str, Any]:
    """The values given, checked by the one model the notebooks check themselves with (`parameters.Parameters`);
    a parameter that only some notebook declares, and the model does not know, keeps its default's type."""

    known = {name: value for name, value in given.items() if name in parameters.Parameters.model_fields}
    clean = parameters.validate(known).given()
    for name, value in given.items():
        if name not in known:
            clean[name] = _as_default_type(declared[name], value)
    return {name: clean[name] for name in given}


def parse_cli_value(text: str) -> Any:
    """A value typed after -p NAME: YAML scalars and lists (`2015-01-01`, `[russia, iran]`, `none`), else the text."""
    try:
        return load_yaml_text(text, "-p", dates_as_text=True) if text.strip() else None  # dates: Parameters reads them
    except InputError:
        return text


def notebook_parameters(given: dict[str, Any], notebook: NotebookInfo, build_dir: Path) -> dict[str, Any]:
    """The parameters given that a notebook takes; paths of labelled sets made relative to the build folder,
    where its kernel runs (as given, they are relative to the folder the build was started from)."""
    params = {k: v for k, v in given.items() if k in notebook.parameters}
    if params.get("labelled"):
        params["labelled"] = [relative_path(Path(p), build_dir) for p in params["labelled"]]
    return params


def relative_path(path: Path, start: Path | None = None) -> str:
    """`path` relative to `start` (default: the working folder), so no absolute path of this machine is recorded."""
    return Path(os.path.relpath(path.resolve(), (start or Path.cwd()).resolve())).as_posix()
