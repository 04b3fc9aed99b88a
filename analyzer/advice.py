"""What to do this week: the rules' advice for the as-of day, planned as a whole.

Each rule gives at most one `Advice` for the as-of day (its `advice` facet), having already
left out what the current week answered and what newer data overtook. The plan keeps at most
three sentences, in order of need (`ADVICE_KINDS`: red flags, then knee pain, then load, the
long run, intensity, rest, cadence, shoes, surfaces), one per kind, so each quantity has one
figure, and no sentence twice. While knee pain is open (a knee item is in the plan) nothing
says to keep, build or cap the load: the knee item asks to cut back, and a distance to keep
beside it would contradict it.
"""

from __future__ import annotations

from collections.abc import Iterable

from analyzer.checkers.rule import ADVICE_KINDS, Advice

MAX_ADVICE = 3
PAIN_KINDS = ("red flag", "knee")  # while one of these stands, the load is cut, not kept
HELD_BACK_BY_PAIN = ("load", "long run", "intensity")


def plan(items: Iterable[Advice | None], most: int = MAX_ADVICE) -> tuple[Advice, ...]:
    """At most `most` items, most needed first: one per kind, the most severe and newest of a
    kind first, no text twice, and no load, long-run or intensity item beside knee pain."""
    given = [item for item in items if item is not None]
    if any(item.kind in PAIN_KINDS for item in given):
        given = [item for item in given if item.kind not in HELD_BACK_BY_PAIN]
    ordered = sorted(given, key=_need)
    planned: list[Advice] = []
    for item in ordered:
        if any(item.kind == kept.kind or item.text == kept.text for kept in planned):
            continue
        planned.append(item)
    return tuple(planned[:most])


def _need(item: Advice) -> tuple:
    """Kind in order of need, then the most severe and newest finding behind it."""
    rank = max((finding.severity_rank for finding in item.because), default=-1)
    newest = max((finding.date.toordinal() for finding in item.because), default=0)
    return (ADVICE_KINDS.index(item.kind), -rank, -newest)


__all__ = ["MAX_ADVICE", "plan"]
