"""The rule registry: every rule is a module named after its slug, with its evidence and units."""

import dataclasses
import datetime as dt
import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analyzer import checkers
from analyzer.checkers import (
    RULES,
    SEVERITIES,
    check_rule_settings,
    rule_by_slug,
    rules_as_of,
    run_rules,
    thresholds_for,
)
from analyzer.checkers.rule import (
    ADVICE_KINDS,
    CHARTS,
    FACETS,
    Advice,
    ChartMarks,
    Declined,
    Pattern,
    Rule,
    setting_range,
)
from analyzer.errors import ProfileError
from analyzer.log import TrainingLog
from analyzer.profile import Profile, ShoeSetting, profile_from_dict
from analyzer.status import Status
from tests.builders import (
    FIRST_MONDAY,
    STEADY_SHOES,
    make_log,
    note,
    run,
    steady_log,
    steady_runs,
)

# A threshold's name holds, as a word, the unit or kind of its number (or a scale: _of_10).
UNIT_WORDS = {
    "ratio", "pct", "share", "days", "weeks", "km", "m", "s", "spm", "mps", "bpm", "count",
    "runs",
}  # fmt: skip
GRADE_WORDS = ("Mod", "Low", "Mech", "Conv")
RULE_IDS = [rule.slug for rule in RULES]


RULE_CODES = {
    "weekly-mileage-jump": "RL101",
    "acute-chronic-ratio": "RL102",
    "long-run-spike": "RL103",
    "pace-jump": "RL104",
    "downhill-load-jump": "RL105",
    "low-cadence": "RL201",
    "missing-rest-days": "RL301",
    "monotonous-surface": "RL401",
    "shoe-overdue": "RL402",
    "knee-pain-note": "RL501",
    "persistent-knee-pain": "RL502",
    "running-through-pain": "RL503",
}  # a released code or slug never changes meaning: a change here is a change of contract


def test_the_registry_holds_exactly_the_released_rules_in_code_order():
    assert {rule.slug: rule.code for rule in RULES} == RULE_CODES
    assert [rule.code for rule in RULES] == sorted(RULE_CODES.values())


def test_every_rule_module_of_the_package_is_in_the_registry():
    folder = Path(checkers.__file__).parent
    modules = {
        path.stem
        for path in folder.glob("*.py")
        if not path.stem.startswith("_") and path.stem != "rule"
    }
    assert modules == {rule.slug.replace("-", "_") for rule in RULES}


def test_codes_are_unique_and_well_formed():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"RL[1-9]\d\d", code) for code in codes)


def test_slugs_are_unique_and_lower_case_words():
    assert len(RULE_IDS) == len(set(RULE_IDS))
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", slug) for slug in RULE_IDS)


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_the_module_is_named_after_the_slug(rule):
    module_name = rule.check.__module__
    assert module_name == f"analyzer.checkers.{rule.slug.replace('-', '_')}"
    assert rule.rationale == sys.modules[module_name].__doc__


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_the_rationale_names_its_source_and_the_rule_its_grade(rule):
    assert rule.source, f"{rule.slug}: no 'Source:' line in the module docstring"
    assert any(word in rule.grade for word in GRADE_WORDS), rule.grade
    assert rule.title


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_thresholds_are_frozen_with_a_default_for_every_field(rule):
    assert dataclasses.is_dataclass(rule.thresholds)
    assert rule.thresholds.__dataclass_params__.frozen
    for item in dataclasses.fields(rule.thresholds):
        has_default = item.default is not dataclasses.MISSING
        assert has_default or item.default_factory is not dataclasses.MISSING, item.name
    assert rule.defaults  # every rule has something to tune


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_every_threshold_name_carries_its_unit(rule):
    for name, default in rule.defaults.items():
        if isinstance(default, bool | str | tuple):  # facts, words and lists carry no unit
            continue
        words = set(name.split("_"))
        has_scale = re.search(r"_of_\d+$", name) is not None
        assert words & UNIT_WORDS or has_scale, f"{rule.slug}: {name} carries no unit"


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_a_profile_accepts_every_default_back(rule):
    profile = profile_from_dict({"rules": {rule.slug: dict(rule.defaults)}})
    assert thresholds_for(profile, rule) == rule.thresholds()


def test_rules_are_found_by_slug():
    assert rule_by_slug("long-run-spike").code == "RL103"
    with pytest.raises(KeyError):
        rule_by_slug("no-such-rule")


def test_the_steady_log_draws_no_warning_from_any_rule():
    findings = run_rules(steady_log())
    assert [(item.rule, item.date) for item in findings if item.severity != "info"] == []


def spiky_log():
    """Ten steady weeks, then eight days in a row with a long, fast, hilly run among them."""
    rows = steady_runs(10)
    block_start = FIRST_MONDAY + dt.timedelta(weeks=10)
    rows += [run(block_start + dt.timedelta(days=offset), 9, descent_m=150) for offset in range(8)]
    rows.append(run(block_start + dt.timedelta(days=5), 24, pace_min_per_km=4.4, descent_m=900))
    return make_log(rows)


LOAD_AND_REST_RULES = [
    "weekly-mileage-jump",
    "acute-chronic-ratio",
    "long-run-spike",
    "pace-jump",
    "downhill-load-jump",
    "missing-rest-days",
]


def test_each_load_and_rest_rule_fires_on_the_spiky_log():
    fired = {finding.rule for finding in run_rules(spiky_log())}
    assert [slug for slug in LOAD_AND_REST_RULES if slug not in fired] == []


def mixed_log():
    """Forty weeks drawn at random (seeded): any rule may fire, on any day, in any mix."""
    rng = np.random.default_rng(10)
    rows, notes = [], []
    for offset in range(280):
        date = FIRST_MONDAY + dt.timedelta(days=offset)
        if rng.random() < 0.35:
            continue
        rows.append(
            run(
                date,
                float(rng.choice([3, 5, 8, 10, 14, 21])) * (1 + offset / 400),
                cadence_spm=float(rng.normal(170, 6)),
                surface=str(rng.choice(["road", "road", "road", "trail", "unknown"])),
                descent_m=float(rng.choice([20, 60, 400])),
                pace_min_per_km=float(rng.choice([4.5, 5.5, 6.0])),
                shoe=str(rng.choice(["Pegasus", "", "Ghost"])),
            )
        )
        if rng.random() < 0.05:
            notes.append(note(date, "right knee sore, 5/10"))
    return make_log(rows, notes, shoes=[ShoeSetting("Pegasus", default=True)])


@pytest.mark.parametrize("log", [spiky_log(), mixed_log()], ids=["spiky", "mixed"])
def test_findings_keep_the_contract(log):
    ids = set(log.activities["activity_id"])
    run_dates = dict(zip(log.activities["activity_id"], log.activities["local_date"], strict=True))
    findings = run_rules(log)
    for finding in findings:
        where = f"{finding.rule} on {finding.date}"
        assert finding.severity in SEVERITIES, where
        assert type(finding.date) is dt.date, where
        # a finding knows only its past: its period ends on its day, its runs are on or before
        assert finding.period_start <= finding.date == finding.period_end, where
        assert all(run_dates[item] <= finding.date for item in finding.activity_ids), where
        assert finding.message and "\n" not in finding.message, where
        json.dumps(finding.evidence, allow_nan=False)  # plain numbers: the JSON report
        assert all(type(value) is str and value in ids for value in finding.activity_ids), where
    days = [(finding.rule, finding.athlete, finding.date) for finding in findings]
    assert len(days) == len(set(days)), "one finding per rule, athlete and day"


def test_a_rule_with_two_things_to_say_on_one_day_says_one_with_the_other_in_evidence():
    # two pairs pass their limit on the same Sunday, one in the morning run, one in the
    # evening's: shoe-overdue has two things to say that day
    runs = [run(FIRST_MONDAY + dt.timedelta(days=6), 6, hour=7, shoe="Pegasus")]
    runs += [run(FIRST_MONDAY + dt.timedelta(days=6), 6, hour=18, shoe="Ghost")]
    shoes = [ShoeSetting("Pegasus", pre_used_km=475.0), ShoeSetting("Ghost", pre_used_km=476.0)]
    (finding,) = [item for item in run_rules(make_log(runs, shoes=shoes)) if item.code == "RL402"]
    (other,) = finding.evidence["also"]
    assert {finding.evidence["shoe"], other["shoe"]} == {"Pegasus", "Ghost"}
    assert "passed 480.0 km" in other["message"]


@pytest.mark.parametrize(
    "log",
    [
        pytest.param(TrainingLog(), id="an empty log"),
        pytest.param(make_log([run("2026-01-05", 6, sport="walking")]), id="a log of walks"),
        pytest.param(
            make_log([run("2026-01-05", 0), run("2026-03-02", 9, distance_m=float("nan"))]),
            id="runs without a distance",
        ),
    ],
)
def test_every_rule_stays_quiet_on_a_log_with_nothing_to_judge(log):
    findings = {rule.slug: rule.check(log, thresholds_for(Profile(), rule)) for rule in RULES}
    assert {slug: items for slug, items in findings.items() if items} == {}


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_every_threshold_has_a_range_holding_its_default(rule):
    for name, default in rule.defaults.items():
        allowed = setting_range(rule.thresholds, name)
        assert allowed is not None, f"{rule.slug}: {name} has no range"
        assert allowed[0] <= default <= allowed[1], (rule.slug, name)


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        pytest.param(
            {"long-run-spike": {"warning_ratio": -1}},
            "[rules.long-run-spike] warning_ratio = -1 is outside its range, 1 to 3",
            id="a negative ratio",
        ),
        pytest.param(
            {"monotonous-surface": {"max_share_pct": 120}},
            "max_share_pct = 120 is outside its range, 50 to 100",
            id="a share over 100 %",
        ),
        pytest.param(
            {"long-run-spike": {"window_days": 0}},
            "window_days = 0 is outside its range, 7 to 365",
            id="a window of 0 days",
        ),
        pytest.param(
            {"long-run-spike": {"window_days": 1_000_000_000}},
            "window_days = 1000000000 is outside its range",
            id="a window of a billion days",
        ),
        pytest.param(
            {"acute-chronic-ratio": {"warning_ratio": float("inf")}},
            "warning_ratio = inf is outside its range",
            id="an infinite ratio",
        ),
        pytest.param(
            {"weekly-mileage-jump": {"min_previous_week_mi": -3}},
            "min_previous_week_mi = -3 is outside its range, 0 to 310.7",
            id="a distance in miles, in its miles range",
        ),
    ],
)
def test_a_threshold_outside_its_range_is_one_line_naming_key_value_and_range(settings, words):
    with pytest.raises(ProfileError) as caught:
        check_rule_settings(profile_from_dict({"rules": settings}, "ana.toml"))
    message = str(caught.value)
    assert message.startswith("ana.toml: [rules.") and words in message
    assert "\n" not in message


def test_a_distance_threshold_may_be_written_in_miles():
    profile = profile_from_dict({"rules": {"weekly-mileage-jump": {"min_previous_week_mi": 5}}})
    limits = thresholds_for(profile, rule_by_slug("weekly-mileage-jump"))
    assert limits.min_previous_week_km == pytest.approx(5 * 1.609344)


def test_a_miles_runners_shoe_limits_are_round_miles():
    shoe_rule = rule_by_slug("shoe-overdue")
    limits = thresholds_for(Profile(units="miles"), shoe_rule)
    assert (limits.warning_km, limits.high_km) == pytest.approx((300 * 1.609344, 500 * 1.609344))
    assert thresholds_for(Profile(), shoe_rule).warning_km == 480.0


def test_a_miles_profile_reads_no_km_in_any_message():
    profile = Profile(units="miles", shoes=(ShoeSetting("Pegasus", default=True),))
    log = mixed_log()
    findings = run_rules(log, profile)
    assert {item.rule for item in findings} >= {"shoe-overdue", "weekly-mileage-jump"}
    texts = [item.message for item in findings] + [
        other["message"] for item in findings for other in item.evidence.get("also", [])
    ]
    assert [text for text in texts if re.search(r"\bkm\b", text)] == []
    (shoe,) = [item for item in findings if item.rule == "shoe-overdue"][:1]
    assert "after 300.0 mi to 500.0 mi" in shoe.message and "500 mi in a lab test" in shoe.message


# Each rule's facets: what it gives (a function) and what it declines (with its reason). A new
# rule adds its line; a rule that drops or gains a facet changes its line here on purpose.
RULE_FACETS = {
    "weekly-mileage-jump": {"measure", "advice", "not_judged", "pattern", "chart_marks"},
    "acute-chronic-ratio": set(FACETS),
    "long-run-spike": set(FACETS),
    "pace-jump": {"measure", "advice", "not_judged", "pattern", "chart_marks"},
    "downhill-load-jump": {"measure", "advice", "not_judged", "pattern", "chart_marks"},
    "low-cadence": set(FACETS),
    "missing-rest-days": set(FACETS),
    "monotonous-surface": {"measure", "advice", "not_judged", "pattern", "chart_marks"},
    "shoe-overdue": set(FACETS),
    "knee-pain-note": {"measure", "today", "advice", "not_judged", "chart_marks"},
    "persistent-knee-pain": {"measure", "advice", "not_judged", "chart_marks"},
    "running-through-pain": {"measure", "advice", "not_judged", "chart_marks"},
}


def test_the_registry_lists_each_rules_facets():
    given = {rule.slug: {facet for facet in FACETS if rule.provides(facet)} for rule in RULES}
    assert given == RULE_FACETS


@pytest.mark.parametrize("rule", RULES, ids=RULE_IDS)
def test_every_facet_is_given_or_declined_with_a_reason(rule):
    for facet in FACETS:
        value = getattr(rule, facet)
        if isinstance(value, Declined):
            assert len(value.reason.split()) >= 4, f"{rule.slug}.{facet}: say why it declines"
        else:
            assert callable(value), f"{rule.slug}.{facet} is neither a function nor Declined"
            assert value.__module__ == rule.check.__module__  # the rule's own module owns it


def test_a_rule_that_is_silent_about_a_facet_cannot_be_made():
    facets = {facet: getattr(RULES[0], facet) for facet in FACETS if facet != "pattern"}
    with pytest.raises(TypeError, match="pattern"):
        Rule(code="RL999", slug="silent", title="t", rationale="", thresholds=object,
             check=RULES[0].check, **facets)  # fmt: skip


def _painful_log():
    """Twelve steady weeks with knee-pain notes, a spike, low cadence and a worn shoe."""
    rows = steady_runs(12, cadence_spm=166.0)
    rows.append(run(FIRST_MONDAY + dt.timedelta(weeks=11, days=6), 20, shoe="Old"))
    notes = [
        note(FIRST_MONDAY + dt.timedelta(weeks=12, days=1), "left knee sore, 4/10"),
        note(FIRST_MONDAY + dt.timedelta(weeks=12, days=3), "knee swelling, 5/10"),
    ]
    shoes = [ShoeSetting("Old", pre_used_km=790.0), *STEADY_SHOES]
    return make_log(rows, notes, shoes=shoes)


@pytest.fixture(scope="module")
def painful_days():
    log = _painful_log()
    as_of = FIRST_MONDAY + dt.timedelta(weeks=12, days=4)
    return rules_as_of(log, "ana", as_of, run_rules(log))


def test_each_facet_gives_what_the_rule_module_docstring_promises(painful_days):
    status_fields = {item.name for item in dataclasses.fields(Status)}
    filled: dict[str, str] = {}
    for rule, day in painful_days:
        assert isinstance(day.measure, pd.DataFrame)
        assert day.measure.empty or "athlete" in day.measure.columns, rule.slug
        if rule.provides("today"):
            for name in rule.today(day):
                assert name in status_fields, f"{rule.slug} fills no Status field {name}"
                assert name not in filled, f"{name} from {rule.slug} and {filled.get(name)}"
                filled[name] = rule.slug
        if rule.provides("advice"):
            advice = rule.advice(day)
            assert advice is None or (isinstance(advice, Advice) and advice.kind in ADVICE_KINDS)
        if rule.provides("not_judged"):
            assert rule.not_judged(day) is None, rule.slug  # twelve weeks: every rule judges
        if rule.provides("pattern"):
            pattern = rule.pattern(day)
            assert isinstance(pattern, Pattern) and pattern.label
            assert pattern.days.dtype == np.dtype("datetime64[D]")
            assert (np.diff(pattern.days.astype(int)) >= 0).all()
        if rule.provides("chart_marks"):
            marks = rule.chart_marks(day)
            assert isinstance(marks, ChartMarks) and marks.chart in CHARTS
            assert all(column in marks.series.columns for column, _ in marks.lines)


def test_the_status_figures_of_each_rule_are_read_from_its_facets(painful_days):
    fields = {
        name for rule, day in painful_days if rule.provides("today") for name in rule.today(day)
    }
    assert {
        "acute_chronic_ratio", "longest_run_7_days_m", "running_days_in_row",
        "recent_cadence_spm", "shoes", "latest_pain", "pain_trend",
    } <= fields  # fmt: skip


# The modules that show what the rules say; none of them may name a rule (its slug or code) or
# import a rule's module: they read the facets.
READERS = [
    "analyzer/status.py",
    "analyzer/advice.py",
    "analyzer/patterns.py",
    "analyzer/weekly.py",
    *sorted(str(path) for path in Path("analyzer/report").glob("*.py")),
]
RULE_MODULES = {rule.slug.replace("-", "_") for rule in RULES}


@pytest.mark.parametrize("path", READERS)
def test_no_reader_names_a_rule(path):
    text = (Path(checkers.__file__).parents[2] / path).read_text(encoding="utf-8")
    named = [rule.slug for rule in RULES if rule.slug in text]
    named += re.findall(r"\bRL\d{3}\b", text)
    imported = re.findall(r"analyzer\.checkers(?:\.| import )(\w+)", text)
    if path != "analyzer/weekly.py":  # the weekly table reads two rules' measures by module
        named += [module for module in imported if module in RULE_MODULES]
    assert named == [], f"{path} names rules: {named}"


LABEL_MAX_CHARS = 14  # a chart's upright label on a phone's bar


def test_every_rule_has_a_few_words_for_the_charts_of_its_own():
    labels = [rule.label for rule in RULES]
    assert all(0 < len(label) <= LABEL_MAX_CHARS for label in labels), labels
    assert len(set(labels)) == len(labels)
    assert not any(re.search(r"\d{3}", label) for label in labels)  # words, not codes


# a figure printed with two or more decimals: "169.97", "1.38" (not "1,204" nor "12.5")
_OVER_ONE_DECIMAL = re.compile(r"(?<![\d.])\d[\d,]*\.\d{2,}(?!\d)")


def _logs_to_read():
    """The samples, the plan logs in km and miles, and a generated 4-athlete half year."""
    import tempfile

    import analyzer
    from benchmarks.synthetic import cohort_csv
    from tests import plans

    repository = Path(__file__).resolve().parents[2]
    for source in ("sample_data", "examples/strava_export", "examples/squad"):
        yield source, analyzer.load(repository / source)
    for name, make in plans.PLANS.items():
        for units in ("km", "miles"):
            yield f"{name} [{units}]", make(units)
    path = Path(tempfile.mkdtemp()) / "cohort.csv"
    path.write_text(cohort_csv(4, weeks=26), encoding="utf-8")
    yield "cohort", analyzer.load(path)


def test_no_rule_prints_a_figure_with_more_than_one_decimal():
    """Issue 20: every rule's figures have one decimal at most in its message and headline
    (the text, HTML and JSON outputs print them as they are); a figure a rule quotes from its
    sources (a hazard ratio of 1.64) is its source's, named in its rationale."""
    printed = []
    for source, log in _logs_to_read():
        for finding in run_rules(log):
            cited = rule_by_slug(finding.rule).rationale
            for text in (finding.message, finding.headline or ""):
                printed += [
                    (source, finding.rule, figure, text)
                    for figure in _OVER_ONE_DECIMAL.findall(text)
                    if figure not in cited
                ]
    assert printed == []
