"""`peacetalks report`: execute every notebook with papermill and render a self-contained HTML report.

The build, in order:
1. read each notebook's `parameters` cell and validate the parameters given on the command
   line or in a YAML file against it, before any kernel starts;
2. hash every input (articles and analyst files of the corpus, notebooks, parameters, the
   library with its codebook and templates); when the hash is the one stored in the output
   folder, stop: nothing changed;
3. in a temporary folder beside the output, execute the notebooks in parallel (papermill,
   one kernel each), strip run times from them and render each to HTML without code cells
   through a template that loads nothing from the network; write the index page, whose
   headline findings are those `notebooks/00_summary.ipynb` shows (`summary.Findings`), and whose
   methods are computed here from the same tables and chart functions the notebooks use;
4. only when every notebook succeeded, swap the temporary folder into place.

Paths handed to the notebooks are relative (the build folder is a sibling of the output,
so `../seeds` is right in both), and run times are stripped, so two builds from the same
inputs give the same bytes.
"""
from __future__ import annotations

import argparse
import ast
import contextlib
import difflib
import hashlib
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peacetalks import tables as columns
from peacetalks.report import charts, parameters, summary
from peacetalks.report.parameters import NONE_WORDS
from peacetalks.sources.catalog import REVIEW_FILE
from peacetalks.sources.problems import InputError
from peacetalks.sources.reading import analyst_folder, article_files, article_id, article_names
from peacetalks.sources.yamlfiles import key_lines, load_yaml_text
from peacetalks.tables import accuracy, fingerprint, pipeline, review, shifts
from peacetalks.tables.corpus import load_corpus, read_corpus
from peacetalks.tables.fingerprint import combined, corpus_files  # noqa: F401 - corpus_files: the files a report is built from

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATE_FILE = ".build.json"
KEEP_FILES = ("README.md", "sample-war-toll.png")
"""Files of the output folder that are not built (the committed README and the README's sample figure): carried over by every build."""

BUILD_PARAMETERS = {
    "corpus": "it is set by the build: use --corpus PATH",
    "figures_dir": "it is set by the build: figures go to OUT/figures",
}
VERSIONED = ("pandas", "matplotlib", "nbconvert", "papermill", "ipykernel", "nbformat", "jinja2")
"""Libraries whose version is part of the report's inputs, besides those that change rows
(fingerprint.ROW_LIBRARIES): a different pandas may render a table differently."""


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


# --- the inputs' hash ------------------------------------------------------------------------

def input_digests(corpus: Path, notebooks: list[NotebookInfo], parameters: dict[str, Any]) -> dict[str, str]:
    """A hash of each kind of input a build reads, named as the user knows them: those of the extracted
    tables (fingerprint.digests, with the report's own libraries' versions), the notebooks and the parameters."""
    settings = {"parameters": parameters, "corpus": _relative(corpus)}
    folder = notebooks[0].path.parent
    return {
        **fingerprint.digests(corpus, (*fingerprint.ROW_LIBRARIES, *VERSIONED)),
        "notebooks": fingerprint.hash_files((n.path.relative_to(folder).as_posix(), n.path) for n in notebooks),
        "parameters": hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest(),
    }


def inputs_digest(corpus: Path, notebooks: list[NotebookInfo], parameters: dict[str, Any]) -> str:
    """The combined hash of a build's inputs: a build with the same hash would give the same report."""
    return combined(input_digests(corpus, notebooks, parameters))


def _relative(path: Path, start: Path | None = None) -> str:
    """`path` relative to `start` (default: the working folder), so no absolute path of this machine is recorded."""
    return Path(os.path.relpath(path.resolve(), (start or Path.cwd()).resolve())).as_posix()


def read_state(out: Path) -> dict[str, Any]:
    try:
        return json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


# --- executing and rendering -------------------------------------------------------------------

class NotebookFailed(Exception):
    """A notebook that did not run to the end; the message names the notebook and the cell."""


def _clean_executed(nb: Any) -> None:
    """Drop what differs from run to run: papermill's times and paths, nbclient's timings, the injected cell's random id."""
    nb.metadata.pop("widgets", None)
    meta = nb.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "input_path", "output_path", "environment_variables"):
        meta.pop(key, None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"


def _failure(notebook: NotebookInfo, err: Exception, executed: Path) -> NotebookFailed:
    """The error of a failed run, naming the notebook and the cell as JupyterLab numbers it (1 = first cell)."""
    index = getattr(err, "cell_index", None)
    if index is None:
        return NotebookFailed(f"{notebook.path.name}: {type(err).__name__}: {err}")
    try:  # papermill inserted a cell of injected parameters: count cells as in the notebook itself
        import nbformat
        cells = [c for c in nbformat.read(executed, as_version=4).cells
                 if "papermill-error-cell-tag" not in c.metadata.get("tags", [])][:index]
        index -= sum("injected-parameters" in c.metadata.get("tags", []) for c in cells)
    except (OSError, ValueError):
        pass
    source = (getattr(err, "source", "") or "").strip().splitlines()
    first = f"\n    the cell begins: {source[0][:120]}" if source else ""
    return NotebookFailed(
        f"{notebook.path.name}: cell {index + 1} failed with "
        f"{getattr(err, 'ename', type(err).__name__)}: {getattr(err, 'evalue', err)}{first}")


class Renderer:
    """HTML pages for executed notebooks: no code cells, no prompts, no stderr, nothing loaded from the network."""

    def __init__(self, nav: list[tuple[str, str]]):
        self.nav = nav
        self.lock = threading.Lock()
        self._exporter = None

    def exporter(self) -> Any:
        """nbconvert's exporter, made when the first page is rendered (the kernels start meanwhile)."""
        if self._exporter is None:
            from nbconvert import HTMLExporter

            self._exporter = HTMLExporter(
                extra_template_basedirs=[str(TEMPLATES)], template_name="report",
                exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
        return self._exporter

    def render(self, nb: Any, notebook: NotebookInfo) -> str:
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = [o for o in cell.outputs if not (o.output_type == "stream" and o.name == "stderr")]
        resources = {"metadata": {"name": notebook.title},
                     "report_nav": [(title, page, page == notebook.page) for title, page in self.nav]}
        with self.lock:  # one jinja environment, not thread-safe while templates load
            html, _ = self.exporter().from_notebook_node(nb, resources=resources)
        check_offline(html, notebook.page)
        return html


def check_offline(html: str, page: str) -> None:
    """Refuse a page that would load a script, stylesheet or frame from the network."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["script", "link", "iframe", "img", "source", "embed", "object"]):
        for attr in ("src", "href", "data"):
            target = (tag.get(attr) or "").strip().lower()
            if target.startswith(("http:", "https:", "//")):
                raise NotebookFailed(f"{page}: <{tag.name} {attr}={target[:80]}> would load from the network")


def execute_and_render(notebook: NotebookInfo, parameters: dict[str, Any], build: Path,
                       renderer: Renderer) -> None:
    """Run one notebook with papermill in the build folder, keep it cleaned under notebooks/, write its page."""
    import nbformat
    import papermill

    executed = build / "notebooks" / notebook.path.name
    try:
        nb = papermill.execute_notebook(
            str(notebook.path), str(executed), parameters=parameters, kernel_name="python3",
            language="python", progress_bar=False, log_output=False,
            request_save_on_cell_execute=False,  # one write at the end, not one per cell
            # The kernel's working folder is the build folder; papermill's own `cwd` would chdir this whole process.
            resources={"metadata": {"path": str(build)}},
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"])  # cell errors come back through papermill; the rest is noise
    except Exception as err:  # papermill raises its own error for a failing cell, others for a dead kernel
        raise _failure(notebook, err, executed) from None
    _clean_executed(nb)
    nbformat.write(nb, executed)
    (build / notebook.page).write_text(renderer.render(nb, notebook), encoding="utf-8")


def notebook_parameters(given: dict[str, Any], notebook: NotebookInfo, build_dir: Path) -> dict[str, Any]:
    """The parameters given that a notebook takes; paths of labelled sets made relative to the build folder,
    where its kernel runs (as given, they are relative to the folder the build was started from)."""
    params = {k: v for k, v in given.items() if k in notebook.parameters}
    if params.get("labelled"):
        params["labelled"] = [_relative(Path(p), build_dir) for p in params["labelled"]]
    return params


# --- the index page ----------------------------------------------------------------------------

SUMMARY_NOTEBOOK = "00_summary"
"""The notebook whose list of findings the index page leads with (see `summary.Findings`)."""


def summary_facts(build_dir: Path, notebooks: list[NotebookInfo], computed: list[str]) -> dict[str, Any]:
    """The headline findings as the executed summary notebook shows them, and its page; the findings computed
    by the build (the same function's) when there is no summary notebook or it shows none."""
    import nbformat


    for notebook in notebooks:
        if notebook.name == SUMMARY_NOTEBOOK:
            shown = summary.findings_of(nbformat.read(build_dir / "notebooks" / notebook.path.name, as_version=4))
            if shown is not None:
                return {"findings": shown, "findings_page": notebook.page, "findings_notebook": notebook.path.name}
    return {"findings": computed, "findings_page": None, "findings_notebook": None}


DATE_BASIS_MEANING = {
    "text": "a date printed in the article",
    "url": "a date in the article's web address",
    "catalog": "recorded by an analyst in catalog.csv, with a note of the evidence",
    "inferred": "worked out from the dated events the article refers to (events.csv)",
    "unknown": "nothing settles it: listed, never plotted",
}

def report_facts(corpus: Path, given: dict[str, Any], tables_dir: Path, extracted: Path | None = None) -> dict[str, Any]:
    """The findings and methods of the index page, from the same tables and chart functions the notebooks use.

    Also writes the corpus tables as CSV for download. Runs in the build process while the kernels work.
    """

    # extract_tables has just brought the extracted tables up to date: read them without checking again
    corpus_tables = read_corpus(extracted) if extracted else load_corpus(_relative(corpus))
    corpus_tables.write_csv(tables_dir)
    reviewed = corpus_tables.stances
    machine = corpus_tables.machine_stances if corpus_tables.machine_stances is not None else reviewed
    columns.spreadsheet_safe(machine).to_csv(tables_dir / "machine_stances.csv", index=False)
    review_file = analyst_folder(corpus) / REVIEW_FILE
    table_rows = {"articles": len(corpus_tables.articles), "casualties": len(corpus_tables.casualties),
                  "stances": len(reviewed), "machine_stances": len(machine), "problems": len(corpus_tables.problems)}
    articles = charts.select_period(corpus_tables.articles, given.get("start"), given.get("end"))
    casualties = corpus_tables.casualties[corpus_tables.casualties["article_id"].isin(articles["id"])]
    stances = charts.select_stances(reviewed, articles, given.get("actors"), given.get("issues"))
    toll = charts.toll_data(casualties, articles)
    outlets = sorted(set(charts.outlet_names(articles)) - {charts.UNKNOWN_OUTLET})

    toll_line = charts.toll_takeaway(toll, given.get("summarise", "auto"))
    # the findings as 00_summary.ipynb computes them; the build shows that notebook's own output instead when it ran
    findings = summary.headline_findings(corpus_tables, given.get("start"), given.get("end"),
                                         given.get("actors"), given.get("issues"), given.get("summarise", "auto"))
    shift_table = shifts.shifts(stances)
    basis = articles["date_basis"].value_counts()
    held_out = accuracy.held_out_rates()

    return {
        "corpus": _relative(corpus),
        "n_articles": len(articles),
        "outlets": outlets,
        "findings": findings,
        "takeaways": {
            "publication_timeline": charts.publication_takeaway(articles),
            "war_toll": toll_line,
            "stance_timeline": charts.stance_takeaway(charts.stance_data(stances, articles, shift_table),
                                                      given.get("summarise", "auto")),
            "accuracy": held_out_takeaway(held_out),
        },
        "date_bases": [(b, DATE_BASIS_MEANING[b], int(basis.get(b, 0))) for b in columns.DATE_BASES],
        "qualifiers": [(k, int(v)) for k, v in casualties["qualifier"].value_counts().reindex(columns.QUALIFIERS, fill_value=0).items()],
        "subjects": [(k, int(v)) for k, v in casualties["subject"].value_counts().reindex(columns.SUBJECTS, fill_value=0).items()],
        "n_casualties": len(casualties),
        "review": review_facts(review_file, corpus_tables.articles,
                               charts.select_stances(machine, articles, given.get("actors"), given.get("issues")), stances),
        "n_problems": len(corpus_tables.problems),
        "table_rows": table_rows,
        "held_out": held_out,
    }


def held_out_takeaway(held_out: dict[str, Any]) -> str:
    """The accuracy figure's line on the index: the error rates recorded on text the rules had not been tuned on."""
    if not held_out["measured"]:
        return "Not measured on text the rules had not been tuned on (held_out.yaml records no measurement)."
    rows = {r["what"]: r for r in held_out["rows"]}
    parts = [f"{name} precision {rows[name]['precision']:.2f}, recall {rows[name]['recall']:.2f}"
             for name in ("stances", "casualty figures") if name in rows]
    return f"Before any tuning on them ({held_out['when']}), on {held_out['where']}: " + "; ".join(parts) + "."


def review_facts(review_file: Path, articles: Any, machine: Any, reviewed: Any) -> dict[str, Any]:
    """What the analyst reviewed (rows per action) and the machine's precision and recall against that review."""

    if not review_file.is_file():
        return {"reviewed": False, "actions": [], "precision": "", "recall": "",
                "detail": "No analyst review file in this corpus: every stance is the machine's coding, unchecked."}
    rows = review.load_review(review_file, articles)
    words = {"confirm": "machine stances confirmed", "reject": "machine stances rejected",
             "correct": "machine stances corrected (polarity)", "add": "stances the machine missed, added"}
    actions = [(words[a], sum(r.action == a for r in rows)) for a in review.ACTIONS]
    agreement = review.agreement(machine, reviewed)
    return {
        "reviewed": True, "actions": actions,
        "precision": f"{agreement.precision:.2f}", "recall": f"{agreement.recall:.2f}",
        "detail": f"{agreement.agreed} of the machine's {agreement.machine} distinct stances are in the reviewed "
                  f"table of {agreement.reviewed}; F1 {agreement.f1:.2f}",
    }


def render_index(facts: dict[str, Any], notebooks: list[NotebookInfo], given: dict[str, Any],
                 digest: str, build_dir: Path) -> str:
    """The index page: findings, sections, figures and tables to download, methods. Every value is escaped."""
    import jinja2


    figures = []
    order = list(charts.FIGURE_TITLES)
    for png in sorted((build_dir / "figures").glob("*.png"),
                      key=lambda p: (order.index(p.stem) if p.stem in order else len(order), p.stem)):
        name = png.stem
        figures.append({
            "name": name, "title": charts.FIGURE_TITLES.get(name, name.replace("_", " ")),
            "takeaway": facts["takeaways"].get(name, ""),
            "files": [(ext.upper(), f"figures/{name}.{ext}") for ext in ("png", "svg", "csv")
                      if (build_dir / "figures" / f"{name}.{ext}").is_file()],
        })
    tables = [(name, f"tables/{name}.csv", rows) for name, rows in facts["table_rows"].items()]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["thousands"] = "{:,}".format  # 10,000 articles, not 10000
    return env.get_template("index.html.j2").render(
        facts=facts, notebooks=notebooks, figures=figures, tables=tables,
        parameters=sorted(given.items()), digest=digest[:12])


# --- the build ------------------------------------------------------------------------------------

def _say(message: str) -> None:
    print(message, flush=True)


def _check_output_folder(out: Path) -> None:
    """Refuse to replace a folder that is not a report (a typo in --out must not delete someone's files)."""
    if not out.exists():
        return
    if not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    entries = {p.name for p in out.iterdir()}
    if entries and STATE_FILE not in entries and not entries <= set(KEEP_FILES):
        raise InputError(f"{out}: exists and is not a peacetalks report (no {STATE_FILE}); choose another --out")


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE); False where the system or the
    file system cannot, so that the caller falls back to two renames."""
    import ctypes
    import errno

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # not Linux, or a C library without it
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_into_place(build: Path, out: Path) -> None:
    """Replace the output folder by the finished build in one step, keeping the files that are not built
    (README.md). The two folders are exchanged (renameat2), so at every moment `out` is the whole old
    report or the whole new one, and two builds publishing at once each swap in a whole report (the
    last wins); the old report, now at the build's name, is then removed (or, if the build is killed
    first, by the next build). Where the system cannot exchange, two renames."""
    import errno

    for name in KEEP_FILES:
        if (out / name).is_file():
            shutil.copy2(out / name, build / name)
    for _attempt in range(10):
        if not os.path.lexists(out):
            try:
                build.rename(out)
                return
            except OSError as err:
                if err.errno not in (errno.EEXIST, errno.ENOTEMPTY):
                    raise
                continue  # another build published first: exchange with it
        try:
            exchanged = _exchange(build, out)
        except FileNotFoundError:
            continue
        if exchanged:
            shutil.rmtree(build, ignore_errors=True)  # the previous report
            return
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-{os.getpid()}-", dir=out.parent))
        old.rmdir()
        out.rename(old)
        try:
            build.rename(out)
        except OSError:
            old.rename(out)
            raise
        shutil.rmtree(old, ignore_errors=True)
        return
    raise OSError(errno.EBUSY, "other builds keep replacing it", str(out))


_LEFTOVER_KINDS = ("building", "old")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(out: Path) -> list[Path]:
    """Remove the hidden folders killed or refused builds left beside `out` (`.NAME.building-PID-*`,
    `.NAME.old-PID-*`) whose process is gone; a build running now keeps its own. Returns those removed."""
    removed = []
    try:
        entries = list(out.parent.iterdir())
    except OSError:
        return removed
    for path in entries:
        for kind in _LEFTOVER_KINDS:
            prefix = f".{out.name}.{kind}-"
            if not path.name.startswith(prefix) or not path.is_dir() or path.is_symlink():
                continue
            pid = path.name[len(prefix):].split("-", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
                continue
            if pid.isdigit() and int(pid) == os.getpid():
                continue
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


SMALL_CORPUS_BYTES = 2_000_000
"""Below this much text, extracting in this process beats starting worker processes."""


def extract_tables(corpus: Path, out: Path, force: bool = False) -> Path:
    """Extract the corpus once, into a cache beside the output that later builds resume, and return its folder.

    Every notebook and the index then read these tables instead of extracting the corpus again.
    With `force`, every document is extracted again, whatever the cache holds.
    """

    folder = out.parent / f".{out.name}.tables"
    if not force and pipeline.tables_current(folder, corpus):
        return folder
    files = [corpus] if corpus.is_file() else article_files(corpus)
    size = 0
    for path in files:
        with contextlib.suppress(OSError):  # a file that cannot be looked at is named by the extraction
            size += path.stat().st_size
    workers = 1 if size < SMALL_CORPUS_BYTES else pipeline.default_workers()
    began = time.perf_counter()
    summary = pipeline.extract(corpus, folder, workers=workers, force=force)
    _say(f"  tables  {summary.documents:,} documents ({summary.resumed:,} unchanged) extracted in "
         f"{time.perf_counter() - began:.1f} s with {workers} worker{'s' if workers > 1 else ''}")
    return folder


def _unwritable(folder: Path, err: OSError) -> InputError:
    return InputError(f"{folder}: cannot write here ({err.strerror or err}): the report is built beside its "
                      "--out folder; make that folder writable or choose another --out")


def build(corpus: Path, out: Path, notebooks: list[NotebookInfo], given: dict[str, Any],
          parts: dict[str, str], jobs: int, force: bool = False) -> None:
    """Execute, render and index every notebook in a temporary folder, then swap it into place."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        build_dir = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-{os.getpid()}-", dir=out.parent))
    except OSError as err:
        raise _unwritable(out.parent, err) from None
    for leftover in remove_leftovers(out):
        _say(f"  removed {leftover.name}, left by a build that was stopped")
    build_dir.chmod(0o755)  # mkdtemp makes it private; the report is meant to be shared
    started = time.perf_counter()
    try:
        (build_dir / "notebooks").mkdir()
        (build_dir / "figures").mkdir()
        tables = extract_tables(corpus, out, force)
        corpus_param = _relative(tables, build_dir)
        nav = [("Overview", "index.html")] + [(n.title, n.page) for n in notebooks]
        renderer = Renderer(nav)
        failures: list[NotebookFailed] = []

        def one(notebook: NotebookInfo) -> None:
            params = notebook_parameters(given, notebook, build_dir)
            if "corpus" in notebook.parameters:
                params["corpus"] = corpus_param
            if "figures_dir" in notebook.parameters:
                params["figures_dir"] = "figures"
            begin = time.perf_counter()
            try:
                execute_and_render(notebook, params, build_dir, renderer)
            except NotebookFailed as err:
                failures.append(err)
                _say(f"  FAILED  {notebook.path.name}  ({time.perf_counter() - begin:.1f} s)")
                return
            _say(f"  done    {notebook.path.name}  ({time.perf_counter() - begin:.1f} s)  -> {out.name}/{notebook.page}")

        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            running = [pool.submit(one, notebook) for notebook in notebooks]
            facts = report_facts(corpus, given, build_dir / "tables", tables)  # meanwhile, in this process
            for future in running:
                future.result()
        if failures:
            raise NotebookFailed("\n".join(str(f) for f in failures))
        facts.update(summary_facts(build_dir, notebooks, facts["findings"]))
        digest = combined(parts)
        page = render_index(facts, notebooks, given, digest, build_dir)
        check_offline(page, "index.html")
        (build_dir / "index.html").write_text(page, encoding="utf-8")
        state = {"inputs": digest, "parts": parts, "notebooks": [n.path.name for n in notebooks], "parameters": given}
        (build_dir / STATE_FILE).write_text(json.dumps(state, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        swap_into_place(build_dir, out)
        _say(f"report built in {time.perf_counter() - started:.1f} s: {out}/index.html")
    finally:
        if build_dir.exists():
            shutil.rmtree(build_dir, ignore_errors=True)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `peacetalks report`."""
    parser.add_argument("--corpus", type=Path, default=Path("seeds"), metavar="PATH",
                        help="folder of articles with its catalog/events/review files (default: seeds)")
    parser.add_argument("--out", type=Path, default=Path("reports"), metavar="DIR",
                        help="where the report goes (default: reports); replaced only when every notebook succeeded")
    parser.add_argument("--notebooks", type=Path, default=Path("notebooks"), metavar="DIR",
                        help="folder of the notebooks to execute (default: notebooks)")
    parser.add_argument("-p", "--parameter", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help="set a notebook parameter, e.g. -p start 2015-01-01 -p actors russia,iran (repeatable)")
    parser.add_argument("--parameters", type=Path, metavar="FILE.yaml",
                        help="a YAML file of parameters (name: value); -p overrides it")
    parser.add_argument("--jobs", type=int, default=3, metavar="N",
                        help="notebooks executed at once (default: 3)")
    parser.add_argument("--force", action="store_true", help="rebuild even when nothing changed")


def run(args: argparse.Namespace) -> int:
    """Build the report; returns the exit code."""
    notebooks = find_notebooks(args.notebooks)
    given = read_parameters_file(args.parameters) if args.parameters else {}
    given.update({name: parse_cli_value(value) for name, value in args.parameter})
    given = validate_parameters(given, notebooks)
    corpus, out = args.corpus, args.out
    if not corpus.exists():
        raise InputError(f"{corpus}: no such corpus folder or archive file")
    article = given.get("evidence_article")
    if article and corpus.is_dir():

        if article not in {article_id(name) for name in article_names(corpus)}:
            raise InputError(f"parameter evidence_article: no article {article!r} in {corpus}")
    _check_output_folder(out)
    for leftover in remove_leftovers(out):  # even when nothing changed since the last build
        _say(f"removed {leftover.name}, left by a build that was stopped")
    parts = input_digests(corpus, notebooks, given)
    digest = combined(parts)
    previous = read_state(out)
    if not args.force and previous.get("inputs") == digest and (out / "index.html").is_file():
        _say(f"{out}/ is up to date: no article, analyst file, codebook, notebook, parameter or library "
             "file changed since the last build. Nothing to do (--force rebuilds).")
        return 0
    changed = [name for name, value in parts.items() if previous.get("parts", {}).get(name) != value]
    reason = "" if not previous or args.force else f" ({', '.join(changed)} changed since the last build)"
    _say(f"building the report from {corpus}/ into {out}/{reason}: {len(notebooks)} "
         f"notebook{'s' if len(notebooks) != 1 else ''}, {min(args.jobs, len(notebooks))} at a time")
    try:
        build(corpus, out, notebooks, given, parts, args.jobs, args.force)
    except NotebookFailed as err:
        print(f"peacetalks report: failed, {out}/ left as it was:\n{err}", file=sys.stderr)
        return 1
    return 0
