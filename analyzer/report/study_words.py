"""What came before knee pain, in words: a runner's own patterns (the title, the sentences that
stand out) and the squad study's odds ratios and p-values.
"""

from __future__ import annotations

from collections.abc import Mapping

from analyzer.patterns import PainPatterns
from analyzer.words import count_text


def pain_patterns_title(patterns: PainPatterns) -> str:
    """'What came before your knee pain (4 episodes, against 11 pain-free fortnights)'."""
    return (
        f"What came before your knee pain ({count_text(len(patterns.onsets), 'episode')}, "
        f"against {count_text(patterns.pain_free_fortnights, 'pain-free fortnight')})"
    )


def telling_patterns(patterns: PainPatterns, most: int = 5) -> list[str]:
    """The sentences to show: the patterns that stand out, else the most frequent, and say so."""
    table = patterns.table
    standing_out = table[table["stands_out"]].head(most)
    if not standing_out.empty:
        return list(standing_out["sentence"])
    frequent = table[table["episodes_with"] > 0].sort_values(
        ["episodes_with", "share_pain_free"], ascending=[False, True], kind="stable"
    )
    return [
        "No pattern came before your knee pain clearly more often than at other times.",
        *frequent["sentence"].head(3),
    ]


def odds_ratio_text(row: Mapping[str, object]) -> str:
    """A squad study row's odds ratio and interval: '4.21 (95 % CI 1.85-9.60)'; '' when none."""
    ratio, low, high = (row.get(name) for name in ("odds_ratio", "ci_low", "ci_high"))
    if not isinstance(ratio, float | int) or ratio != ratio:  # NaN: no odds ratio
        return ""
    return f"{ratio_number(ratio)} (95 % CI {ratio_number(low)}-{ratio_number(high)})"


def ratio_number(value: object) -> str:
    """An odds ratio with two or three figures: '0.84', '4.21', '42.6', '147'."""
    number = float(value)  # type: ignore[arg-type]
    if number >= 100:
        return f"{number:,.0f}"
    return f"{number:.1f}" if number >= 10 else f"{number:.2f}"


def p_text(value: object) -> str:
    """A p-value: 'p 0.03', 'p <0.001'."""
    number = float(value)  # type: ignore[arg-type]
    return "p <0.001" if number < 0.001 else f"p {number:.3f}".rstrip("0").rstrip(".")


__all__ = ["odds_ratio_text", "p_text", "pain_patterns_title", "ratio_number", "telling_patterns"]
