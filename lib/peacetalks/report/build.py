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
import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from peacetalks.report.index import TEMPLATES, render_index, report_facts, summary_facts
from peacetalks.report.notebooks import (NotebookInfo, find_notebooks, notebook_parameters, parse_cli_value,
                                         read_parameters_file, relative_path, validate_parameters)
from peacetalks.report.output import KEEP_FILES, remove_leftovers, swap_into_place
from peacetalks.sources.problems import InputError
from peacetalks.sources.reading import article_files, article_id, article_names
from peacetalks.tables import fingerprint, pipeline
from peacetalks.tables.fingerprint import combined

STATE_FILE = ".build.json"

VERSIONED = ("pandas", "matplotlib", "nbconvert", "papermill", "ipykernel", "nbformat", "jinja2")
"""Libraries whose version is part of the report's inputs, besides those that change rows
(fingerprint.ROW_LIBRARIES): a different pandas may render a table differently."""


# --- the inputs' hash ------------------------------------------------------------------------

def input_digests(corpus: Path, notebooks: list[NotebookInfo], parameters: dict[str, Any]) -> dict[str, str]:
    """A hash of each kind of input a build reads, named as the user knows them: those of the extracted
    tables (fingerprint.digests, with the report's own libraries' versions), the notebooks and the parameters."""
    settings = {"parameters": parameters, "corpus": relative_path(corpus)}
    folder = notebooks[0].path.parent
    return {
        **fingerprint.digests(corpus, (*fingerprint.ROW_LIBRARIES, *VERSIONED)),
        "notebooks": fingerprint.hash_files((n.path.relative_to(folder).as_posix(), n.path) for n in notebooks),
        "parameters": hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest(),
    }


def inputs_digest(corpus: Path, notebooks: list[NotebookInfo], parameters: dict[str, Any]) -> str:
    """The combined hash of a build's inputs: a build with the same hash would give the same report."""
    return combined(input_digests(corpus, notebooks, parameters))


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
        corpus_param = relative_path(tables, build_dir)
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
