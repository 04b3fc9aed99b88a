"""How rule messages print the figures they judge: on the side of the threshold the message
states. Days, distances, climbs and paces are written by `analyzer/words.py`."""

import numpy as np


def number_beyond(
    value: float, limit: float, *, above: bool, places: int = 0, at_least: bool = False
) -> str:
    """`value` with the fewest decimals (from `places`) that keep it on its side of `limit`.

    A message that says "169.6, under 170" must not print "170, under 170": the figure is
    shown to as many places as it takes for the stated comparison to hold as printed (with
    `at_least`, equal to the limit holds too: "5% faster", for 5 % or more). A rule that
    judges its figure as printed (`round_judged`) needs one decimal at most.
    """
    for shown_places in range(places, 4):
        shown = round(value, shown_places)
        if shown == limit and at_least:
            return f"{value:.{shown_places}f}"
        if (shown > limit) if above else (shown < limit):
            return f"{value:.{shown_places}f}"
    return f"{value:.3f}"


JUDGED_DECIMALS = 1  # a rule judges a figure as it prints: "169.97" is 170.0, not under 170


def round_judged(values):
    """A figure (or an array of them) as a rule judges it against a threshold: rounded to the
    one decimal a message shows."""
    return np.round(values, JUDGED_DECIMALS)


def percent_beyond(share: float, limit_share: float) -> str:
    """A share above `limit_share` as a percentage that prints above it ('30.4%', not '30%')."""
    return f"{number_beyond(share * 100, limit_share * 100, above=True)}%"


def noun_phrase(title: str) -> str:
    """A rule's title as a phrase inside a sentence: its first letter lower case."""
    return title[:1].lower() + title[1:]
