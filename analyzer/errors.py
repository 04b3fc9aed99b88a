"""The errors a user can act on: a bad file, a bad profile. Their str() is the whole message."""


class RunlogError(Exception):
    """An error in what the user gave runlog, not in runlog itself."""


class BadFile(RunlogError):
    """A file runlog cannot read, or can read only in part; the message says why."""


class ProfileError(RunlogError):
    """An athlete profile with a key or value runlog does not accept."""


class UnrecognisedFile(BadFile):
    """A file whose content no importer recognises (a CSV of something else, a stray file).

    Inside an archive or an unpacked export such files are passed over quietly.
    """


class NotAnActivity(BadFile):
    """A readable file that holds no activity: a route, a settings or weight FIT, metadata only.

    Inside an archive such files are passed over quietly; a file the user named is reported.
    """
