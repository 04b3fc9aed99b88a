"""The HTML report's charts: each answers one question a runner asks, drawn by matplotlib as SVG.

One module per chart holds its question, its description for a reader who cannot see it, what
the page says when there is nothing to draw, and its drawing: `weekly`, `long_run`, `rest`,
`cadence`, `surfaces`, `shoes`, `knee`, `monthly` (the whole log), `pain_patterns` (what came
before the runner's knee pain) and `forest` (the squad study). They share `drawing` (sizes,
colours, matplotlib's settings, legend and margins), `window` (the days shown) and `marks`
(the rules' chart marks). This face only hands their names on.

Every chart is drawn twice, wide for a laptop and narrow for a phone (`Chart.wide`,
`Chart.narrow`), so its text stays readable at both widths; the page picks one by its width.
Charts cover the status window (the 16 weeks up to the as-of day); the monthly overview covers
the whole history. They draw what the log's tables and the findings say: the thresholds come
from the rules' own settings, the shoe distances from the shoe rule's own count, and no chart
decides what a rule decides.
"""

from analyzer.report.charts.cadence import (
    GAP_DAYS,
    cadence_chart,
    cadence_figure,
    cadence_trend_spm,
)
from analyzer.report.charts.drawing import (
    AVERAGE_COLOUR,
    BAR_COLOUR,
    CHART_STYLE,
    NARROW,
    PAIN_COLOUR,
    PARTIAL_COLOUR,
    SEVERITY_COLOURS,
    WIDE,
    Chart,
    Size,
)
from analyzer.report.charts.forest import forest_chart, forest_figure
from analyzer.report.charts.knee import pain_chart, pain_figure
from analyzer.report.charts.long_run import long_run_chart, long_run_figure
from analyzer.report.charts.marks import Marks, pain_notes
from analyzer.report.charts.monthly import monthly_overview_chart, monthly_overview_figure
from analyzer.report.charts.pain_patterns import pain_patterns_chart, pain_patterns_figure
from analyzer.report.charts.rest import (
    NO_DATA_COLOUR,
    REST_COLOUR,
    rest_calendar_chart,
    rest_calendar_figure,
)
from analyzer.report.charts.shoes import shoe_chart, shoe_figure
from analyzer.report.charts.surfaces import surface_chart, surface_figure
from analyzer.report.charts.weekly import (
    AVERAGE_WEEKS,
    weekly_distance_chart,
    weekly_distance_figure,
    weeks_table,
)
from analyzer.report.charts.window import WINDOW_WEEKS, Window, status_window

__all__ = [
    "AVERAGE_COLOUR",
    "AVERAGE_WEEKS",
    "BAR_COLOUR",
    "CHART_STYLE",
    "GAP_DAYS",
    "NARROW",
    "NO_DATA_COLOUR",
    "PAIN_COLOUR",
    "PARTIAL_COLOUR",
    "REST_COLOUR",
    "SEVERITY_COLOURS",
    "WIDE",
    "WINDOW_WEEKS",
    "Chart",
    "Marks",
    "Size",
    "Window",
    "cadence_chart",
    "cadence_figure",
    "cadence_trend_spm",
    "forest_chart",
    "forest_figure",
    "long_run_chart",
    "long_run_figure",
    "monthly_overview_chart",
    "monthly_overview_figure",
    "pain_chart",
    "pain_figure",
    "pain_notes",
    "pain_patterns_chart",
    "pain_patterns_figure",
    "rest_calendar_chart",
    "rest_calendar_figure",
    "shoe_chart",
    "shoe_figure",
    "status_window",
    "surface_chart",
    "surface_figure",
    "weekly_distance_chart",
    "weekly_distance_figure",
    "weeks_table",
]
