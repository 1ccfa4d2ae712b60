"""What user-supplied strings must look like before they reach the database.

PostgreSQL refuses a NUL character in any text (and ``\\u0000`` in JSON), so text that a person typed is
cleaned of control characters (line breaks and tabs are kept), and anything offered as an id must be an
id: every id oars makes is 32 lowercase hex digits (uuid4), so nothing else can name an object.
"""

from __future__ import annotations

import re

__all__ = ["clean", "is_id"]

_ID = re.compile(r"[0-9a-f]{32}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def is_id(value: str) -> bool:
    """Whether ``value`` could be an id oars made (a uuid4 as 32 lowercase hex digits)."""
    return _ID.fullmatch(value) is not None


def clean(text: str) -> str:
    """``text`` without control characters other than line breaks and tabs."""
    return _CONTROL.sub("", text)
