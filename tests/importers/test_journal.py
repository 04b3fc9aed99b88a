"""The notes journal: dated lines and date-headed sections of a text or Markdown file.

No real journal is in ../shared/real_data (runners keep theirs private), so the texts are
written here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import BadFile, NotAnActivity
from analyzer.importers import journal
from tests.exports import garmin_activity, garmin_summaries_json
from tests.importers import reasons

MARCH_4 = dt.date(2026, 3, 4)


def notes_of(text: str | bytes) -> list[tuple[dt.date, str]]:
    data = text.encode() if isinstance(text, str) else text
    imported = journal.read(io.BytesIO(data))
    assert imported.records == []
    return [(note["local_date"], note["text"]) for note in imported.notes]


def test_the_example_journal_gives_one_note_per_day():
    text = (
        "2026-03-04 left knee sore, 3/10\n"
        "2026-03-05: easy day, knee fine\n"
        "# 2026-03-07\n"
        "Long run felt heavy. Right knee ached on the downhill.\n"
        "- 08.03.2026 - rest\n"
        "March 9, 2026 — swelling above the kneecap\n"
    )
    assert notes_of(text) == [
        (dt.date(2026, 3, 4), "left knee sore, 3/10"),
        (dt.date(2026, 3, 5), "easy day, knee fine"),
        (dt.date(2026, 3, 7), "Long run felt heavy. Right knee ached on the downhill."),
        (dt.date(2026, 3, 8), "rest"),
        (dt.date(2026, 3, 9), "swelling above the kneecap"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("2026-03-04 knee sore", id="ISO"),
        pytest.param("2026-3-4 knee sore", id="ISO without zeros"),
        pytest.param("2026/03/04 knee sore", id="ISO with slashes"),
        pytest.param("2026-03-04T07:30 knee sore", id="ISO with a time"),
        pytest.param("04.03.2026 knee sore", id="day first with dots"),
        pytest.param("4.3.2026: knee sore", id="day first without zeros"),
        pytest.param("4 March 2026 knee sore", id="d Month yyyy"),
        pytest.param("4th Mar 2026 - knee sore", id="4th Mar yyyy"),
        pytest.param("March 4, 2026 knee sore", id="Month d, yyyy"),
        pytest.param("Mar 4 2026: knee sore", id="Mon d yyyy"),
        pytest.param("Sept 4 2026 knee sore", id="Sept"),
        pytest.param("Wed 2026-03-04 knee sore", id="weekday before ISO"),
        pytest.param("Wednesday, 4 March 2026: knee sore", id="full weekday before d Month"),
        pytest.param("Wednesday, March 4, 2026 — knee sore", id="weekday before Month d"),
        pytest.param("2026-03-04 (Wed) knee sore", id="weekday in brackets after"),
        pytest.param("2026-03-04 Wed: knee sore", id="weekday after, then a colon"),
        pytest.param("- 2026-03-04 - knee sore", id="bullet"),
        pytest.param("* **2026-03-04** knee sore", id="bullet and bold"),
        pytest.param("1. 2026-03-04 knee sore", id="numbered"),
        pytest.param("> 2026-03-04 | knee sore", id="quote and bar"),
        pytest.param("- [x] 2026-03-04 knee sore", id="task box"),
        pytest.param("  2026-03-04 knee sore", id="indented"),
        pytest.param("## 2026-03-04 knee sore", id="heading with text"),
        # month and weekday names in the ten languages runlog reads notes in
        pytest.param("Mittwoch, 4. März 2026: knee sore", id="German"),
        pytest.param("mercredi 4 mars 2026 knee sore", id="French"),
        pytest.param("miércoles 4 de marzo de 2026: knee sore", id="Spanish, with de"),
        pytest.param("4 marzo 2026 knee sore", id="Italian"),
        pytest.param("woensdag 4 maart 2026 knee sore", id="Dutch"),
        pytest.param("onsdag 4. marts 2026: knee sore", id="Danish"),
        pytest.param("4 mars 2026 knee sore", id="Swedish"),
        pytest.param("4. mars 2026 knee sore", id="Norwegian: a day with a dot, not a list item"),
        pytest.param("quarta-feira, 4 de março de 2026 - knee sore", id="Portuguese"),
        pytest.param("## 4. März 2026 knee sore", id="German heading"),
    ],
)
def test_each_date_form_starts_a_note(line):
    expected_date = dt.date(2026, 9, 4) if line.startswith("Sept") else MARCH_4
    assert notes_of(line) == [(expected_date, "knee sore")]


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("ran 5 km on 2026-03-04, knee sore", id="date inside the line"),
        pytest.param("20260304 knee sore", id="digits without separators"),
    ],
)
def test_lines_not_starting_with_a_real_date_are_not_dated(line):
    with pytest.raises(NotAnActivity):
        notes_of(line)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        pytest.param("2026-02-30 knee sore", "no such day", id="no such day"),
        pytest.param("31.04.2026 knee sore", "no such day", id="no 31 April"),
        pytest.param("12.13.2026 knee sore", "no such month", id="no month 13"),
        pytest.param("1850-03-04 knee sore", "notes are dated from 1901", id="year out of range"),
    ],
)
def test_a_journal_of_dates_that_are_no_dates_says_so(line, why):
    with pytest.raises(BadFile, match=why) as refused:
        notes_of(line)
    assert refused.value.kind == "unreadable_date"


def test_an_impossible_date_is_its_own_unread_line_never_the_note_before_it():
    # the note: glued to the day before, its red flags landed on 28 February
    text = (
        "2026-02-28 easy run, knees fine\n"
        "2026-02-30 right knee swollen, gave way 8/10\n"
        "2026-03-03 knee fine\n"
    )
    imported = journal.read(io.BytesIO(text.encode()))
    notes = [(note["local_date"], note["text"]) for note in imported.notes]
    assert notes == [
        (dt.date(2026, 2, 28), "easy run, knees fine"),
        (dt.date(2026, 3, 3), "knee fine"),
    ]
    assert [problem.reason for problem in imported.problems] == [
        "line 2 starts with '2026-02-30', which is not a date (no such day); that note was not "
        "read, and no other day took it: correct the date"
    ]


def test_the_lines_under_an_impossible_date_belong_to_no_day():
    text = "# 2026-02-28\neasy run\n\n# 2026-02-30\nright knee swollen, gave way 8/10\n"
    imported = journal.read(io.BytesIO(text.encode()))
    assert [note["text"] for note in imported.notes] == ["easy run"]
    assert "line 4 starts with '2026-02-30'" in imported.problems[0].reason


def test_lines_under_a_date_heading_belong_to_that_date_until_the_next_date():
    text = (
        "## Sat 7 March 2026\n"
        "Long run, 18 km.\n"
        "\n"
        "Knee stiff after.\n"
        "- iced it\n"
        "- foam roller\n"
        "## 2026-03-08\n"
        "rest\n"
    )
    assert notes_of(text) == [
        (dt.date(2026, 3, 7), "Long run, 18 km."),
        (dt.date(2026, 3, 7), "Knee stiff after."),
        (dt.date(2026, 3, 7), "iced it"),
        (dt.date(2026, 3, 7), "foam roller"),
        (dt.date(2026, 3, 8), "rest"),
    ]


def test_a_paragraph_wrapped_over_lines_is_one_note():
    text = "# 2026-03-07\nRight knee ached\non the downhill.\n"
    assert notes_of(text) == [(dt.date(2026, 3, 7), "Right knee ached on the downhill.")]


def test_lines_after_a_dated_line_continue_its_note():
    text = "2026-03-04 knee sore\nafter the hills\n\niced it\n2026-03-05 fine\n"
    assert notes_of(text) == [
        (MARCH_4, "knee sore after the hills"),
        (MARCH_4, "iced it"),
        (dt.date(2026, 3, 5), "fine"),
    ]


def test_a_lower_heading_stays_under_the_date_a_same_level_heading_ends_it():
    text = "## 2026-03-07\n### Morning\nknee ached\n## Goals for April\nrun a half marathon\n"
    assert notes_of(text) == [(dt.date(2026, 3, 7), "knee ached")]


def test_any_heading_ends_the_lines_of_a_plain_dated_line():
    text = "2026-03-04 knee sore\n### Plans\nrun a half marathon\n"
    assert notes_of(text) == [(MARCH_4, "knee sore")]


def test_lines_before_the_first_date_are_left_out():
    text = "# My running journal\nWritten for my physio.\n\n2026-03-04 knee sore\n"
    assert notes_of(text) == [(MARCH_4, "knee sore")]


def test_a_date_on_its_own_line_heads_the_lines_below():
    assert notes_of("**2026-03-04**\nknee sore\n") == [(MARCH_4, "knee sore")]


def test_slashed_dates_are_month_first_when_a_second_number_is_over_12():
    text = "3/14/2026 left knee sore, 3/10\n- 04/02/2026: easy 5k\n"
    assert notes_of(text) == [
        (dt.date(2026, 3, 14), "left knee sore, 3/10"),
        (dt.date(2026, 4, 2), "easy 5k"),
    ]


def test_slashed_dates_are_day_first_when_a_first_number_is_over_12():
    text = "14/03/2026 left knee sore\n04/02/2026 easy 5k\n"
    assert notes_of(text) == [
        (dt.date(2026, 3, 14), "left knee sore"),
        (dt.date(2026, 2, 4), "easy 5k"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("03/04/2026 knee sore\n04/05/2026 rest\n", id="no number over 12"),
        pytest.param("13/04/2026 knee sore\n04/14/2026 rest\n", id="both orders"),
    ],
)
def test_slashed_dates_of_no_clear_order_are_a_reason_not_a_guess(text):
    with pytest.raises(BadFile, match=r"could be day or month first.*write dates as 2026-03-04"):
        journal.read(io.BytesIO(text.encode()))


def test_an_undecided_slashed_line_belongs_to_no_day():
    text = "2026-03-04 knee sore\n03/05/2026 knee sore again\nand more\n2026-03-06 fine\n"
    imported = journal.read(io.BytesIO(text.encode()))
    assert [note["text"] for note in imported.notes] == ["knee sore", "fine"]
    assert reasons(imported) == [journal.AMBIGUOUS_SLASHES.format(example="03/05/2026")]


def test_a_readme_without_dated_lines_is_not_a_journal():
    text = b"# runlog\n\nRead running logs.\n\n- install it\n- run it on 2026 data\n"
    assert not journal.sniff(text)
    with pytest.raises(NotAnActivity) as caught:
        journal.read(io.BytesIO(text))
    assert str(caught.value) == (
        "no dated lines: runlog reads a journal as lines starting with a date like 2026-03-04"
    )


def test_an_empty_file_is_not_a_journal():
    with pytest.raises(NotAnActivity):
        journal.read(io.BytesIO(b""))


def test_sniff_finds_a_dated_line_after_a_title():
    assert journal.sniff(b"# Knee diary\n\n- 4 March 2026 - sore going downstairs\n")


def test_sniff_passes_over_binary_data():
    assert not journal.sniff(b"\x00\x01\x02 2026-03-04 \x00")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        pytest.param(
            "2026-03-04 genou très douloureux".encode("latin-1"),
            "genou très douloureux",
            id="latin-1",
        ),
        pytest.param("2026-03-04 – knee “sore”".encode("cp1252"), "knee “sore”", id="Windows-1252"),
        pytest.param(b"\xef\xbb\xbf2026-03-04 knee sore", "knee sore", id="UTF-8 with a BOM"),
        pytest.param(
            "2026-03-04 Knie schmerzt".encode("utf-16"), "Knie schmerzt", id="UTF-16 with a BOM"
        ),
        pytest.param(b"2026-03-04 knee sore\r\n", "knee sore", id="Windows line ends"),
    ],
)
def test_encodings_are_decoded(data, text):
    assert journal.sniff(data)
    assert notes_of(data) == [(MARCH_4, text)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("2026-03-04 .#*:/\nMarch9,abc"), max_size=80))
def test_sniff_agrees_with_read_on_short_texts(text):
    data = text.encode()
    try:
        journal.read(io.BytesIO(data))
        found = True
    except NotAnActivity:
        found = False
    except BadFile:  # a journal whose slashed dates cannot be told apart: claimed, reported
        found = True
    assert journal.sniff(data) == found


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200))
def test_reader_fails_only_with_not_an_activity(junk):
    with contextlib.suppress(NotAnActivity):
        journal.read(io.BytesIO(b"2026-03-04 x\n" + junk))


def test_a_journal_in_a_folder_gives_the_log_its_notes_and_a_readme_is_passed_over(
    tmp_path, monkeypatch
):
    from analyzer import load

    monkeypatch.setenv("RUNLOG_CACHE", "0")
    # A run beside the notes, as in a real folder (a folder of notes alone: see the report).
    summaries = garmin_summaries_json([garmin_activity(1, "2026-03-03 07:00")])
    (tmp_path / "runner_0_summarizedActivities.json").write_bytes(summaries)
    (tmp_path / "journal.md").write_text("# Knee\n## 2026-03-04\nleft knee sore, 3/10\n")
    (tmp_path / "notes.txt").write_bytes("05.03.2026 genou très douloureux".encode("latin-1"))
    (tmp_path / "README.md").write_text("# About these files\nNothing dated here.\n")
    log = load(tmp_path)
    from_journal = log.notes[log.notes["activity_id"].isna()]
    notes = sorted(zip(from_journal["local_date"], from_journal["text"], strict=True))
    assert notes == [
        (MARCH_4, "left knee sore, 3/10"),
        (dt.date(2026, 3, 5), "genou très douloureux"),
    ]
    assert log.errors == []
    assert len(log.activities) == 1


def test_a_journal_of_old_runs_is_dated_but_not_on_a_spreadsheets_zero_day():
    notes = notes_of("1975-05-02 knee sore after the long run\n")
    assert notes == [(dt.date(1975, 5, 2), "knee sore after the long run")]
    assert [day for day, _ in notes_of("1899-12-30 a zero day\n1975-05-02 ran\n")] == [
        dt.date(1975, 5, 2)
    ]
