"""Personas: the simulated clients of ``oars practice``, written as YAML files a trainer can edit.

A persona is data, not code, so that a trainer can add a client for their own service without a
programmer (the format is documented in ``docs/personas.md``). Files are untrusted input: every problem
is reported as ``file, line N: field: what is wrong`` and raised as :class:`PersonaError`, never as a
traceback, and the loader refuses what YAML allows but a persona never needs (anchors and aliases, which
can blow up in size; duplicate keys, which YAML silently drops).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictInt, ValidationError, field_validator

from oars.errors import OarsError
from oars.understand.lexicon import TOPICS

__all__ = [
    "MAX_PERSONA_BYTES",
    "ChangeTalk",
    "HiddenConcern",
    "Item",
    "Persona",
    "PersonaError",
    "Stage",
    "Style",
    "Voice",
    "find_persona",
    "load_persona",
    "parse_persona",
    "shipped_personas",
]

MAX_PERSONA_BYTES = 256 * 1024  # a persona is a page of text; anything bigger is a mistake
_FOCUS_KEYS = tuple(topic.key for topic in TOPICS)


class PersonaError(OarsError, ValueError):
    """A persona file could not be read or is not a valid persona (the message names file and field)."""


class Stage(StrEnum):
    """Stage of change (transtheoretical model): how far the person already is towards changing."""

    PRECONTEMPLATION = "precontemplation"
    CONTEMPLATION = "contemplation"
    PREPARATION = "preparation"
    ACTION = "action"
    MAINTENANCE = "maintenance"


class Style(StrEnum):
    """How the persona talks: ``terse`` short answers, ``rambling`` long ones, ``chat`` lower-case texting."""

    PLAIN = "plain"
    TERSE = "terse"
    RAMBLING = "rambling"
    CHAT = "chat"


Text = Annotated[str, Field(min_length=1, max_length=600)]
Short = Annotated[str, Field(min_length=1, max_length=80)]


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Item(_Schema):
    """One thing the persona can say. ``about`` names it briefly ("the night shifts") so that the client
    can refer back to it later and match it to what the clinician asks."""

    text: Text
    about: Short | None = None


def _items(value: Any) -> Any:
    """Plain strings are items without ``about``: most lines in a file are just text."""
    if isinstance(value, list):
        return [{"text": v} if isinstance(v, str) else v for v in value]
    return value


class Voice(_Schema):
    """Speech style, and the persona's own fillers and ways of saying yes and no (defaults exist)."""

    style: Style = Style.PLAIN
    fillers: tuple[Short, ...] = ()
    agree: tuple[Short, ...] = ()
    disagree: tuple[Short, ...] = ()


class ChangeTalk(_Schema):
    """Reasons for change by DARN-CAT category, each in the persona's own words."""

    desire: tuple[Item, ...] = Field(min_length=1)
    ability: tuple[Item, ...] = Field(min_length=1)
    reasons: tuple[Item, ...] = Field(min_length=1)
    need: tuple[Item, ...] = Field(min_length=1)
    commitment: tuple[Item, ...] = ()
    steps: tuple[Item, ...] = ()

    @field_validator("desire", "ability", "reasons", "need", "commitment", "steps", mode="before")
    @classmethod
    def _plain_items(cls, value: Any) -> Any:
        return _items(value)


class HiddenConcern(_Schema):
    """What the persona does not say until the clinician has earned it by listening (see ``state.py``)."""

    hint: Text
    disclosure: Text
    about: Short | None = None


class Persona(_Schema):
    """A simulated client. ``id`` is the file name without ``.yaml``; everything else is in the file."""

    id: str
    name: Short
    age: StrictInt = Field(ge=12, le=110)
    pronouns: Short | None = None
    topic: Short
    focus: Short | None = None
    behaviour: Short
    situation: Text
    background: Text
    stage: Stage
    receptivity: float = Field(ge=0.0, le=1.0)
    voice: Voice = Voice()
    openings: tuple[Item, ...] = Field(min_length=1)
    details: tuple[Item, ...] = Field(min_length=3)
    values: tuple[Short, ...] = Field(min_length=1)
    change_talk: ChangeTalk
    sustain_talk: tuple[Item, ...] = Field(min_length=3)
    hidden_concern: HiddenConcern
    discord: tuple[Text, ...] = ()

    @field_validator("openings", "details", "sustain_talk", mode="before")
    @classmethod
    def _plain_items(cls, value: Any) -> Any:
        return _items(value)

    @field_validator("receptivity", mode="before")
    @classmethod
    def _number(cls, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"expected a number from 0 to 1, got {_describe(value)}")
        return value

    @field_validator("focus")
    @classmethod
    def _known_focus(cls, value: str | None) -> str | None:
        if value is not None and value not in _FOCUS_KEYS:
            raise ValueError(f"unknown focus {value!r}; choose one of {', '.join(_FOCUS_KEYS)} (or leave it out)")
        return value

    def public(self) -> dict[str, Any]:
        """What a clinician may see before the session (the persona card): never the hidden concern."""
        return {
            "id": self.id,
            "name": self.name,
            "age": self.age,
            "pronouns": self.pronouns,
            "topic": self.topic,
            "situation": self.situation,
        }


# ----------------------------------------------------------------------------------------------------
# Loading
# ----------------------------------------------------------------------------------------------------


def load_persona(path: str | Path) -> Persona:
    """Read and validate one persona file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PersonaError(f"{path}: cannot read the persona file: {error.strerror or error}") from None
    return parse_persona(raw, source=str(path), persona_id=path.stem.lower())


def parse_persona(raw: bytes, *, source: str, persona_id: str) -> Persona:
    """Validate persona YAML (``source`` names it in error messages)."""
    if len(raw) > MAX_PERSONA_BYTES:
        raise PersonaError(f"{source}: the file is {len(raw)} bytes; a persona may be at most {MAX_PERSONA_BYTES}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise PersonaError(
            f"{source}, line {line}: not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8"
        ) from None
    node, data = _read_yaml(text, source)
    if not isinstance(data, dict):
        raise PersonaError(f"{source}: a persona file is a set of 'field: value' lines, got {_describe(data)}")
    if "id" in data:
        raise PersonaError(f"{source}, line {_line(node, ('id',))}: id: remove it; a persona's id is its file name")
    try:
        return Persona.model_validate({"id": persona_id, **data})
    except ValidationError as error:
        problems = [_problem(e, node, source) for e in error.errors()]
        raise PersonaError("\n".join(problems)) from None


@cache
def shipped_personas() -> Mapping[str, Persona]:
    """The personas that come with oars, by id (loaded and validated once per process)."""
    folder = resources.files("oars.practice") / "personas"
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            persona_id = entry.name.removesuffix(".yaml")
            found[persona_id] = parse_persona(entry.read_bytes(), source=entry.name, persona_id=persona_id)
    return found


def find_persona(name: str) -> Persona:
    """A shipped persona by id (or first name), or a persona file by path."""
    if name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name:
        return load_persona(name)
    shipped = shipped_personas()
    key = name.strip().lower()
    if key in shipped:
        return shipped[key]
    by_name = [p for p in shipped.values() if p.name.lower() == key]
    if len(by_name) == 1:
        return by_name[0]
    close = difflib.get_close_matches(key, list(shipped), n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise PersonaError(
        f"unknown persona {name!r}.{hint} Available: {', '.join(shipped)} (or give the path to a .yaml file)"
    )


# ----------------------------------------------------------------------------------------------------
# YAML with the features a persona never needs switched off
# ----------------------------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases (``&a`` / ``*a``): a few lines of them can expand to
    gigabytes, and a persona has no use for them."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.MarkedYAMLError(problem="aliases (*name) are not allowed in a persona file", problem_mark=mark)
        return super().compose_node(parent, index)


def _read_yaml(text: str, source: str) -> tuple[yaml.Node | None, Any]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        _check_duplicates(node, source)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f", line {mark.line + 1}" if mark is not None else ""
        raise PersonaError(f"{source}{where}: not valid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise PersonaError(f"{source}: not valid YAML: {error}") from None
    finally:
        loader.dispose()
    return node, data


def _check_duplicates(node: yaml.Node | None, source: str) -> None:
    """YAML keeps only the last of two equal keys; a trainer who wrote both would lose text silently."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key, value in node.value:
            if key.value in seen:
                raise PersonaError(
                    f"{source}, line {key.start_mark.line + 1}: {key.value}: written twice "
                    f"(first on line {seen[key.value]}); keep one"
                )
            seen[key.value] = key.start_mark.line + 1
            _check_duplicates(value, source)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_duplicates(item, source)


# ----------------------------------------------------------------------------------------------------
# Error messages a trainer can act on
# ----------------------------------------------------------------------------------------------------

_FIELDS: dict[str, type[BaseModel]] = {
    "": Persona,
    "voice": Voice,
    "change_talk": ChangeTalk,
    "hidden_concern": HiddenConcern,
}


def _problem(error: Any, node: yaml.Node | None, source: str) -> str:
    loc = tuple(error["loc"])
    line = _line(node, loc)
    where = f"{source}, line {line}" if line else source
    return f"{where}: {_path(loc)}: {_message(error, loc)}"


def _path(loc: tuple[Any, ...]) -> str:
    """``("change_talk", "desire", 2)`` -> ``change_talk.desire, item 3``; ``("details", 0, "abot")`` ->
    ``details, item 1, abot`` (items counted from 1, as a trainer counts the ``-`` lines)."""
    text, after_item = "", False
    for part in loc:
        if _is_index(part):
            text += f", item {part + 1}"
            after_item = True
        else:
            text += (", " if after_item else "." if text else "") + _key_name(part)
            after_item = False
    return text or "(file)"


def _is_index(part: Any) -> bool:
    return isinstance(part, int) and not isinstance(part, bool)


def _key_name(part: Any) -> str:
    return str(part).lower() if isinstance(part, bool) else str(part)


def _message(error: Any, loc: tuple[Any, ...]) -> str:
    kind, value = error["type"], error.get("input")
    if kind == "invalid_key":
        return "a field name must be text (YAML reads yes/no/on/off as true/false: put the name in quotes)"
    if kind == "missing":
        return "missing (this field is required)"
    if kind == "extra_forbidden":
        parent = ".".join(str(p) for p in loc[:-1] if isinstance(p, str))
        known = [f for f in (_FIELDS.get(parent) or Item).model_fields if f != "id"]
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return f"unknown field; {hint}known fields here: {', '.join(known)}"
    if kind == "string_type":
        extra = (
            " (YAML reads yes/no/true/false/on/off as true or false: put the text in quotes)"
            if isinstance(value, bool)
            else ""
        )
        return f"expected text, got {_describe(value)}{extra}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {_describe(value)}"
    if kind in ("tuple_type", "list_type"):
        return f"expected a list ('- ' lines), got {_describe(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected text or indented 'field: value' lines, got {_describe(value)}"
    if kind == "too_short":
        minimum = error.get("ctx", {}).get("min_length", 1)
        if isinstance(value, str):
            return "must not be empty"
        return f"needs at least {minimum} item{'s' if minimum != 1 else ''}"
    if kind == "too_long":
        return f"too long (at most {error.get('ctx', {}).get('max_length')} characters)"
    if kind == "enum":
        return f"{value!r} is not one of: {error.get('ctx', {}).get('expected', '').replace(chr(39), '')}"
    return re.sub(r"^Value error, ", "", str(error["msg"]))


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return f"text ({value!r})" if isinstance(value, str) else type(value).__name__


def _line(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of the deepest part of ``loc`` found in the YAML tree (where to look for the error)."""
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
