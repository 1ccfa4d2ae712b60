"""The instruments' wording, answers and bands, checked character by character against the reference.

The reference (``mi-reference.md`` section 7) is the source the definitions were copied from; parsing it
here catches a typo, a lost em dash or a missing question mark. Where the file is not present (a source
distribution without the shared docs), the comparison is skipped; the credit lines are checked anyway.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from oars.measures import GAD7, PHQ9, QUESTIONNAIRES, Questionnaire

REPO = Path(__file__).resolve().parents[2]
REFERENCE_CANDIDATES = (
    REPO / "docs" / "mi-reference.md",
    REPO.parent / "shared" / "docs" / "mi-reference.md",
)


@pytest.fixture(scope="module")
def section7() -> str:
    """Section 7 of the reference with its line wrapping undone."""
    path = next((candidate for candidate in REFERENCE_CANDIDATES if candidate.is_file()), None)
    if path is None:
        pytest.skip("mi-reference.md is not available")
    text = path.read_text(encoding="utf-8")
    return " ".join(text.split("## 7.")[1].split("## 8.")[0].split())


@pytest.fixture(scope="module")
def phq9_text(section7: str) -> str:
    return section7.split("**PHQ-9**")[1].split("**GAD-7**")[0]


@pytest.fixture(scope="module")
def gad7_text(section7: str) -> str:
    return section7.split("**GAD-7**")[1].split("**Readiness rulers**")[0]


def _items(listing: str) -> list[tuple[int, str]]:
    """``"1 Text · 2 Text"`` → ``[(1, "Text"), (2, "Text")]``."""
    items = []
    for entry in listing.split(" · "):
        number, text = entry.split(" ", 1)
        items.append((int(number), text))
    return items


def _bands(listing: str) -> list[tuple[int, int, str]]:
    """``"0–4 minimal, 5–9 mild"`` → ``[(0, 4, "minimal"), (5, 9, "mild")]``."""
    return [(int(low), int(high), label) for low, high, label in re.findall(r"(\d+)–(\d+) ([a-z ]+)", listing)]


def _as_items(questionnaire: Questionnaire) -> list[tuple[int, str]]:
    return [(item.number, item.text) for item in questionnaire.items]


def _as_bands(questionnaire: Questionnaire) -> list[tuple[int, int, str]]:
    return [(band.min, band.max, band.label) for band in questionnaire.bands]


def test_phq9_stem_matches_reference(phq9_text: str) -> None:
    assert PHQ9.stem == re.search(r'Stem: "(.*?)"', phq9_text).group(1)


def test_phq9_answers_match_reference(phq9_text: str) -> None:
    listing = re.search(r"Answers: (.*? = 3)\.", phq9_text).group(1)
    expected = [(label, int(value)) for label, value in (entry.split(" = ") for entry in listing.split(", "))]
    assert [(option.label, option.value) for option in PHQ9.options] == expected


def test_phq9_items_match_reference_character_for_character(phq9_text: str) -> None:
    listing = phq9_text.split(" = 3. ", 1)[1].split(". Difficulty item", 1)[0]
    assert _as_items(PHQ9) == _items(listing)


def test_phq9_item_8_keeps_its_question_mark_and_em_dash() -> None:
    assert "could have noticed? Or the opposite — being so fidgety" in PHQ9.items[7].text


def test_phq9_difficulty_item_matches_reference(phq9_text: str) -> None:
    match = re.search(r'Difficulty item \(not scored\): "(.*?)" — (.*?)\. Total', phq9_text)
    assert PHQ9.difficulty is not None
    assert PHQ9.difficulty.text == match.group(1)
    assert [option.label for option in PHQ9.difficulty.options] == match.group(2).split(" / ")
    assert [option.value for option in PHQ9.difficulty.options] == [0, 1, 2, 3]


def test_phq9_bands_match_reference(phq9_text: str) -> None:
    assert _as_bands(PHQ9) == _bands(re.search(r"Total 0–27: (.*?)\. ", phq9_text).group(1))


def test_gad7_items_match_reference_character_for_character(gad7_text: str) -> None:
    listing = gad7_text.split("Same stem and answers. ", 1)[1].split(". Total", 1)[0]
    assert _as_items(GAD7) == _items(listing)


def test_gad7_shares_the_phq9_stem_and_answers(gad7_text: str) -> None:
    assert "Same stem and answers." in gad7_text
    assert GAD7.stem == PHQ9.stem
    assert GAD7.options == PHQ9.options


def test_gad7_bands_match_reference(gad7_text: str) -> None:
    assert _as_bands(GAD7) == _bands(re.search(r"Total 0–21: (.*?)\. ", gad7_text).group(1))


def test_credit_lines_name_the_authors_and_the_free_use_terms() -> None:
    assert PHQ9.attribution == (
        "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an "
        "educational grant from Pfizer Inc. No permission required to reproduce, translate, display or "
        "distribute."
    )
    assert GAD7.attribution == (
        "Developed by Drs. Robert L. Spitzer, Kurt Kroenke, Janet B.W. Williams, Bernd Löwe and colleagues, "
        "with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display "
        "or distribute."
    )
    assert "Kroenke" in PHQ9.citation
    assert "Löwe" in GAD7.citation


def test_questionnaires_are_registered_by_id_and_read_only() -> None:
    assert dict(QUESTIONNAIRES) == {"phq9": PHQ9, "gad7": GAD7}
    with pytest.raises(TypeError):
        QUESTIONNAIRES["phq9"] = GAD7  # type: ignore[index]


def test_shape_of_each_instrument() -> None:
    assert (len(PHQ9.items), PHQ9.max_total, PHQ9.safety_item) == (9, 27, 9)
    assert (len(GAD7.items), GAD7.max_total, GAD7.safety_item) == (7, 21, None)
    assert GAD7.difficulty is None
