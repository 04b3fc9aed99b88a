"""The errors a user can act on: a bad file, a bad profile. Their str() is the whole message.

A file's error also carries its kind (`FileErrorKind`), so a script reading the JSON output
can branch on what went wrong without parsing the sentence.
"""

from __future__ import annotations

from enum import StrEnum


class FileErrorKind(StrEnum):
    """What is wrong with a file, in one word a script can branch on (JSON `errors[].kind`)."""

    EMPTY = "empty"  # no bytes, or only whitespace
    TRUNCATED = "truncated"  # ends before its own header says it should: cut short
    CHECKSUM = "checksum"  # fails its own checksum: bytes changed after it was written
    DAMAGED = "damaged"  # bytes that make no sense at some point (the sentence says where)
    BROKEN_XML = "broken_xml"  # XML that is not well formed
    BROKEN_TABLE = "broken_table"  # a CSV the csv module cannot split, or not a table at all
    BROKEN_JSON = "broken_json"  # JSON that cannot be parsed, or not the export's shape
    NOT_THIS_FORMAT = "not_this_format"  # no importer recognises it (or not the format named)
    NOT_AN_ACTIVITY = "not_an_activity"  # readable, but a route, settings, metadata only
    NO_TIMES = "no_times"  # holds data, but nothing with a time runlog can place
    UNREADABLE_DATE = "unreadable_date"  # dates that cannot be read, or read two ways
    IMPLAUSIBLE = "implausible"  # values no runner or device could produce
    READ_IN_PART = "read_in_part"  # the file was read, but something in it was left out
    DAMAGED_ARCHIVE = "damaged_archive"  # a zip or .gz that cannot be unpacked
    ENCRYPTED = "encrypted"  # an archive member behind a password
    ARCHIVE_LIMIT = "archive_limit"  # an archive past runlog's size, ratio or count limits
    NOT_REGULAR_FILE = "not_regular_file"  # a device, pipe or socket, not a file
    UNREADABLE = "unreadable"  # the system refused to open or read it (permissions, I/O)
    OUT_OF_MEMORY = "out_of_memory"  # runlog ran out of memory reading it: not the file's fault
    MISSING_PATH = "missing_path"  # a path the user named that does not exist
    NOTICE = "notice"  # read in full, with a remark: listed apart as a notice, not an error
    BAD_PROFILE = "bad_profile"  # an athlete's runlog.toml runlog cannot accept: they are skipped
    BUG = "bug"  # runlog itself failed on it: a bug to report


class RunlogError(Exception):
    """An error in what the user gave runlog, not in runlog itself."""


class BadFile(RunlogError):
    """A file runlog cannot read, or can read only in part; the message says why.

    `kind` names the defect; each subclass has its own default.
    """

    default_kind = FileErrorKind.DAMAGED

    def __init__(self, message: str, kind: FileErrorKind | None = None) -> None:
        super().__init__(message)
        self.kind = kind or self.default_kind

    def __reduce__(self) -> tuple[type[BadFile], tuple[str, FileErrorKind]]:
        # outcomes cross process boundaries and the import cache: keep the kind
        return (type(self), (str(self), self.kind))


class ProfileError(RunlogError):
    """An athlete profile with a key or value runlog does not accept."""


def shown_value(value: object) -> str:
    """A value as the profile wrote it, cut short: a 3 GB string is no error message."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


class UnrecognisedFile(BadFile):
    """A file whose content no importer recognises (a CSV of something else, a stray file).

    Inside an archive or an unpacked export such files are passed over quietly.
    """

    default_kind = FileErrorKind.NOT_THIS_FORMAT


class NotAnActivity(BadFile):
    """A readable file that holds no activity: a route, a settings or weight FIT, metadata only.

    Inside an archive such files are passed over quietly; a file the user named is reported.
    """

    default_kind = FileErrorKind.NOT_AN_ACTIVITY
