"""Problem lines for a FIT file read only in part: cut short, damaged, or failing its CRC.

A file with nothing readable is a BadFile (or NotAnActivity for a settings or course file);
one with something readable keeps it, and a problem line says what was kept and why the
rest was not.
"""

from __future__ import annotations

from analyzer.errors import BadFile, FileErrorKind, NotAnActivity
from analyzer.importers.base import Problem
from analyzer.importers.fit.crc import crc16
from analyzer.importers.fit.decode import Content


def damage_problems(content: Content, data: bytes, *, has_data: bool) -> list[Problem]:
    """Problem lines for a file read in part; BadFile (or NotAnActivity) when `has_data` is
    False, no session and no timed record having been read."""
    stop = content.stop
    if not has_data:
        if stop is not None and stop.is_cut_short:
            raise BadFile(
                f"ends after {len(data):,} of {stop.expected_bytes or len(data):,} bytes, "
                "before any session or record; upload cut short?",
                FileErrorKind.TRUNCATED,
            )
        if stop is not None:
            raise BadFile(
                f"is damaged at byte {stop.offset:,} ({stop.reason}) before any session "
                "or record could be read",
                FileErrorKind.DAMAGED,
            )
        others = [kind for kind in content.file_types if kind != "activity"]
        if others:
            raise NotAnActivity(f"is a FIT {others[0]} file, not a recorded activity")
        if content.record_count:
            raise BadFile(
                "has no session and no record with a readable time", FileErrorKind.NO_TIMES
            )
        raise NotAnActivity("holds no session and no records: nothing was recorded")
    problems: list[Problem] = []
    kept = _kept(content)
    if stop is not None and stop.is_cut_short:
        expected = max(stop.expected_bytes or 0, len(data))
        problems.append(
            Problem(
                f"ends after {len(data):,} of {expected:,} bytes (upload cut short?); "
                f"kept the {kept} read before the cut",
                FileErrorKind.TRUNCATED,
            )
        )
    elif stop is not None and content.files and stop.offset == sum(content.files[-1]):
        # Bytes after a complete FIT file that do not start another one: padding, or a
        # chained file whose header is damaged.
        problems.append(
            Problem(
                f"has {len(data) - stop.offset:,} bytes after the end of its FIT data that are "
                f"not FIT (a damaged second file?); kept the {kept} before them",
                FileErrorKind.DAMAGED,
            )
        )
    elif stop is not None:
        problems.append(
            Problem(
                f"is damaged at byte {stop.offset:,} of {len(data):,} ({stop.reason}); "
                f"kept the {kept} before it, the rest of the file is unreadable",
                FileErrorKind.DAMAGED,
            )
        )
    bad_files = [
        offset
        for offset, length in content.files
        if not content.crc_checked
        and offset + length <= len(data)
        and crc16(data[offset : offset + length]) != 0
    ]
    if bad_files:
        problems.append(
            Problem(
                "fails its checksum, so some bytes changed after it was written; kept every "
                "message that could be read, but some values may be wrong",
                FileErrorKind.CHECKSUM,
            )
        )
    return problems


def _kept(content: Content) -> str:
    sessions, records = len(content.sessions), content.record_count
    parts = []
    if sessions:
        parts.append(f"{sessions} session{'s' if sessions != 1 else ''}")
    parts.append(f"{records:,} record{'s' if records != 1 else ''}")
    return " and ".join(parts)


def missing_summary_problem(content: Content, record_count: int) -> Problem:
    return Problem(
        f"has no session summary; distance and times come from its {record_count:,} records "
        f"and {len(content.timer)} timer events",
        FileErrorKind.NOTICE,
    )
