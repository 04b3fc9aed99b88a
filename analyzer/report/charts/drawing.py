"""How every chart is drawn: at two sizes (wide for a laptop, narrow for a phone), in the colours
the charts share, with matplotlib's settings, a legend above the plot and fixed margins, as SVG.

Text from the user (a shoe's name) is drawn as written: mathtext is off, so `$`, `\\` and `_`
show as themselves.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.collections import PolyCollection
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure

from analyzer.report.literal import literal_figure
from analyzer.words import day_text

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType


SEVERITY_COLOURS = {"high": "#c62828", "warning": "#d97a00", "info": "#6b6b6b"}
PAIN_COLOUR = "#6a1b9a"
BAR_COLOUR = "#4f7fb0"
PARTIAL_COLOUR = "#b9cde2"
AVERAGE_COLOUR = "#1f3d5c"


FIT_TOP_IN = 0.12  # `fit`'s margin above the plot
BOLD_LETTER_EM = 0.62  # a bold letter's width in ems, roughly: how long a label runs
LABEL_BOX = {"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}


# mathtext off (a shoe named "$5 off" stays as written); text kept as text (a tenth of the bytes
# of glyph paths; the browser's sans-serif draws it); fixed ids, so one log gives the same bytes
CHART_STYLE: dict[RcKeyType, Any] = {
    "text.parse_math": False,
    "svg.fonttype": "none",
    "svg.hashsalt": "runlog",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],  # each text names them: keep short
    "font.size": 9.0,
    "axes.labelsize": 9.0,
    "xtick.labelsize": 8.5,
    "ytick.labelsize": 8.5,
    "legend.fontsize": 8.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.axisbelow": True,
}


@dataclasses.dataclass(frozen=True)
class Size:
    """How wide a drawing is and whether it is the phone's."""

    width_in: float
    is_narrow: bool


WIDE = Size(width_in=8.0, is_narrow=False)  # 768 px at 100 %: a laptop's column
NARROW = Size(width_in=4.0, is_narrow=True)  # 384 px: a phone's 390 px less the margins


@dataclasses.dataclass(frozen=True)
class Chart:
    """One chart as two SVG drawings: for a wide page and for a phone."""

    wide: bytes
    narrow: bytes


def wide_and_narrow(draw: Callable[[Size], Figure]) -> Chart:
    with mpl.rc_context(CHART_STYLE):
        return Chart(wide=svg_bytes(draw(WIDE)), narrow=svg_bytes(draw(NARROW)))


def new_figure(size: Size, height_in: float, grid: bool = True):
    """A figure whose plot is `height_in` high; `fit` sets its margins and adds the legend's."""
    figure = Figure(figsize=(size.width_in, height_in))
    FigureCanvasSVG(figure)
    axes = figure.add_subplot()
    if grid:
        axes.grid(axis="y", color="#e4e4e4", linewidth=0.8)
    return figure, axes


def bars(
    axes,
    positions: np.ndarray,
    lengths: np.ndarray,
    width: float,
    colour: str,
    start: np.ndarray | None = None,
    horizontal: bool = False,
    edge: str = "none",
) -> PolyCollection:
    """Bars as `axes.bar` (or `barh`, `horizontal`) draws them, as one collection of
    rectangles: a Rectangle each costs about a millisecond to add and to draw. Each bar runs
    from its `start` (0 when None) for its length; as with `bar`, the lowest start is a sticky
    edge (the axis begins there, not a margin before), and an `edge` is drawn 1 pt wide."""
    base = np.zeros(len(positions)) if start is None else np.asarray(start, dtype=float)
    low = np.asarray(positions, dtype=float) - width / 2
    high = base + np.asarray(lengths, dtype=float)
    # a rectangle's corners in the order matplotlib's Rectangle goes round them
    across = [(low, base), (low + width, base), (low + width, high), (low, high)]
    if horizontal:
        across = [(base, low), (high, low), (high, low + width), (base, low + width)]
    corners = np.stack([np.column_stack(corner) for corner in across], axis=1)
    drawn = PolyCollection(
        list(corners),
        facecolors=colour,
        edgecolors=edge,
        linewidths=0 if edge == "none" else mpl.rcParams["patch.linewidth"],
        joinstyle="miter",  # as a Rectangle's
    )
    edges = drawn.sticky_edges.x if horizontal else drawn.sticky_edges.y
    edges.append(float(base.min(initial=0.0)))
    axes.add_collection(drawn)
    return drawn


def svg_bytes(figure: Figure) -> bytes:
    literal_figure(figure)  # a note or a name is drawn as written, never as mathematics
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return buffer.getvalue()


def fit(
    figure: Figure,
    handles: list,
    left_in: float = 0.62,
    bottom_in: float = 0.5,
    right_in: float = 0.12,
    hspace: float | None = None,
) -> None:
    """The legend above the plot, in as many rows as the width needs, and fixed margins.

    Margins are set in inches rather than by a layout engine: the charts' labels are known
    (numbers, dates, short words), and a constrained layout makes each drawing 2.4 times
    slower. The figure grows by the legend's height, so the plot keeps its own.
    """
    width_in, height_in = figure.get_size_inches()
    legend_in = 0.0
    if handles:
        columns = _legend_columns([len(handle.get_label()) for handle in handles], width_in)
        rows = -(-len(handles) // columns)
        legend_in = 0.08 + 0.2 * rows
        height_in += legend_in
        figure.set_size_inches(width_in, height_in)
        figure.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0.0, 1.0),
            ncols=columns,
            frameon=False,
            handlelength=1.6,
            columnspacing=1.2,
            borderaxespad=0.2,
        )
    figure.subplots_adjust(
        left=left_in / width_in,
        right=1 - right_in / width_in,
        bottom=bottom_in / height_in,
        top=1 - (legend_in + FIT_TOP_IN) / height_in,
        hspace=hspace,
    )


def _legend_columns(label_lengths: list[int], width_in: float) -> int:
    """The most legend columns (up to 4) whose labels fit the width.

    matplotlib fills columns top to bottom, the first `count % columns` one entry longer; an
    entry is a 0.3 in marker and gap and 8.5 pt letters, columns 0.14 in apart.
    """
    count = len(label_lengths)
    for columns in range(min(count, 4), 1, -1):
        rows, longer = divmod(count, columns)
        sizes = [rows + 1] * longer + [rows] * (columns - longer)
        starts = np.cumsum([0, *sizes])
        widest = [max(label_lengths[starts[i] : starts[i + 1]]) for i in range(columns)]
        needed_in = sum(0.3 + 0.066 * letters for letters in widest) + 0.14 * (columns - 1)
        if needed_in <= width_in - 0.1:
            return columns
    return 1


def week_ticks(axes, mondays: pd.DatetimeIndex, size: Size) -> None:
    step = 4 if size.is_narrow else 2
    positions = np.arange(len(mondays))
    axes.set_xticks(
        positions[::step],
        [day_text(monday, weekday=False, year=False) for monday in mondays[::step]],
    )
    axes.set_xlim(-0.6, len(mondays) - 0.4)


def date_axis(axes, size: Size) -> None:
    locator = AutoDateLocator(minticks=3, maxticks=5 if size.is_narrow else 9)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
