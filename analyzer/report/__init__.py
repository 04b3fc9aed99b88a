"""Renderers: a log's findings as text, JSON, CSV, or HTML (one page, or a squad's small site).

A renderer is a pure function of the log, the findings and the file errors, returning str or
bytes; it never recomputes a finding. What several renderers say lives in its own module:
`athletes` (who the report is about, in which order), `status_words` (the status in
sentences), `finding_words` (a finding's line, its evidence, its label on a chart),
`study_words` (what came before knee pain), `analyzer/words.py` (days, distances, paces, km or
miles), `charts/` (one module per chart) and `board` (the coach's board). This face only hands
their names on.
"""

from analyzer.report.athletes import (
    RANKING_WINDOW_DAYS,
    AthleteSummary,
    RiskRank,
    athlete_summaries,
    in_attention_order,
    risk_ranking,
)
from analyzer.report.finding_words import (
    PAIN_WINDOW_DAYS,
    SEVERITY_MARKS,
    evidence_words,
    finding_label,
    finding_summary,
    is_pain_note,
    newest_first,
    open_finding_text,
    related_window_days,
)
from analyzer.report.status_words import (
    AVERAGE_WEEKS_TEXT,
    attention_last_text,
    attention_pain_text,
    attention_ratio_text,
    attention_reason,
    attention_week_text,
    average_week_not_judged_text,
    average_week_text,
    no_open_findings_text,
    ratio_not_judged_text,
    rest_not_judged_text,
    severity_counts,
    shoe_near_text,
    shoe_past_text,
    status_rows,
    week_not_judged_text,
)
from analyzer.report.study_words import (
    odds_ratio_text,
    p_text,
    pain_patterns_title,
    ratio_number,
    telling_patterns,
)
from analyzer.words import count_text, day_text, distance_text, span_text

__all__ = [
    "AVERAGE_WEEKS_TEXT",
    "PAIN_WINDOW_DAYS",
    "RANKING_WINDOW_DAYS",
    "SEVERITY_MARKS",
    "AthleteSummary",
    "RiskRank",
    "athlete_summaries",
    "attention_last_text",
    "attention_pain_text",
    "attention_ratio_text",
    "attention_reason",
    "attention_week_text",
    "average_week_not_judged_text",
    "average_week_text",
    "count_text",
    "day_text",
    "distance_text",
    "evidence_words",
    "finding_label",
    "finding_summary",
    "in_attention_order",
    "is_pain_note",
    "newest_first",
    "no_open_findings_text",
    "odds_ratio_text",
    "open_finding_text",
    "p_text",
    "pain_patterns_title",
    "ratio_not_judged_text",
    "ratio_number",
    "related_window_days",
    "rest_not_judged_text",
    "risk_ranking",
    "severity_counts",
    "shoe_near_text",
    "shoe_past_text",
    "span_text",
    "status_rows",
    "telling_patterns",
    "week_not_judged_text",
]
