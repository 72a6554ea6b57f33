"""Shared fixtures: a project folder with the seeds plus a malicious article, and the report built from it once."""
from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

MALICIOUS_ID = "900_malicious"
MALICIOUS_MARKUP = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
MALICIOUS_ARTICLE = """\
Syria talks <script>alert(1)</script> resume <img src=x onerror=alert(1)>

March 15, 2016

The war in Syria has killed more than 270,000 people <img src=x onerror=alert(1)> since it began, monitors said.

Russian Foreign Minister Sergei Lavrov said Moscow supports the peace talks in Geneva <script>alert(1)</script> and hopes they succeed.
"""


def run_report(*args: str, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """`peacetalks report ARGS` run as a user runs it, from `cwd`."""
    return subprocess.run([sys.executable, "-m", "peacetalks", "report", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


def make_project(root: Path, malicious: bool = True) -> Path:
    """A project folder like the repository's: seeds/ (plus a malicious article), notebooks/ and reports/README.md."""
    shutil.copytree(REPO / "seeds", root / "seeds")
    if malicious:
        (root / "seeds" / f"{MALICIOUS_ID}.txt").write_text(MALICIOUS_ARTICLE, encoding="utf-8")
    shutil.copytree(REPO / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (root / "reports").mkdir()
    shutil.copy2(REPO / "reports" / "README.md", root / "reports" / "README.md")
    return root


@dataclass
class BuiltReport:
    """A report built once per session from the seeds and the malicious article."""

    project: Path
    out: Path
    stdout: str

    def html_pages(self) -> list[Path]:
        return sorted(self.out.glob("*.html"))


@pytest.fixture(scope="session")
def report_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session")
def built_report(report_project: Path) -> BuiltReport:
    result = run_report(cwd=report_project)
    assert result.returncode == 0, f"the build failed:\n{result.stdout}\n{result.stderr}"
    return BuiltReport(report_project, report_project / "reports", result.stdout)
