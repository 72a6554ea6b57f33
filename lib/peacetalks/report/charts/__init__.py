"""The report's charts: pure functions from the corpus tables to the data a chart plots, and from that data to a Figure.

Each chart comes as a pair: `*_data(...)` returns a tidy DataFrame of exactly what the
chart shows (saved beside the figure as CSV, so a recipient can check or redraw it), and
the chart function draws that frame and nothing else. Figures are made with the object
API (`matplotlib.figure.Figure`), never through pyplot, in the style of `report.style`.

One module per thing the charts show: `publication` (notebook 01), `toll` (the war's death toll,
00 and 02), `stances` (who stood where, 00 and 03), `accuracy` (04) and `review` (the state of the
review, 05); beside them `selection` (the period, outlets, dates and the source line) and `layout`
(the points-or-summary switch, titles, the empty figure, date axes). The notebooks call every
chart through this package (`charts.toll_chart(...)`), so the names below are its interface.
"""
from peacetalks.report.charts.accuracy import ACCURACY_BARS, accuracy_chart, accuracy_takeaway
from peacetalks.report.charts.layout import (FIGURE_TITLES, MAX_LABELS, MAX_POINTS, SUMMARISE, crowded, date_axis,
                                             nothing_to_plot, pad_dates, summarised)
from peacetalks.report.charts.publication import (COUNT_CLASSES, publication_data, publication_months,
                                                  publication_takeaway, publication_timeline, publication_view)
from peacetalks.report.charts.review import MAX_CHART_ARTICLES, REVIEW_PARTS, review_state_chart
from peacetalks.report.charts.selection import (UNKNOWN_OUTLET, dates, excerpt, month, month_start, outlet_names,
                                                select_period, shorten, source_note)
from peacetalks.report.charts.stances import (POLARITY_COLUMNS, POLARITY_WORDS, QUARTERS_WITH_COUNTS, SHIFT_KINDS,
                                              labels, not_reviewed, select_stances, shift_findings, stance_data,
                                              stance_quarters, stance_takeaway, stance_timeline, stance_view)
from peacetalks.report.charts.toll import (HEDGE_BARS, HEDGES, LISTED_MAX, WAR_TOLL, casualty_table, describe_figure,
                                           toll_chart, toll_data, toll_months, toll_takeaway, toll_view)

__all__ = [
    "ACCURACY_BARS", "accuracy_chart", "accuracy_takeaway",
    "FIGURE_TITLES", "MAX_LABELS", "MAX_POINTS", "SUMMARISE", "crowded", "date_axis", "nothing_to_plot", "pad_dates",
    "summarised",
    "COUNT_CLASSES", "publication_data", "publication_months", "publication_takeaway", "publication_timeline",
    "publication_view",
    "MAX_CHART_ARTICLES", "REVIEW_PARTS", "review_state_chart",
    "UNKNOWN_OUTLET", "dates", "excerpt", "month", "month_start", "outlet_names", "select_period", "shorten",
    "source_note",
    "POLARITY_COLUMNS", "POLARITY_WORDS", "QUARTERS_WITH_COUNTS", "SHIFT_KINDS", "labels", "not_reviewed",
    "select_stances", "shift_findings", "stance_data", "stance_quarters", "stance_takeaway", "stance_timeline",
    "stance_view",
    "HEDGE_BARS", "HEDGES", "LISTED_MAX", "WAR_TOLL", "casualty_table", "describe_figure", "toll_chart", "toll_data",
    "toll_months", "toll_takeaway", "toll_view",
]
