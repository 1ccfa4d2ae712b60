"""The web app's errors, each with the HTTP status it becomes.

The repository raises these; ``main`` turns them into a JSON error (``/api``) or an HTML page. Object-level
denials are ``NotFound``, never ``Forbidden``: a clinician must not learn that another clinician's client
exists by getting a different answer for it than for an id that exists nowhere. ``Forbidden`` is only for
a role that may never use a route at all, which says nothing about any object.
"""

from __future__ import annotations

from oars.errors import OarsError

__all__ = ["Conflict", "Forbidden", "Invalid", "NotAuthenticated", "NotFound", "RateLimited", "TooLarge", "WebError"]


class WebError(OarsError):
    """An error with an HTTP status; its message is safe to show (it never holds clinical text)."""

    status = 500


class NotAuthenticated(WebError):
    status = 401


class Forbidden(WebError):
    status = 403


class NotFound(WebError):
    status = 404

    def __init__(self, what: str = "not found") -> None:
        super().__init__(what)


class Conflict(WebError):
    status = 409


class Invalid(WebError):
    status = 400


class TooLarge(WebError):
    status = 413


class RateLimited(WebError):
    status = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after
