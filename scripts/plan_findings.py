"""What the load, pace and shoe rules say about the plan logs of tests/plans.py.

    python -m scripts.plan_findings            # counts per plan, km and miles
    python -m scripts.plan_findings --messages # and every finding's message
    python -m scripts.plan_findings --all      # every rule's findings, not only the five
    python -m scripts.plan_findings --write DIR # each plan as a runner's files, for runlog check

The counts are the figures issue 21 is measured by: each plan's findings of the five rules
it is about, by severity, in km and in miles.
"""

from __future__ import annotations

import argparse
import collections
import re
from pathlib import Path

from analyzer.checkers import run_rules
from tests.plans import KEPT_BY_HAND, PLANS, write_plan

RULES = (
    "weekly-mileage-jump",
    "acute-chronic-ratio",
    "downhill-load-jump",
    "pace-jump",
    "shoe-overdue",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--messages", action="store_true", help="print every finding")
    parser.add_argument("--all", action="store_true", help="count every rule's findings")
    parser.add_argument("--write", type=Path, help="write each plan's files under this folder")
    arguments = parser.parse_args()
    for name, make in PLANS.items():
        for units in ("km", "miles"):
            log = make(units)
            if arguments.write:
                slug = re.sub(r"[^a-z0-9]+", "-", name.split(":")[0].lower()).strip("-")
                write_plan(log, arguments.write / f"{slug}-{units}", name in KEPT_BY_HAND)
            findings = [item for item in run_rules(log) if arguments.all or item.rule in RULES]
            counts = collections.Counter((item.rule, item.severity) for item in findings)
            said = ", ".join(
                f"{rule} {severity} {count}" for (rule, severity), count in sorted(counts.items())
            )
            print(f"{name} [{units}]: {len(findings)} findings: {said or 'none'}")
            if arguments.messages:
                for item in findings:
                    print(f"    {item.date} {item.rule} {item.severity}: {item.message}")


if __name__ == "__main__":
    main()
