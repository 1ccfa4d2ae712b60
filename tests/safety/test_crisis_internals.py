"""The machinery under the detector: text normalisation, the rule index, evaluation, the public API."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import oars.safety
from oars.safety import CrisisCategory, CrisisDetector
from oars.safety.evaluation import Example, evaluate, load_examples, split_dev_held
from oars.safety.index import RuleIndex, heads, matches_at
from oars.safety.normalise import normalise, squeeze, squeeze_pattern
from oars.safety.patterns import RULES

DATA = Path(__file__).parent / "data"
TEXTS = [example.text for name in ("positives", "hard_negatives") for example in load_examples(DATA / f"{name}.jsonl")]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("I'm NOT okay!!! I want to k!ll myself 😭", "i am not okay . i want to kil myself"),
        ("i dont wanna be here anymoreee", "i do not want to be here anymore"),
        ("He'd kill me, she said", "he would kil me , she said"),
        ("Tonight’s the night", "tonights the night"),
        ("ki\u200bll myself", "kil myself"),
        ("ＫＩＬＬ su1c1dal", "kil suicidal"),
        ("i od'd", "i od"),
        ("frend is fittin after takin pills", "friend is fiting after taking pils"),
        ("i sh'd agian last nite", "i self harmed again last night"),
        ("a noose, soon", "a nose_ , son_"),
        ("", ""),
        ("?!? 💀 ...", "?"),
        # a transcript's stammer is said once; a hyphenated word stays two words
        ("and he-he's-he's just not sent me", "and he is just not sent me"),
        ("I-I-I can't", "i can not"),
        ("self-harm", "self harm"),
    ],
)
def test_normalise(text: str, canonical: str) -> None:
    assert normalise(text).text == canonical


def test_normalised_spans_point_back_to_the_original_words() -> None:
    text = "Honestly?? I DON'T want to   kill myself… much"
    norm = normalise(text)
    start = norm.text.index("do not")
    begin, end = norm.original_span(start, norm.text.index("myself") + len("myself"))
    assert text[begin:end] == "DON'T want to   kill myself"


def test_squeezing_patterns_leaves_escapes_alone() -> None:
    assert squeeze("kill   soooo") == "kil   so"
    assert squeeze_pattern(r"\bbetter\s+off") == r"\bbeter\s+of"


def test_every_shipped_rule_has_heads_so_long_pastes_stay_fast() -> None:
    assert all(heads(rule.pattern) for rule in RULES)


def test_a_small_character_class_counts_as_its_characters_a_wide_one_as_unknown() -> None:
    assert heads(re.compile(r"(?:[1-9]\d+|ten) pils")) == {*"123456789", "ten "}
    assert heads(re.compile(r"[a-z]+ pils")) is None
    assert heads(re.compile(r"[^a] pils")) is None


def test_the_index_finds_every_match_a_full_search_finds() -> None:
    index = RuleIndex(RULES)
    for text in TEXTS:
        canonical = normalise(text).text
        starts = (0, *(i + 1 for i, char in enumerate(canonical) if char == " "))
        candidates = index.candidates(canonical, starts)
        for number, rule in enumerate(RULES):
            full = {match.start() for match in matches_at(rule.pattern, canonical, None)}
            fast = {match.start() for match in matches_at(rule.pattern, canonical, candidates.get(number, []))}
            assert full <= fast, (rule.reason, text)


def test_evaluation_scores_a_detector(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    rows = [
        {"text": "I want to die", "category": "suicide", "note": ""},
        {"text": "my feet are killing me", "category": None, "note": "idiom"},
        {"text": "he hits me", "category": "abuse"},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n", encoding="utf-8")
    examples = load_examples(path)
    assert examples[1] == Example("my feet are killing me", None, "idiom")
    assert split_dev_held(examples) == ((examples[0], examples[2]), (examples[1],))
    result = evaluate(CrisisDetector(), examples)
    assert (result.recall, result.false_alarm_rate, result.category_accuracy) == (1.0, 0.0, 1.0)
    assert result.recall_by_category[CrisisCategory.ABUSE] == 1.0


def test_a_malformed_evaluation_line_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "x", "category": null}\n{"text": "y", "category": "sadness"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl, line 2"):
        load_examples(path)


def test_the_public_api_exists_once_each() -> None:  # its order is ruff's (RUF022)
    assert len(set(oars.safety.__all__)) == len(oars.safety.__all__)
    assert all(hasattr(oars.safety, name) for name in oars.safety.__all__)


def test_a_stammer_does_not_sound_like_an_account_of_abuse() -> None:
    """An AnnoMI client on her doctor ("and he-he's-he's just not sent me for anymore") got the abuse
    resources: read as "he he is he is", the stammer sounded to the learned screen like a list of what he does."""
    from oars.safety import default_detector

    assert not default_detector().assess("-and he-he's-he's just not sent me for anymore. That's it now-").is_crisis
