"""Persona files: the shipped ones validate, and a trainer's mistakes give clear errors, never tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from oars.practice import PersonaError, Stage, find_persona, load_persona, shipped_personas
from oars.practice.persona import MAX_PERSONA_BYTES, parse_persona
from oars.practice.speech import compile_fragments
from oars.safety import CrisisDetector

PERSONAS = Path(__file__).parents[2] / "src" / "oars" / "practice" / "personas"
REQUIRED_TOPICS = {
    "anxiety",
    "low_mood",
    "drinking",
    "smoking",
    "vaping",
    "cannabis",
    "diabetes",
    "medication",
    "exercise",
    "gambling",
}


@pytest.fixture
def valid() -> dict:
    return yaml.safe_load((PERSONAS / "heavy-drinking.yaml").read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict | str, name: str = "trainer.yaml") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(PersonaError) as caught:
        load_persona(path)
    return str(caught.value)


# --- the shipped personas ----------------------------------------------------------------------------------


def test_at_least_ten_personas_cover_the_issue_topics() -> None:
    personas = shipped_personas()
    assert len(personas) >= 10
    assert {p.focus for p in personas.values()} >= REQUIRED_TOPICS
    assert any(p.stage is Stage.PRECONTEMPLATION for p in personas.values())


@pytest.mark.parametrize("path", sorted(PERSONAS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_shipped_persona_validates(path: Path) -> None:
    persona = load_persona(path)
    assert persona.id == path.stem
    assert persona.hidden_concern.disclosure not in str(persona.public())
    for darn in ("desire", "ability", "reasons", "need"):
        assert getattr(persona.change_talk, darn), darn


@pytest.mark.parametrize("persona", list(shipped_personas().values()), ids=lambda p: p.id)
def test_no_persona_says_anything_the_crisis_detector_flags(persona) -> None:  # type: ignore[no-untyped-def]
    detector = CrisisDetector()
    texts = [f.text for pool in compile_fragments(persona).values() for f in pool]
    texts += [persona.hidden_concern.hint, persona.hidden_concern.disclosure, *persona.discord]
    flagged = [t for t in texts if detector.assess(t).is_crisis]
    assert not flagged


# --- finding personas ----------------------------------------------------------------------------------------


def test_find_by_id_name_and_path(tmp_path: Path, valid: dict) -> None:
    assert find_persona("heavy-drinking").name == "Tom"
    assert find_persona("Tom").id == "heavy-drinking"
    assert find_persona(str(write(tmp_path, valid, "my-client.yaml"))).id == "my-client"


def test_unknown_persona_lists_the_available_ones() -> None:
    with pytest.raises(PersonaError) as caught:
        find_persona("heavy-drinkin")
    message = str(caught.value)
    assert "unknown persona 'heavy-drinkin'" in message
    assert "Did you mean 'heavy-drinking'?" in message
    assert all(name in message for name in shipped_personas())


# --- a trainer's mistakes --------------------------------------------------------------------------------------


def test_missing_field_names_file_and_field(tmp_path: Path, valid: dict) -> None:
    del valid["hidden_concern"]
    message = error_of(write(tmp_path, valid))
    assert "trainer.yaml" in message
    assert "hidden_concern: missing (this field is required)" in message


def test_wrong_type_names_the_item_and_its_line(tmp_path: Path, valid: dict) -> None:
    valid["change_talk"]["desire"][1] = 42
    path = write(tmp_path, valid)
    message = error_of(path)
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if text.strip() == "- 42")
    assert f"trainer.yaml, line {line}: change_talk.desire, item 2: expected text" in message


def test_yes_read_as_true_gets_a_hint_about_quotes(tmp_path: Path, valid: dict) -> None:
    text = yaml.safe_dump(valid, sort_keys=False).replace("name: Tom", "name: yes")
    message = error_of(write(tmp_path, text))
    assert "name: expected text, got true/false (true)" in message
    assert "quotes" in message


def test_unknown_key_suggests_the_right_one(tmp_path: Path, valid: dict) -> None:
    valid["sustain_tlak"] = valid.pop("sustain_talk")
    message = error_of(write(tmp_path, valid))
    assert "sustain_tlak: unknown field; did you mean 'sustain_talk'?" in message


def test_out_of_range_and_bad_choice(tmp_path: Path, valid: dict) -> None:
    valid["receptivity"] = 1.5
    valid["stage"] = "thinking about it"
    valid["focus"] = "golf"
    message = error_of(write(tmp_path, valid))
    assert "receptivity: Input should be less than or equal to 1" in message
    assert "stage: 'thinking about it' is not one of: precontemplation" in message
    assert "focus: unknown focus 'golf'" in message


def test_bad_yaml_gives_the_line(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "name: Tom\nage: 47\nsituation: [unclosed\n"))
    assert message.startswith(f"{tmp_path / 'trainer.yaml'}, line ")
    assert "not valid YAML" in message


def test_non_utf8_gives_the_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: Tom\nsituation: café\n".encode("latin-1"))
    assert error_of(path) == f"{path}, line 2: not UTF-8 text (byte 0xe9); save the file as UTF-8"


def test_duplicate_key_is_refused(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "name: Tom\nage: 47\nname: Tim\n"))
    assert "line 3: name: written twice (first on line 1)" in message


def test_aliases_are_refused(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "openings: &a [x]\ndetails: *a\n"))
    assert "aliases (*name) are not allowed" in message


def test_not_a_mapping_id_field_and_size(tmp_path: Path, valid: dict) -> None:
    assert "a persona file is a set of 'field: value' lines, got a list" in error_of(write(tmp_path, "- a\n- b\n"))
    valid["id"] = "x"
    assert "id: remove it" in error_of(write(tmp_path, valid))
    with pytest.raises(PersonaError, match="at most"):
        parse_persona(b"#" * (MAX_PERSONA_BYTES + 1), source="big.yaml", persona_id="big")


def test_missing_file(tmp_path: Path) -> None:
    assert "cannot read the persona file" in error_of(tmp_path / "nope.yaml")
