"""Tests of each importer on built fixtures and the real files."""

from analyzer.importers import Imported


def reasons(imported: Imported) -> list[str]:
    """The sentences of an import's problems, in order."""
    return [problem.reason for problem in imported.problems]
