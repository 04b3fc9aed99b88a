"""README stays true: two Quick start commands, a row for every rule, the CSV headers table."""

import re
from pathlib import Path

from analyzer.checkers import RULES
from analyzer.importers import csv_log

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_two_commands_install_and_run_then_test():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```\n(.*?)```", section, re.S).group(1)
    commands = block.strip().splitlines()
    assert len(commands) == 2
    assert "pip install" in commands[0] and "runlog check sample_data" in commands[0]
    assert commands[1].startswith("pytest")


def test_every_rule_has_its_readme_row_with_its_defaults():
    for rule in RULES:
        row = next(line for line in README.splitlines() if line.startswith(f"| {rule.code} |"))
        assert f"`{rule.slug}`" in row
        for name, value in rule.defaults.items():
            assert f"`{name} = {value}`" in row, (rule.slug, name)


def test_the_hand_log_headers_table_is_the_importers_own():
    table = README.split("| column | header names |", 1)[1].split("\n\n")[0]
    rows = dict(
        (cells[0], tuple(cells[1].split(", ")))
        for line in table.strip().splitlines()[1:]
        for cells in [[cell.strip() for cell in line.strip("|").split("|")]]
    )
    for column, names in csv_log.HEADER_NAMES.items():
        assert rows[column] == names, column
