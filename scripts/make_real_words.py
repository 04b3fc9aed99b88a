"""Write analyzer/lexicon/real_words.py: the real words one letter away from a typo target.

The notes reader reads a word one letter away from a knee, pain or side word as that word
("kneee", "pian", "lft", "rigth"), but not when the word is a real word of the note's language
or English ("knew", "rain", "tight", "lift"). Which words are real comes from wordfreq's
frequency lists (words said at least once per million), kept here for the words near a target
only, so the reader needs no word list at run time. Run it again after changing the knee,
pain or side words of a language; tests/test_pain.py checks that the file is up to date.

    python scripts/make_real_words.py
"""

from __future__ import annotations

from pathlib import Path

from rapidfuzz.distance import OSA
from wordfreq import get_frequency_dict

from analyzer.lexicon import ENGLISH, LANGUAGES, typo_targets

OUTPUT = Path(__file__).resolve().parents[1] / "analyzer" / "lexicon" / "real_words.py"
WORDFREQ_CODES = {"no": "nb"}  # Norwegian bokmål
MIN_FREQUENCY = 1e-6  # once per million words (Zipf 3)


def real_words_near_targets() -> dict[str, list[str]]:
    """Per language: its real words one letter away from a typo target, sorted."""
    every_target = {target for language in LANGUAGES for target in typo_targets(language)}
    found = {}
    for language in LANGUAGES:
        targets = every_target if language == ENGLISH else set(typo_targets(language))
        frequencies = get_frequency_dict(WORDFREQ_CODES.get(language, language), "small")
        found[language] = sorted(
            word
            for word, frequency in frequencies.items()
            if frequency >= MIN_FREQUENCY
            and word.isalpha()
            and word not in targets
            and any(OSA.distance(word, target, score_cutoff=1) <= 1 for target in targets)
        )
    return found


def module_text() -> str:
    lines = [
        '"""Real words one letter away from a typo target, per language (written by',
        'scripts/make_real_words.py from wordfreq\'s lists: do not edit by hand)."""',
        "",
        "REAL_WORDS_NEAR_TARGETS: dict[str, frozenset[str]] = {",
    ]
    for language, words in real_words_near_targets().items():
        lines.append(f'    "{language}": frozenset(')
        lines.append("        (")
        lines += [f'            "{word}",' for word in words]
        lines.append("        )")
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUTPUT.write_text(module_text(), encoding="utf-8")
    print(f"wrote {OUTPUT}")
