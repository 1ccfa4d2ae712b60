"""Crisis resources: right numbers per locale, never the retired US number, a clear error otherwise."""

from __future__ import annotations

import pytest

from oars.errors import ConfigError
from oars.safety import KNOWN_LOCALES, CrisisResources, ResourceLine, resources_for


def _all_text(resources: CrisisResources) -> str:
    lines = resources.lines + resources.abuse_lines
    return " ".join([resources.emergency, *(f"{line.name} {line.how} {line.detail}" for line in lines)])


def test_us_is_988_chat_and_911_with_abuse_lines() -> None:
    us = resources_for("US")
    assert ResourceLine("988 Suicide & Crisis Lifeline", "Call or text", "988") in us.lines
    assert str(us.lines[0]) == "Call or text 988 (988 Suicide & Crisis Lifeline)"
    assert any(line.detail == "988lifeline.org" for line in us.lines)
    assert "911" in us.emergency
    abuse = " ".join(str(line) for line in us.abuse_lines)
    assert "1-800-799-7233" in abuse and "START to 88788" in abuse and "1-800-422-4453" in abuse


@pytest.mark.parametrize(
    ("locale", "numbers"),
    [
        ("GB", ["116 123", "85258", "999"]),
        ("IE", ["116 123", "112", "999"]),
        ("CA", ["988", "911"]),
        ("AU", ["13 11 14", "000"]),
        ("NZ", ["1737", "111"]),
    ],
)
def test_each_locale_has_its_own_numbers(locale: str, numbers: list[str]) -> None:
    text = _all_text(resources_for(locale))
    assert all(number in text for number in numbers)


@pytest.mark.parametrize("locale", KNOWN_LOCALES)
def test_the_retired_lifeline_number_is_nowhere(locale: str) -> None:
    text = _all_text(resources_for(locale)).replace(" ", "").replace("-", "")
    assert "8002738255" not in text
    assert "273TALK" not in text.upper()


@pytest.mark.parametrize(("given", "expected"), [("us", "US"), ("en-GB", "GB"), ("en_AU", "AU"), ("UK", "GB")])
def test_locales_are_read_leniently(given: str, expected: str) -> None:
    assert resources_for(given).locale == expected


@pytest.mark.parametrize("locale", ["FR", "", "xx-YY", None])
def test_an_unknown_locale_is_a_config_error_listing_the_known_ones(locale: str) -> None:
    with pytest.raises(ConfigError) as raised:
        resources_for(locale)
    assert all(known in str(raised.value) for known in KNOWN_LOCALES)
