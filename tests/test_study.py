"""What tends to come before knee pain across a squad: each runner against themself, pooled.

The squads are generated (benchmarks/synthetic.py's `study_squad_csv`): low cadence is planted
in the 14 days before most knee-pain episodes and in a few weeks at random; everything else
the plan does (weekly jumps, long runs, surfaces) happens whatever the knee did.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import warnings

import numpy as np
import pandas as pd
import pytest

import analyzer
from analyzer.checkers import run_rules
from analyzer.patterns import pain_pattern_reports
from analyzer.status import default_as_of, statuses
from analyzer.study import (
    MIN_EPISODES,
    MIN_RUNNERS,
    STUDY_COLUMNS,
    SquadCounts,
    holm,
    squad_study,
    study_of_statuses,
)
from benchmarks.synthetic import study_squad_csv

RUNNERS, WEEKS = 10, 52  # every fifth runner has no episode; the others 1 to 4


def _load(tmp_path_factory, text: str):
    folder = tmp_path_factory.mktemp("squad")
    (folder / "squad.csv").write_text(text, encoding="utf-8")
    return analyzer.load(folder)


@pytest.fixture(scope="module")
def squad(tmp_path_factory):
    return _load(tmp_path_factory, study_squad_csv(RUNNERS, WEEKS))


@pytest.fixture(scope="module")
def study(squad):
    return analyzer.squad_patterns(squad)


@pytest.fixture(scope="module")
def reports(squad):
    """Each runner's own patterns (with an episode), by athlete."""
    return pain_pattern_reports(squad)


def _row(study, pattern: str) -> dict:
    return study.table.set_index("pattern").loc[pattern].to_dict()


def test_the_design_and_its_numbers_are_named(study):
    assert list(study.table.columns) == STUDY_COLUMNS
    assert (study.runners, study.runners_without_episodes) == (8, 2)
    assert study.episodes == 20  # 0 + 1 + 2 + 3 + 4, twice
    assert study.reason is None and study.has_odds_ratios
    assert "20 knee-pain episodes of 8 runners" in study.design_text
    assert f"{study.pain_free_fortnights} pain-free fortnights" in study.design_text
    assert "Mantel-Haenszel" in study.design_text
    assert "not a probability of injury and not a cause" in study.caveat
    assert f"{study.tested} patterns are tested at once" in study.caveat
    for words in (study.design_text, study.caveat, *study.table["reason"]):
        assert "causes" not in words and "risk of" not in words


def test_a_pattern_planted_before_most_episodes_stands_out(study):
    cadence = _row(study, "low-cadence")
    assert cadence["episodes_with"] >= 0.7 * cadence["episodes"]
    assert cadence["pain_free_with"] <= 0.15 * cadence["pain_free_fortnights"]
    assert cadence["odds_ratio"] > 5
    assert cadence["ci_low"] > 1  # the interval excludes 1
    assert cadence["p_holm"] < 0.05
    assert study.table.iloc[0]["pattern"] == "low-cadence"  # the largest odds ratio first


def test_a_pattern_as_common_without_pain_has_an_interval_around_1(study):
    jumps = _row(study, "weekly-mileage-jump")  # the plan's jumps, whatever the knee did
    assert jumps["pain_free_with"] >= 0.25 * jumps["pain_free_fortnights"]
    assert jumps["ci_low"] < 1 < jumps["ci_high"]
    assert jumps["p_holm"] >= jumps["p_value"]


def test_a_pattern_that_never_held_has_counts_and_says_why(study):
    shoes = _row(study, "shoe-overdue")  # the log names no shoe
    assert shoes["episodes_with"] == shoes["pain_free_with"] == 0
    assert math.isnan(shoes["odds_ratio"]) and math.isnan(shoes["p_value"])
    assert shoes["reason"] == "no odds ratio: it never held in these windows"


def test_the_figures_agree_with_a_direct_statsmodels_fit_on_the_same_windows(study):
    """Mantel-Haenszel by runner, its Robins-Breslow-Greenland interval and the
    Cochran-Mantel-Haenszel test, as statsmodels computes them from every window."""
    from statsmodels.stats.contingency_tables import StratifiedTable

    compared = 0
    for pattern, windows in study.windows.groupby("pattern"):
        row = _row(study, str(pattern))
        if math.isnan(row["odds_ratio"]):
            continue
        fitted = StratifiedTable(_tables(windows))
        low, high = fitted.oddsratio_pooled_confint()
        ours = (row["odds_ratio"], row["ci_low"], row["ci_high"], row["p_value"])
        theirs = (
            fitted.oddsratio_pooled,
            low,
            high,
            fitted.test_null_odds(correction=False).pvalue,
        )
        assert np.round(ours, 3).tolist() == np.round(theirs, 3).tolist(), pattern
        compared += 1
    assert compared >= 4


def test_a_conditional_logit_on_the_same_windows_tells_the_same_story(study):
    """The other within-runner estimator (a conditional likelihood) lands near Mantel-Haenszel."""
    from statsmodels.discrete.conditional_models import ConditionalLogit

    windows = study.windows[study.windows["pattern"] == "low-cadence"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted = ConditionalLogit(
            windows["is_before_episode"].to_numpy(float),
            windows[["held"]].to_numpy(float),
            groups=windows["athlete"].to_numpy(),
        ).fit(disp=0)
    conditional = math.exp(fitted.params[0])
    assert abs(math.log(conditional / _row(study, "low-cadence")["odds_ratio"])) < 0.2


def test_runners_without_an_episode_add_nothing(squad, study, reports):
    assert len(reports) == study.runners
    alone = squad_study(SquadCounts.of(reports.values()))
    assert alone.runners_without_episodes == 0
    assert study.runners_without_episodes == RUNNERS - len(reports)
    pd.testing.assert_frame_equal(alone.table, study.table)
    assert "2 runners without a knee-pain episode add nothing" in study.without_episodes_text


def test_partial_sums_in_any_order_give_the_same_table(squad, study, reports):
    per_runner = [reports.get(athlete) for athlete in squad.athletes]
    for seed in range(3):
        random.Random(seed).shuffle(per_runner)
        parts = [SquadCounts.of(per_runner[:3]), SquadCounts.of(per_runner[3:])]
        combined = SquadCounts()
        for part in parts[:: 1 if seed % 2 else -1]:
            combined.merge(part)
        pd.testing.assert_frame_equal(squad_study(combined).table, study.table, check_exact=True)


def test_the_squad_views_study_from_statuses_is_the_same(squad, study):
    """`runlog check` pools the statuses' own patterns (as of the squad's day); the notebook
    call, each runner's as of their last day: the windows are the same."""
    as_of = default_as_of(squad)
    from_statuses = study_of_statuses(statuses(squad, run_rules(squad), as_of))
    pd.testing.assert_frame_equal(from_statuses.table, study.table, check_exact=True)


def test_a_squad_under_the_minimum_gets_counts_and_the_reason(tmp_path_factory):
    small = analyzer.squad_patterns(
        _load(tmp_path_factory, study_squad_csv(4, 40, episodes=(1, 2)))
    )
    assert (small.runners, small.episodes) == (4, 6)
    assert small.reason == (
        f"6 knee-pain episodes of 4 runners: a within-runner comparison needs {MIN_EPISODES} "
        f"episodes from {MIN_RUNNERS} runners or more, so only counts are shown."
    )
    assert not small.has_odds_ratios and small.tested == 0
    assert small.table["odds_ratio"].isna().all() and small.table["p_holm"].isna().all()
    cadence = small.table.set_index("pattern").loc["low-cadence"]
    assert cadence["episodes"] == 6 and cadence["episodes_with"] >= 3


def test_a_pattern_judged_in_too_few_episodes_shows_counts_only():
    counts = SquadCounts()
    for _ in range(6):  # six runners, two episodes each: 12 episodes for the squad
        counts.runners += 1
        counts.episodes += 2
        counts.patterns.setdefault("common", _pooled("a common pattern")).add(1, 2, 3, 20)
    counts.patterns["young"] = _pooled("a pattern judged late")
    counts.patterns["young"].add(1, 1, 0, 5)  # one runner's history was long enough
    study = squad_study(counts)
    young = study.table.set_index("pattern").loc["young"]
    assert young["reason"].startswith("counts only: 1 episode of 1 runner")
    assert math.isnan(young["odds_ratio"])
    assert study.table.set_index("pattern").loc["common", "reason"] == ""


def test_holm_adjusts_step_down_and_keeps_order():
    adjusted = holm([0.01, math.nan, 0.04, 0.03, 0.5])
    assert math.isnan(adjusted[1])
    assert adjusted[0] == pytest.approx(0.04)  # 4 tests: 4 x 0.01
    assert adjusted[3] == pytest.approx(0.09)  # 3 x 0.03
    assert adjusted[2] == pytest.approx(0.09)  # 2 x 0.04 = 0.08, kept at the step before
    assert adjusted[4] == pytest.approx(0.5)


def test_since_and_until_keep_the_windows_they_hold(squad):
    since, until = dt.date(2025, 5, 1), dt.date(2025, 9, 1)
    two = squad.for_athletes(squad.athletes[3:5])
    reports = pain_pattern_reports(two, since=since, until=until)
    windows = pd.concat([report.windows for report in reports.values()])
    before = windows[windows["is_before_episode"]]
    assert (before["last_day"] + np.timedelta64(1, "D") >= np.datetime64(since)).all()
    assert windows["last_day"].max() <= np.datetime64(until)


def _tables(windows: pd.DataFrame) -> np.ndarray:
    """Each runner's 2x2 table of windows (held or not, before an episode or pain-free), as
    statsmodels takes them: 2 x 2 x runners."""
    tables = [
        pd.crosstab(one["held"], one["is_before_episode"])
        .reindex(index=[True, False], columns=[True, False], fill_value=0)
        .to_numpy(float)
        for _, one in windows.groupby("athlete")
    ]
    return np.dstack(tables)


def _pooled(label: str):
    from analyzer.study import PooledCounts

    return PooledCounts(label)


def test_a_row_that_counts_fewer_windows_than_the_design_says_why(study):
    """A rule judges only windows with its history minimum met (pace-jump needs weeks of
    runs): its row counts fewer fortnights than the design sentence, and the study says so."""
    assert (study.table["pain_free_fortnights"] < study.pain_free_fortnights).any()
    assert study.judged_text.startswith("A pattern counts only the windows its rule could judge")
    every_window = SquadCounts(runners=5, episodes=10, pain_free_fortnights=50)
    for slug in ("first", "second"):
        every_window.patterns[slug] = _pooled(slug)
        for _ in range(5):
            every_window.patterns[slug].add(1, 2, 3, 10)
    assert squad_study(every_window).judged_text == ""
