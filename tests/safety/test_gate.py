"""The gate in front of the learned screen: ordinary chat that merely resembles a risk statement stays
quiet, every risk statement the screen learnt from still reaches it, and the rules are never gated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oars.safety import default_detector
from oars.safety.detector import CrisisDetector
from oars.safety.evaluation import DEVELOPMENT_SETS
from oars.safety.gate import names_risk

ROOT = Path(__file__).resolve().parents[2]
TRAINING_POSITIVES = (
    ROOT / "tests" / "safety" / "data" / "positives.jsonl",
    ROOT / "tests" / "safety" / "data" / "tuning_probes.jsonl",
    ROOT / "data" / "crisis" / "screen_train_positives.jsonl",
    *(ROOT / "data" / name / "positives.jsonl" for name in DEVELOPMENT_SETS),
)
# Lines from the scripted clients that the learned screen alone scored as risk (p >= 0.97) before the gate.
ORDINARY_CHAT = [
    "I don't know. I'll have to think about it.",
    "ok i think im going to message sam now and ask if hell meet me outside",
    "when i do go my face goes bright red and i think everyone can see it and then i cant think",
    "What bothers me is my son. He's 8 and he's getting the same way. Hides behind me at birthday parties.",
    "my sister keeps calling and I keep letting it go to voicemail because I don't want her to hear how I sound",
    "honestly the weekend i want to keep as it is",
    "idk why i havent rung. i keep meaning to",
    "My husband keeps saying I should see someone. My insurance covers it, sort of, 40 dollar copay.",
    "im on sertraline, have been for about a year for anxiety and low mood. and i keep missing doses",
]


@pytest.mark.parametrize("line", ORDINARY_CHAT)
def test_ordinary_chat_that_resembles_risk_does_not_fire(line: str) -> None:
    assert not names_risk(line)
    assert not default_detector().assess(line).is_crisis


def test_a_scripted_clients_health_worry_past_the_gate_does_not_fire() -> None:
    # "the day" opens the gate; the n-gram screen retrained without the scripts' lines scored it 0.98
    line = "My heart does this fluttery thing the day after sometimes. I looked it up and then stopped looking it up"
    assert names_risk(line)
    assert not default_detector().assess(line).is_crisis


def test_every_risk_statement_the_screen_learnt_from_passes_the_gate() -> None:
    statements = [
        record["text"]
        for path in TRAINING_POSITIVES
        for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())
        if record.get("category")
    ]
    assert len(statements) > 1500
    assert [s for s in statements if not names_risk(s)] == []


@pytest.mark.parametrize(
    "indirect",
    [
        "found a new home for my cat, she deserves someone who'll be around",
        "i've written letters to everyone, they'll understand one day",
        "everyone would be better off without me",
        "my thigh's a barcode again",
        "ive been saving up my tablets",
        "ive been skipping my pills so i can take them all at once",
    ],
)
def test_indirect_risk_still_reaches_the_screen(indirect: str) -> None:
    assert names_risk(indirect)


def test_the_rules_are_never_gated() -> None:
    rules_only = CrisisDetector()
    for line in ("kms", "i want to unalive myself", "gonna end it all"):
        assert rules_only.assess(line).is_crisis == default_detector().assess(line).is_crisis
