"""The one figure style of the project: palette, fonts, marker codes and how a figure is saved.

Every chart in `charts` draws inside `style.rc()` and is written by `save_figure`, so a
figure looks the same in a notebook, in the report and as a shared file. The palette is
Okabe-Ito (distinguishable with the common colour-vision deficiencies) and every colour
code is doubled by a marker shape, so nothing depends on colour alone. The font is
DejaVu Sans, which ships with matplotlib: nothing is downloaded.
"""
from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import matplotlib as mpl
import pandas as pd
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.path import Path as MPath

from peacetalks.schema import spreadsheet_safe

if TYPE_CHECKING:
    from IPython.display import Image

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
GREY = "#767676"
"""Secondary text (takeaways, source notes): grey that keeps 4.5:1 contrast on white."""
LIGHT_GREY = "#DDDDDD"

POLARITY = {
    1: {"label": "supports (+1)", "color": OKABE_ITO["blue"], "marker": "^"},
    -1: {"label": "opposes (−1)", "color": OKABE_ITO["vermillion"], "marker": "v"},
    0: {"label": "mixed / undecided (0)", "color": OKABE_ITO["black"], "marker": "D"},
}
"""How a stance's polarity is drawn: colour and shape both carry it."""

DATE_BASIS = {
    "text": {"label": "printed in the article", "color": OKABE_ITO["blue"], "marker": "o"},
    "url": {"label": "from its web address", "color": OKABE_ITO["sky_blue"], "marker": "s"},
    "catalog": {"label": "catalog (analyst's or archive's)", "color": OKABE_ITO["green"], "marker": "D"},
    "inferred": {"label": "inferred from events", "color": OKABE_ITO["orange"], "marker": "P"},
}
"""How a publication date is drawn by where it came from (undated articles are listed, not drawn)."""

def _bound_marker(direction: int) -> MPath:
    """A bar at the figure with an arrow pointing where the true number may lie (up: at least; down: at most)."""
    d = direction
    vertices = [(-1.0, 0.0), (1.0, 0.0), (0.0, 0.0), (0.0, 2.2 * d), (-0.6, 1.5 * d), (0.0, 2.2 * d), (0.6, 1.5 * d)]
    codes = [MPath.MOVETO, MPath.LINETO, MPath.MOVETO, MPath.LINETO, MPath.MOVETO, MPath.LINETO, MPath.LINETO]
    return MPath(vertices, codes)


LOWER_BOUND_MARKER = _bound_marker(+1)
UPPER_BOUND_MARKER = _bound_marker(-1)

QUALIFIER = {
    "exact": {"label": "exact figure", "marker": "o", "fill": "full"},
    "approx": {"label": "approximate (some, about, nearly)", "marker": "o", "fill": "none"},
    "at_least": {"label": "lower bound (more than, at least)", "marker": LOWER_BOUND_MARKER, "fill": "none"},
    "at_most": {"label": "upper bound (up to, fewer than)", "marker": UPPER_BOUND_MARKER, "fill": "none"},
    "range": {"label": "stated range (span)", "marker": "_", "fill": "full"},
}
"""How a casualty figure is drawn by its hedge: a bound is a bar with an arrow and a range a span, never a plain point."""

TOLL_COLOR = OKABE_ITO["vermillion"]

COUNT_RAMP = ["#F4E1EC", "#E5B6D1", "#CC79A7", "#A8588A", "#7A3966", "#4A1F3F"]
"""Counts in a summarised chart (articles per outlet and month), light to dark around Okabe-Ito's reddish
purple, a hue no other code uses: it reads by lightness alone, so it survives colour-vision deficiencies and greyscale."""

RC: dict[str, object] = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.labelcolor": "#222222",
    "axes.edgecolor": "#444444",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "axes.prop_cycle": cycler(color=list(OKABE_ITO.values())),
    "grid.color": LIGHT_GREY,
    "grid.linewidth": 0.6,
    "xtick.color": "#444444",
    "ytick.color": "#444444",
    "legend.frameon": False,
    "legend.fontsize": 9,
    "figure.dpi": 100,
    "figure.facecolor": "white",
    "figure.constrained_layout.use": True,
    "savefig.dpi": 200,
    "savefig.facecolor": "white",
    "savefig.bbox": "tight",
    "savefig.pad_inches": 0.15,
    "text.parse_math": False,
    "svg.fonttype": "path",
    "svg.hashsalt": "peacetalks",
    "date.autoformatter.month": "%b %Y",
    "date.autoformatter.day": "%d %b %Y",
}
"""rcParams of every figure. `svg.hashsalt` is fixed so SVG element ids are the same in every build;
`text.parse_math` is off so that a "$" in an article's sentence is printed, not read as mathtext."""

PNG_DPI = RC["savefig.dpi"]
SVG_METADATA = {"Date": None}
PNG_METADATA = {"Software": None}
"""No build date in SVG and no library version in PNG, so two builds give the same bytes."""


@contextlib.contextmanager
def rc() -> Iterator[None]:
    """Draw (and save) inside this context to use the project's style without touching global state."""
    with mpl.rc_context(RC):
        yield


def new_figure(width: float = 9.0, height: float = 5.0) -> Figure:
    """A figure of the project's style, made with the object API (no pyplot state, nothing shown twice)."""
    with rc():
        return Figure(figsize=(width, height), layout="constrained")


def frame(fig: Figure, ax: Axes, title: str, takeaway: str, note: str) -> None:
    """Give a figure its bold title, its one-line takeaway (over the main axes) and its source note, in the same places every time."""
    with rc():
        fig.suptitle(title, x=0.01, ha="left", fontsize=13, fontweight="bold")
        ax.set_title(takeaway, loc="left", fontsize=10.5, color="#333333", pad=10)
        fig.supxlabel(note, x=0.01, ha="left", fontsize=8, color=GREY)


def save_figure(fig: Figure, name: str, data: pd.DataFrame, folder: str | Path | None) -> list[Path]:
    """Write `name`.png (200 dpi), `name`.svg and `name`.csv (exactly the plotted data) into `folder`.

    Returns the paths written; with `folder=None` nothing is written (a notebook run by hand).
    File names are stable so that links to them keep working from build to build.
    """
    if folder is None:
        return []
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{name}.png", out / f"{name}.svg", out / f"{name}.csv"]
    with rc():
        fig.savefig(paths[0], dpi=PNG_DPI, metadata=PNG_METADATA)
        fig.savefig(paths[1], metadata=SVG_METADATA)
    spreadsheet_safe(data).to_csv(paths[2], index=False, lineterminator="\n")  # no formula from article text
    return paths


def show(fig: Figure, saved: list[Path] = (), dpi: int = 150) -> "Image":
    """The figure for a notebook: a crisp PNG with its title and takeaway as alt text (no pyplot, no global backend).

    With the paths `save_figure` returned, the saved PNG is shown rather than drawn again.
    """
    from io import BytesIO

    from IPython.display import Image

    png = next((Path(p) for p in saved if Path(p).suffix == ".png"), None)
    if png is not None:
        data, dpi = png.read_bytes(), PNG_DPI
    else:
        buffer = BytesIO()
        with rc():
            fig.savefig(buffer, format="png", dpi=dpi, metadata=PNG_METADATA)
        data = buffer.getvalue()
    pixels = int.from_bytes(data[16:20], "big")  # the PNG header's width
    alt = ". ".join(text for text in (fig.get_suptitle(), fig.axes[0].get_title("left") if fig.axes else "") if text)
    return Image(data=data, format="png", width=round(pixels / dpi * 96), metadata={"alt": alt})
