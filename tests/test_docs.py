"""Every section of docs/ that the code, the tests and the READMEs cite exists.

Citations take two forms (docs/STYLE.md#citing-the-docs): `docs/FORMATS.md §1.6` (numbered
sections, several joined by commas: `[docs/FORMATS.md §4.2, §7.2]`) and
`docs/DESIGN.md#the-tables` (a heading's anchor, as GitHub makes it). FORMATS.md's own
`§` references point inside it. Documents outside the repository are never cited.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
DOCUMENTS = ("DESIGN", "FORMATS", "EVIDENCE", "STYLE")
CITING = [
    *sorted((ROOT / "analyzer").rglob("*.py")),
    *(path for path in sorted((ROOT / "tests").rglob("*.py")) if path.name != "test_docs.py"),
    *sorted((ROOT / "benchmarks").rglob("*.py")),
    *sorted((ROOT / "scripts").rglob("*.py")),
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    *sorted(DOCS.glob("*.md")),
]
_NAME = "|".join(DOCUMENTS)
_NUMBERED = re.compile(rf"docs/({_NAME})\.md((?:,?\s+§\d+(?:\.\d+)*)+)")
_ANCHORED = re.compile(rf"docs/({_NAME})\.md#([\w-]+)")
_ANY = re.compile(r"docs/(\w+)\.md")
_SECTION = re.compile(r"§(\d+(?:\.\d+)*)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.MULTILINE)
_HEADING_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")


def anchor_of(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[`*_]", "", heading).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def sections_of(text: str) -> tuple[set[str], set[str]]:
    """A document's section numbers ("1.6") and heading anchors ("the-tables")."""
    headings = _HEADING.findall(_without_code_blocks(text))
    numbers = {match.group(1) for match in map(_HEADING_NUMBER.match, headings) if match}
    return numbers, {anchor_of(heading) for heading in headings}


def missing_citations(text: str, documents: dict[str, str]) -> list[str]:
    """Each citation in `text` of a document or section that `documents` (name -> text) lacks."""
    missing = [f"docs/{name}.md" for name in _ANY.findall(text) if name not in documents]
    for name, cited in _NUMBERED.findall(text):
        numbers, _ = sections_of(documents[name])
        missing += [
            f"docs/{name}.md §{number}"
            for number in _SECTION.findall(cited)
            if number not in numbers
        ]
    for name, anchor in _ANCHORED.findall(text):
        if anchor not in sections_of(documents[name])[1]:
            missing.append(f"docs/{name}.md#{anchor}")
    return missing


def _without_code_blocks(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)


def _documents() -> dict[str, str]:
    return {path.stem: _read(path) for path in DOCS.glob("*.md")}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", DOCUMENTS)
def test_each_document_is_in_the_repository(name):
    assert (DOCS / f"{name}.md").is_file()


def test_every_cited_section_exists():
    documents = _documents()
    cited = {path: _read(path) for path in CITING}
    assert sum(len(_ANY.findall(text)) for text in cited.values()) >= 28
    missing = {
        str(path.relative_to(ROOT)): missing_citations(text, documents)
        for path, text in cited.items()
    }
    assert {path: items for path, items in missing.items() if items} == {}


def test_formats_refers_to_its_own_sections_only():
    text = (DOCS / "FORMATS.md").read_text(encoding="utf-8")
    numbers, _ = sections_of(text)
    assert numbers >= {"1.1", "1.3", "1.6", "1.9", "2", "3", "4.2", "5.1", "5.2", "6", "7.16"}
    assert sorted(set(_SECTION.findall(text)) - numbers) == []


def test_no_document_outside_the_repository_is_cited():
    """`../shared/real_data` (real files for tests) is not a document and may be named."""
    outside = re.compile(rf"\.\./shared/(?:{_NAME})\b")
    citing = [str(path.relative_to(ROOT)) for path in CITING if outside.search(_read(path))]
    assert citing == []


def test_the_package_cites_documents_by_their_place():
    """`FORMATS.md §1.6` alone names no file a reader of the clone can open."""
    bare = re.compile(rf"(?<![/\w])(?:{_NAME})\.md")
    package = sorted((ROOT / "analyzer").rglob("*.py"))
    assert [str(path.relative_to(ROOT)) for path in package if bare.search(_read(path))] == []


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        pytest.param("see [docs/FORMATS.md §1.6, §7.3]", [], id="two sections that exist"),
        pytest.param("[docs/FORMATS.md §1.6, §9.9]", ["docs/FORMATS.md §9.9"], id="one missing"),
        pytest.param("docs/DESIGN.md#the-tables", [], id="an anchor that exists"),
        pytest.param("docs/DESIGN.md#the-tablez", ["docs/DESIGN.md#the-tablez"], id="a typo"),
        pytest.param("docs/NOTES.md", ["docs/NOTES.md"], id="a document that does not exist"),
    ],
)
def test_a_citation_of_nothing_is_caught(text, missing):
    assert missing_citations(text, _documents()) == missing


def test_anchors_are_made_as_github_makes_them():
    assert anchor_of("How data flows") == "how-data-flows"
    assert anchor_of("1.6 Time and time zone") == "16-time-and-time-zone"
    assert anchor_of("`--profile`: one read") == "--profile-one-read"
