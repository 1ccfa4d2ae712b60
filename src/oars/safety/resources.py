"""Crisis resources per locale, as data: who to call or text, and the emergency number.

Numbers are each service's published details as of 2025; services change, so review them yearly.
The US National Suicide Prevention Lifeline's old number 1-800-273-8255 was retired in favour of 988 and
must never appear here (a test guards it). ``abuse_lines`` are added to the reply when the client
describes being harmed by someone.
"""

from __future__ import annotations

from dataclasses import dataclass

from oars.errors import ConfigError

__all__ = ["KNOWN_LOCALES", "CrisisResources", "ResourceLine", "resources_for"]


@dataclass(frozen=True, slots=True)
class ResourceLine:
    """One service: ``how`` to reach it ("Call or text"), the ``detail`` (a number, a site)."""

    name: str
    how: str
    detail: str

    def __str__(self) -> str:
        return f"{self.how} {self.detail} ({self.name})"


@dataclass(frozen=True, slots=True)
class CrisisResources:
    """Everything the safety reply may point a client in ``locale`` to."""

    locale: str
    lines: tuple[ResourceLine, ...]
    emergency: str
    abuse_lines: tuple[ResourceLine, ...] = ()


_RESOURCES = {
    "US": CrisisResources(
        "US",
        (
            ResourceLine("988 Suicide & Crisis Lifeline", "Call or text", "988"),
            ResourceLine("988 Lifeline chat", "Chat at", "988lifeline.org"),
        ),
        "Call 911 if you are in immediate danger.",
        (
            ResourceLine("National Domestic Violence Hotline", "Call", "1-800-799-7233 or text START to 88788"),
            ResourceLine("Childhelp National Child Abuse Hotline", "Call", "1-800-422-4453"),
        ),
    ),
    "GB": CrisisResources(
        "GB",
        (
            ResourceLine("Samaritans", "Call", "116 123"),
            ResourceLine("Shout", "Text", "SHOUT to 85258"),
        ),
        "Call 999 if you are in immediate danger.",
        (
            ResourceLine("National Domestic Abuse Helpline", "Call", "0808 2000 247"),
            ResourceLine("Childline", "Call", "0800 1111"),
        ),
    ),
    "IE": CrisisResources(
        "IE",
        (
            ResourceLine("Samaritans", "Call", "116 123"),
            ResourceLine("Text About It", "Text", "HELLO to 50808"),
        ),
        "Call 112 or 999 if you are in immediate danger.",
        (
            ResourceLine("Women's Aid", "Call", "1800 341 900"),
            ResourceLine("Childline", "Call", "1800 66 66 66"),
        ),
    ),
    "CA": CrisisResources(
        "CA",
        (ResourceLine("9-8-8 Suicide Crisis Helpline", "Call or text", "988"),),
        "Call 911 if you are in immediate danger.",
        (ResourceLine("Kids Help Phone", "Call", "1-800-668-6868 or text CONNECT to 686868"),),
    ),
    "AU": CrisisResources(
        "AU",
        (
            ResourceLine("Lifeline", "Call", "13 11 14"),
            ResourceLine("Lifeline text", "Text", "0477 13 11 14"),
        ),
        "Call 000 if you are in immediate danger.",
        (
            ResourceLine("1800RESPECT", "Call", "1800 737 732"),
            ResourceLine("Kids Helpline", "Call", "1800 55 1800"),
        ),
    ),
    "NZ": CrisisResources(
        "NZ",
        (
            ResourceLine("Need to talk?", "Call or text", "1737"),
            ResourceLine("Lifeline Aotearoa", "Call", "0800 543 354"),
        ),
        "Call 111 if you are in immediate danger.",
        (ResourceLine("Women's Refuge", "Call", "0800 733 843"),),
    ),
}
_ALIASES = {"UK": "GB"}

KNOWN_LOCALES: tuple[str, ...] = tuple(sorted(_RESOURCES))


def resources_for(locale: str) -> CrisisResources:
    """The resources for a country code ("US", "gb") or language tag ("en-GB", "en_AU").

    Raises :class:`~oars.errors.ConfigError` naming the known locales when there are none for ``locale``:
    a crisis reply must never go out with another country's numbers.
    """
    region = str(locale or "").strip().replace("_", "-").split("-")[-1].upper()
    region = _ALIASES.get(region, region)
    if region not in _RESOURCES:
        known = ", ".join(KNOWN_LOCALES)
        raise ConfigError(f"no crisis resources for locale {locale!r}; known locales: {known}")
    return _RESOURCES[region]
