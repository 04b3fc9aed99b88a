"""Each module of the package imports on its own, first, in a fresh interpreter state: no
import circle hides behind the order in which modules happen to be loaded, and no module
imports a sibling from inside a function to dodge one."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import analyzer

PACKAGE = Path(analyzer.__file__).parent
# Imported late on purpose, each for its reason.
LATE_IMPORTS_ALLOWED = {
    ("cli.py", "analyzer.report.html"),  # matplotlib is slow to import: only for `report`
    ("cli.py", "analyzer.cohort"),  # Dask is slow to import: only for --dask
    # TrainingLog.weekly() is the notebook's shortcut to analyzer.weekly, which runs the rules
    # (and the rules read TrainingLog): the one way back up, kept to a method body.
    ("log.py", "analyzer.weekly"),
    # persistent-knee-pain owns the knee episodes' gap (its episode_gap_days) and reads the
    # knee notes through _knee; the notes reader's episodes, read in _knee, take the same
    # setting from the rule: the one way back, kept to _knee.episode_gap_days.
    ("checkers/_knee.py", "analyzer.checkers"),
    # Base's types are handed out when asked for: walking folders needs no pandas (memo.py).
    ("importers/__init__.py", "analyzer.importers"),
}
# Modules that import what a command or a name needs when it is used, for start-up time:
# `runlog --help` must start in well under 0.25 s, before pandas (issue 11; test_startup.py).
LATE_IMPORTING_MODULES = {"cli.py", "__init__.py"}

_EACH_FIRST = """
import importlib, pkgutil, sys
import analyzer
names = [info.name for info in pkgutil.walk_packages(analyzer.__path__, "analyzer.")]
failed = []
for name in names:
    for loaded in [key for key in sys.modules if key == "analyzer" or key.startswith("analyzer.")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as err:
        failed.append(f"{name}: {err!r}")
print(len(names))
print("\\n".join(failed))
"""


def test_each_module_imports_on_its_own_first():
    done = subprocess.run(
        [sys.executable, "-c", _EACH_FIRST], capture_output=True, text=True, check=True
    )
    count, *failed = done.stdout.strip().split("\n")
    assert int(count) >= 40
    assert [line for line in failed if line] == []


def test_no_module_imports_the_package_from_inside_a_function():
    late = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).as_posix() in LATE_IMPORTING_MODULES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if not isinstance(node, ast.ImportFrom) or node.module is None:
                    continue
                module = node.module
                if module == "analyzer":  # from analyzer import cohort
                    module += "." + node.names[0].name
                where = (path.relative_to(PACKAGE).as_posix(), module)
                if module.startswith("analyzer") and where not in LATE_IMPORTS_ALLOWED:
                    late.append(where)
    assert late == []
