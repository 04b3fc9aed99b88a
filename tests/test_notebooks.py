"""The notebooks run top to bottom in a fresh kernel, as a reader would run them, and are
kept in git without outputs."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
# a runner's walkthrough, a coach's squad review, a rule of your own, a cohort
NAMES = ("01_runner", "02_coach", "03_custom_rule", "04_cohort")
PATHS = [NOTEBOOKS / f"{name}.ipynb" for name in NAMES]


def test_there_is_a_notebook_for_each_kind_of_reader():
    assert all(path.is_file() for path in PATHS)


@pytest.mark.parametrize("path", PATHS, ids=[path.stem for path in PATHS])
def test_the_notebook_is_stored_without_outputs_and_explains_itself(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(not cell.outputs and cell.execution_count is None for cell in code)
    assert notebook.cells[0].cell_type == "markdown"
    assert notebook.cells[0].source.startswith("# ")
    markdown = [cell for cell in notebook.cells if cell.cell_type == "markdown"]
    assert len(markdown) >= len(code) / 2  # a reader is told what each step does


@pytest.mark.parametrize("path", PATHS, ids=[path.stem for path in PATHS])
def test_the_notebook_runs_top_to_bottom_in_a_fresh_kernel(path, tmp_path, monkeypatch):
    monkeypatch.setenv("RUNLOG_CACHE", str(tmp_path / "cache"))  # the kernel inherits it
    monkeypatch.setenv("MPLBACKEND", "agg")
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": NOTEBOOKS}}
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, on any error
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    assert not [output for output in outputs if output.output_type == "error"]
    assert any(output.output_type == "execute_result" for output in outputs)
