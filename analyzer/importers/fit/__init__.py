"""FIT activity files from watches and apps: one Record per session, with its samples.

Decoded with fitdecode [docs/FORMATS.md §1.1], whose 2025 profile names COROS, `ultra` and
`sport_profile_name`. The package keeps how FIT bytes are decoded apart from what a FIT
activity means:

- decoding: decode.py (frames to Content, keeping what precedes any damage), fast.py
  (fitfast, a Rust decoder, for the records when it reads them as fitdecode does),
  reader.py (the fitdecode reader, unpacking a message in one struct call), crc.py (the
  file CRC, checked here: a mismatch only adds a problem line), damage.py (problem lines
  for a file read in part), values.py (decoded values as numbers and text).
- meaning: records.py (records in canonical units, and which session owns each), session.py
  (a session as a Track: its totals, pauses and sport; _track.record_of makes its record,
  as for GPX and TCX), clock.py (FIT seconds to UTC or a watch's local time), device.py
  (the recording device).

Chained FIT files (several headers in one file) and multisport files give one Record per
`session`; samples go to the session whose time window holds them.

Speed: records are most of a file. With fitfast the records take about a tenth of
fitdecode's time (a Forerunner's 8,109 records in 0.06 s rather than 0.6 s). Both paths fill
the same Content, so all that follows is the same code.
"""

from __future__ import annotations

import logging
from typing import BinaryIO

import numpy as np

from analyzer.errors import BadFile, FileErrorKind
from analyzer.importers.base import Imported, Record
from analyzer.importers.fit.clock import clock_of
from analyzer.importers.fit.crc import crc16 as _crc16  # noqa: F401  (tests check it)
from analyzer.importers.fit.damage import damage_problems, missing_summary_problem
from analyzer.importers.fit.decode import (
    Session,
    decoded,
    decoded_fast,
    decoder_for,
    fast_decoder_allowed,
)
from analyzer.importers.fit.device import device_of
from analyzer.importers.fit.reader import FastReader as _FastReader  # noqa: F401  (tests)
from analyzer.importers.fit.records import owners, record_fields, record_table, rows_of
from analyzer.importers.fit.session import (
    label_of,
    record_of_session,
    session_start_s,
    session_without_summary,
)

# The importer's public names (the registry, tests and benchmarks use them).
__all__ = [
    "EXPORT_INDEX_NAMES",
    "FORMAT",
    "ID_PREFIX",
    "LABELLED",
    "MERGE_RANK",
    "decoder_for",
    "read",
    "sniff",
]

log = logging.getLogger(__name__)

FORMAT = "fit"
# Traits (analyzer/importers/base.py): how merge and the loader treat this format.
MERGE_RANK = 0
LABELLED = False
EXPORT_INDEX_NAMES: tuple[str, ...] = ()
ID_PREFIX = ""


def sniff(head: bytes) -> bool:
    """Whether these first bytes are a FIT header: size 12 or 14, then '.FIT' at byte 8."""
    return len(head) >= 12 and head[0] in (12, 14) and head[8:12] == b".FIT"


def read(stream: BinaryIO, *, use_fitfast: bool = True) -> Imported:
    """Every session of one FIT activity file as a Record, with samples and problem lines.

    `use_fitfast=False` (RUNLOG_FIT_DECODER=fitdecode) decodes the records with fitdecode."""
    data = stream.read()
    if not data:
        raise BadFile("is empty (0 bytes)", FileErrorKind.EMPTY)
    if not sniff(data[:12]):
        raise BadFile(
            "is not a FIT file: its first bytes are not a FIT header", FileErrorKind.NOT_THIS_FORMAT
        )
    content = decoded_fast(data) if use_fitfast and fast_decoder_allowed() else None
    log.debug("records decoded by %s", "fitdecode" if content is None else "fitfast")
    if content is None:
        content = decoded(data)
    table = record_table(record_fields(content))
    has_records = bool(len(table["time_s"]))
    problems = damage_problems(content, data, has_data=bool(content.sessions) or has_records)
    sessions = content.sessions
    if not sessions:
        made_up = session_without_summary(content, table)
        sessions = [Session(made_up, content.last_sport, is_written=False)]
        problems.append(missing_summary_problem(content, len(table["time_s"])))
    clock = clock_of(content)
    device = device_of(content)
    records: list[Record] = []
    starts_s = np.array([session_start_s(session.values, table) for session in sessions])
    order = np.argsort(starts_s, kind="stable")
    owner = owners(table["time_s"], starts_s[order])
    for position, index in enumerate(order):
        rows = table if len(sessions) == 1 else rows_of(table, owner == position)
        record, notes = record_of_session(
            sessions[index],
            rows,
            content.timer,
            clock,
            starts_s[index],
            label_of(position, len(sessions)),
            device,
        )
        records.append(record)
        problems += notes
    return Imported(records=records, problems=problems)
