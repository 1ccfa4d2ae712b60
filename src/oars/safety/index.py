"""Which rules can start at which word — so a long paste costs milliseconds, not a tenth of a second.

``re.search`` tries a pattern at (nearly) every position of the text; a hundred-odd rules over a
10,000-character paste add up to tens of milliseconds of attempts. But a rule can only match at the start
of a word, and only at a word beginning with one of a few strings ("kil", "wan", "sel"…). This module
works those *heads* out once, from the compiled patterns, and tries each rule only where its heads occur.

Working out the heads reads the pattern's syntax tree through ``re._parser`` (CPython's own parser). If
that ever fails or the pattern starts with something open-ended (``\\w+``), the rule is simply searched
in full: the index can make detection faster, never different (a test holds it to that). A small character
class (``[1-9]``, for a count of pills) counts as its characters.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

__all__ = ["RuleIndex"]

_HEAD = 4  # characters of a head: enough to be selective, few enough to stay exact

try:  # CPython's own regex parser; private, hence the fallback to full search below.
    from re import _constants as _c
    from re import _parser as _parse
except ImportError:  # pragma: no cover - other interpreters
    _parse = None

_State = frozenset[tuple[str, bool]]  # (text so far, can the pattern still continue it?)


def heads(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Non-empty strings of which every match of ``pattern`` starts with one; ``None`` if unknowable."""
    if _parse is None:  # pragma: no cover
        return None
    try:
        states = _sequence(list(_parse.parse(pattern.pattern, pattern.flags)), _HEAD)
    except Exception:  # any surprise in a private API means: search this rule in full
        return None
    found = frozenset(text for text, _ in states)
    return None if not found or "" in found else found


def _sequence(items: list[tuple[object, object]], limit: int) -> _State:
    """The possible beginnings of a sequence of pattern items, up to ``limit`` characters."""
    states: set[tuple[str, bool]] = {("", True)}
    for op, arg in items:
        following: set[tuple[str, bool]] = set()
        for text, open_ in states:
            options = _item(op, arg, limit - len(text)) if open_ and len(text) < limit else None
            if options is None:
                following.add((text, False))
            else:
                following.update((text + more, still_open) for more, still_open in options)
        states = following
    return frozenset(states)


def _item(op: object, arg: object, limit: int) -> _State | None:
    """What one pattern item can contribute to a beginning; ``None`` when it cannot be known."""
    if op is _c.LITERAL:
        return frozenset({(chr(arg), True)})  # type: ignore[arg-type]
    if op is _c.IN:  # a small class such as [1-9]: each of its characters
        chars = _characters(arg)  # type: ignore[arg-type]
        return None if chars is None else frozenset((char, True) for char in chars)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({("", True)})
    if op is _c.SUBPATTERN:
        return _sequence(list(arg[-1]), limit)  # type: ignore[index]
    if op is _c.BRANCH:
        return frozenset().union(*(_sequence(list(branch), limit) for branch in arg[1]))  # type: ignore[index]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        low, _, body = arg  # type: ignore[misc]
        once = frozenset((text, False) for text, _ in _sequence(list(body), limit))
        return once | {("", True)} if low == 0 else once
    return None


_MAX_CLASS = 10  # a wider class ([a-z], \w) says too little about a match to be worth indexing


def _characters(items: list[tuple[object, object]]) -> frozenset[str] | None:
    """The characters a small, plain class matches; ``None`` for a negated, wide or unusual one."""
    chars: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            chars.add(chr(arg))  # type: ignore[arg-type]
        elif op is _c.RANGE:
            low, high = arg  # type: ignore[misc]
            chars.update(map(chr, range(low, high + 1)))
        else:
            return None
    return frozenset(chars) if len(chars) <= _MAX_CLASS else None


class RuleIndex:
    """Rules (anything with a compiled ``pattern``) grouped by the heads they can start with."""

    def __init__(self, rules: Sequence[object]) -> None:
        self._by_head: dict[str, list[int]] = defaultdict(list)
        self._always: list[int] = []
        for number, rule in enumerate(rules):
            rule_heads = heads(rule.pattern)  # type: ignore[attr-defined]
            if rule_heads is None:
                self._always.append(number)
            else:
                for head in rule_heads:
                    self._by_head[head].append(number)
        # Nearly every head is _HEAD long; the few shorter ones ("kms") are looked up separately.
        self._short = sorted({len(head) for head in self._by_head if len(head) < _HEAD})
        self._short_initials = frozenset(head[0] for head in self._by_head if len(head) < _HEAD)

    def candidates(self, text: str, word_starts: Sequence[int]) -> dict[int, list[int] | None]:
        """For each rule number worth trying, the word starts to try it at (``None``: search everywhere)."""
        by_head = self._by_head
        hits = [(start, head) for start in word_starts if (head := text[start : start + _HEAD]) in by_head]
        hits += [
            (start, text[start : start + length])
            for start in word_starts
            if text[start : start + 1] in self._short_initials
            for length in self._short
            if text[start : start + length] in by_head
        ]
        found: dict[int, list[int] | None] = dict.fromkeys(self._always)
        for start, head in hits:
            for number in by_head[head]:
                found.setdefault(number, []).append(start)  # type: ignore[union-attr]
        return found


def matches_at(pattern: re.Pattern[str], text: str, starts: Sequence[int] | None) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` at ``starts`` (each a word start), or at every word start if ``None``."""
    if starts is not None:
        for start in starts:
            match = pattern.match(text, start)
            if match is not None:
                yield match
        return
    position = 0
    while (match := pattern.search(text, position)) is not None:
        if match.start() == 0 or text[match.start() - 1] == " ":
            yield match
            position = max(match.end(), match.start() + 1)
        else:
            position = match.start() + 1
