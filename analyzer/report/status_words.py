"""The status in sentences: the rows text and HTML show, the coach's columns (last activity, week,
ratio, knee pain, why), and why a figure is not given when the log cannot give it; never an
all-clear the rules could not give.
"""

from __future__ import annotations

from analyzer.checkers.rule import Finding
from analyzer.status import (
    AVERAGE_WEEKS,
    CHRONIC_DAYS,
    OPEN_WINDOW_DAYS,
    ShoeNear,
    ShoeState,
    Status,
    finding_headline,
)
from analyzer.words import count_text, day_text, distance_text, whole_distance_text

_SEVERITY_PLURALS = {"high": "high", "warning": "warnings", "info": "info"}


def severity_text(count: int, severity: str) -> str:
    """'1 high', '3 warnings', '0 info'."""
    return count_text(count, severity, _SEVERITY_PLURALS[severity])


def severity_counts(high: int, warning: int) -> list[tuple[str, str]]:
    """(severity, text) of each severity counted, zeros left out: [('high', '1 high'),
    ('warning', '2 warnings')]."""
    counts = (("high", high), ("warning", warning))
    return [(severity, severity_text(count, severity)) for severity, count in counts if count]


def status_rows(status: Status) -> list[tuple[str, str]]:
    """The status as (label, plain sentence) rows, the order text and HTML show them in."""
    rows = [("Last activity", _last_activity_text(status)), ("This week", _week_text(status))]
    if status.acute_chronic_ratio is not None:
        rows.append(
            (
                "Acute:chronic",
                f"{status.acute_chronic_ratio:.1f} (the last 7 days against the last 28; "
                "context, contested)",
            )
        )
    elif not status.has_run_in_acute_window:  # say why, where a 0.00 would read as measured
        rows.append(("Acute:chronic", f"not judged: {ratio_not_judged_text(status)}"))
    rows.append(("Long run", _long_run_text(status)))
    rows.append(("Rest", _rest_text(status)))
    if status.recent_cadence_spm is not None:
        rows.append(("Cadence", _cadence_text(status)))
    shoes = [shoe_past_text(shoe, status.units) for shoe in status.shoes]
    shoes += [shoe_near_text(shoe, status.units) for shoe in status.shoes_near]
    if shoes:
        rows.append(("Shoes", "; ".join(shoes)))
    rows.append(("Knee", _knee_text(status)))
    return rows


def shoe_near_text(shoe: ShoeNear, units: str) -> str:
    """'Pegasus 39: 620 km of 700; about 80 km left', in the athlete's units."""
    distance, limit, left = (
        whole_distance_text(metres, units).split(" ")[0]
        for metres in (shoe.distance_m, shoe.limit_m, shoe.left_m)
    )
    unit = whole_distance_text(shoe.limit_m, units).split(" ")[1]
    return f"{shoe.shoe}: {distance} {unit} of {limit}; about {left} {unit} left"


def attention_last_text(status: Status) -> str:
    """The last activity for the coach's row: 'Sun 8 Mar (1 day)' or 'no data since 8 Feb'."""
    last = status.last_activity_date
    if last is None:
        return "no data"
    if status.is_stale:
        return f"no data since {day_text(last, weekday=False)}"
    days = status.days_since_last_activity or 0
    ago = "the as-of day" if days == 0 else count_text(days, "day")
    return f"{day_text(last, year=False)} ({ago})"


def attention_week_text(status: Status) -> str:
    """'12.0 / 30.1 km': this week so far against the 4-week average; '-' for what the log
    cannot say: no run in those weeks, or this week of an athlete with no data for a while."""
    if not status.has_run_in_weeks:
        return "-"
    units = status.units
    this_week = distance_text(status.this_week_m, units)
    if week_not_judged_text(status, status.this_week_m):
        this_week = "-"
    if status.average_week_m is None:
        return f"{this_week} / -"
    number, unit = distance_text(status.average_week_m, units).split(" ")
    return f"{this_week.split(' ')[0]} / {number} {unit}"


def attention_ratio_text(status: Status, with_reason: bool = False) -> str:
    """'1.02', or '-' when not judged ('not judged: no runs since ...' `with_reason`)."""
    ratio = status.acute_chronic_ratio
    if ratio is not None:
        return f"{ratio:.1f}"
    reason = ratio_not_judged_text(status)
    return f"not judged: {reason}" if with_reason and reason else "-"


def ratio_not_judged_text(status: Status) -> str | None:
    """Why the status gives no acute:chronic ratio ('no runs since Sun 11 Oct 2026'); None
    when it gives one."""
    if status.acute_chronic_ratio is not None:
        return None
    if not status.has_run_in_acute_window:
        return _no_runs_text(status)
    if status.history_days < CHRONIC_DAYS:
        return f"needs {CHRONIC_DAYS} days of history; this log has {status.history_days}"
    return f"no distance recorded in the last {CHRONIC_DAYS} days"


def week_not_judged_text(status: Status, week_m: float) -> str | None:
    """Why a week's distance (this week's or the last one's) is not given: no run this week or
    in the 4 before ('no runs since Mon 14 Aug 2023'), or an empty week of an athlete with no
    data for a while ('no data since Sun 22 Feb 2026'); None when it is given."""
    if not status.has_run_in_weeks:
        return _no_runs_text(status)
    if status.is_stale and week_m == 0:
        return f"no data since {day_text(status.last_activity_date)}"
    return None


def average_week_not_judged_text(status: Status) -> str | None:
    """Why the 4-week average is not given: no run in those weeks, or no full week of log
    before this one; None when it is given."""
    if not status.has_run_in_weeks:
        return _no_runs_text(status)
    if status.average_week_m is None:
        return "no full week of log before this one"
    return None


def _no_runs_text(status: Status) -> str:
    if status.last_run_date is None:
        return f"no runs on or before {day_text(status.as_of)}"
    return f"no runs since {day_text(status.last_run_date)}"


def attention_pain_text(status: Status) -> str:
    """The latest knee-pain note in a few words: '24 Feb, 4/10, left' (or '-')."""
    pain = status.latest_pain
    if pain is None:
        return "-"
    parts = [day_text(pain.date, weekday=False, year=False)]
    if pain.score_of_10 is not None:
        parts.append(f"{pain.score_of_10:g}/10")
    if pain.side:
        parts.append(pain.side)
    parts += list(pain.red_flags)
    return ", ".join(parts)


def attention_reason(status: Status) -> str:
    """Why the athlete is where they are (`by_attention`), the most serious open item and
    never an information: a red flag or knee pain of the trend's days, no data, the most
    severe open finding, a shoe in use past its limit; else what the status could not judge,
    or that nothing was flagged."""
    serious = [item for item in status.open_findings if item.severity != "info"]
    if (status.has_red_flag or status.has_recent_pain) and status.latest_pain is not None:
        noted = [item for item in serious if item.date == status.latest_pain.date]
        pain = _finding_why(noted[0]) if noted else f"knee pain {attention_pain_text(status)}"
        return pain + (f"; {status.pain_trend}" if status.pain_trend else "")
    if not status.has_recent_data or (status.is_stale and not serious):
        last = status.last_activity_date
        if last is None:
            return f"no activity on or before {day_text(status.as_of)}"
        days = count_text(status.days_since_last_activity or 0, "day")
        return f"no activity since {day_text(last)} ({days})"
    if serious:
        return _finding_why(serious[0])
    if status.shoes:
        return "; ".join(shoe_past_text(shoe, status.units) for shoe in status.shoes)
    if not status.has_run_in_open_window:  # no open finding, and no run it could come from
        if status.last_run_date is None:
            return _no_runs_text(status)
        days = count_text((status.as_of - status.last_run_date).days, "day")
        return f"{_no_runs_text(status)} ({days})"
    if status.open_findings:
        return f"only information in the last {OPEN_WINDOW_DAYS} days"
    if status.rules_not_run:
        return f"no open finding; {count_text(len(status.rules_not_run), 'rule')} could not judge"
    return f"nothing flagged in the last {OPEN_WINDOW_DAYS} days"


def _finding_why(finding: Finding) -> str:
    """A finding's few words with its code and day: '... under 170 (its code, Sun 1 Nov)'."""
    day = day_text(finding.date, year=False)
    return f"{finding_headline(finding)} ({finding.code}, {day})"


def shoe_past_text(shoe: ShoeState, units: str) -> str:
    """'Nimbus past its limit since Sun 8 Mar 2026 (596.4 km)', in the athlete's units and
    as the shoe's finding says it (one decimal)."""
    return (
        f"{shoe.shoe} past its limit since {day_text(shoe.date)} "
        f"({distance_text(shoe.distance_m, units)})"
    )


def no_open_findings_text(status: Status) -> str:
    """What the status says when no finding is open, never an all-clear the rules could not
    give: no run in the window, some rules unable to judge, or nothing flagged."""
    if not status.has_run_in_open_window:
        return f"No runs in the last {OPEN_WINDOW_DAYS} days: the rules had no runs to judge."
    if status.rules_not_run:
        return (
            f"No finding dated in the last {OPEN_WINDOW_DAYS} days from the rules that could judge."
        )
    return f"Nothing was flagged in the last {OPEN_WINDOW_DAYS} days."


AVERAGE_WEEKS_TEXT = "4-week"


def _last_activity_text(status: Status) -> str:
    if status.last_activity_date is None:
        return f"none on or before {day_text(status.as_of)}"
    days = status.days_since_last_activity or 0
    ago = "the as-of day" if days == 0 else f"{count_text(days, 'day')} before"
    text = f"{day_text(status.last_activity_date)} ({ago})"
    if status.is_stale:
        text = f"no data since {day_text(status.last_activity_date)} ({count_text(days, 'day')})"
    return text


def _week_text(status: Status) -> str:
    """This week so far, the last full week and the 4-week average, or why there are none."""
    if not status.has_run_in_weeks:
        return (
            f"{_no_runs_text(status)}: none this week (since {day_text(status.week_start)}) "
            f"or in the {AVERAGE_WEEKS} weeks before"
        )
    units = status.units
    ran_this_week = status.last_run_date is not None and status.last_run_date >= status.week_start
    week = (
        f"{distance_text(status.this_week_m, units)} so far" if ran_this_week else "no runs so far"
    )
    week += f" (since {day_text(status.week_start)})"
    last_week_reason = week_not_judged_text(status, status.last_week_m)
    if last_week_reason:
        week += f"; last week not judged ({last_week_reason})"
    else:
        week += f"; last week {distance_text(status.last_week_m, units)}"
    if status.average_week_m is not None:
        week += f"; {average_week_text(status)}"
    return week


def average_week_text(status: Status) -> str:
    """'4-week average 29.1 km', and the weeks it is over when some held no data ('(over 1
    week with data)'): a week without data is not a week of rest."""
    average = distance_text(status.average_week_m or 0.0, status.units)
    text = f"{AVERAGE_WEEKS_TEXT} average {average}"
    if status.average_weeks < AVERAGE_WEEKS:
        text += f" (over {count_text(status.average_weeks, 'week')} with data)"
    return text


def _long_run_text(status: Status) -> str:
    units = status.units
    recent = status.longest_run_7_days_m
    text = (
        f"{distance_text(recent, units)} in the last 7 days"
        if recent is not None
        else "no run in the last 7 days"
    )
    before = status.longest_run_before_m
    if before is not None:
        text += f"; longest of the 30 days before: {distance_text(before, units)}"
    return text


def rest_not_judged_text(status: Status) -> str | None:
    """Why the status does not count running days in a row ('no runs since Mon 14 Aug 2023'):
    no run in the last 28 days, or no data for a while (days without data are not rest
    days); None when it counts them."""
    if not status.has_run_in_open_window:
        return _no_runs_text(status)
    if status.is_stale and status.last_activity_date is not None:
        return f"no data since {day_text(status.last_activity_date)}"
    return None


def _rest_text(status: Status) -> str:
    reason = rest_not_judged_text(status)
    if reason:  # days without a run for weeks are no measured rest
        return f"not judged: {reason}"
    days = status.running_days_in_row
    text = f"{count_text(days, 'running day')} in a row"
    if status.last_rest_date is None:
        return text + "; no rest day since the log began"
    return text + f"; last rest day {day_text(status.last_rest_date)}"


def _cadence_text(status: Status) -> str:
    text = f"{status.recent_cadence_spm:.0f} steps/min in the last 14 days"
    if status.cadence_floor_spm is not None:
        text += f"; floor {status.cadence_floor_spm:.0f}"
    if status.own_cadence_spm is not None:
        text += f"; your own before that {status.own_cadence_spm:.0f}"
    return text


def _knee_text(status: Status) -> str:
    pain = status.latest_pain
    if pain is None:
        return "no knee-pain note in the log"
    side = (
        f"{pain.side} knee"
        if pain.side in ("left", "right")
        else ("both knees" if pain.side == "both" else "side not said")
    )
    score = f", {pain.score_of_10:g}/10" if pain.score_of_10 is not None else ""
    flags = f", {', '.join(pain.red_flags)}" if pain.red_flags else ""
    return f"last pain {day_text(pain.date)} ({side}{score}{flags}); {status.pain_trend}"


__all__ = [
    "AVERAGE_WEEKS_TEXT",
    "attention_last_text",
    "attention_pain_text",
    "attention_ratio_text",
    "attention_reason",
    "attention_week_text",
    "average_week_not_judged_text",
    "average_week_text",
    "no_open_findings_text",
    "ratio_not_judged_text",
    "rest_not_judged_text",
    "severity_counts",
    "severity_text",
    "shoe_near_text",
    "shoe_past_text",
    "status_rows",
    "week_not_judged_text",
]
