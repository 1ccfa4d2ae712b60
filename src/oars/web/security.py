"""The security primitives: argon2id passwords, random tokens and their hashes, CSRF tokens, cookies.

Pure functions and one small class, no database: the repository stores what these produce, the
dependencies in ``deps`` apply them to requests. Keeping them here lets the tests check each rule alone.

* Passwords: argon2id (the argon2-cffi default type) with the cost from ``Settings``; a hash made with an
  older cost is re-made at the next successful login.
* Tokens (login sessions, access tokens, invites): 32 random bytes, URL-safe; the database keeps only
  their SHA-256. They are too long to guess, so a slow hash would add nothing but latency.
* CSRF: a cookie-authenticated unsafe request must carry ``HMAC(secret, session token)`` in the
  ``X-CSRF-Token`` header or a ``csrf_token`` form field (a synchroniser token that needs no storage).
  Before login (the login and invite forms) the same is done against a random pre-session cookie.
  Requests authenticated by a bearer token carry no ambient credential and are exempt.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.requests import Request
from starlette.responses import Response

from oars.web.settings import Settings

__all__ = [
    "ACCESS_TOKEN_PREFIX",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "MIN_PASSWORD_LENGTH",
    "PRE_SESSION_COOKIE",
    "SESSION_COOKIE",
    "UNSAFE_METHODS",
    "Passwords",
    "clear_cookie",
    "content_security_policy",
    "csrf_token",
    "hash_token",
    "inline_styles",
    "is_https",
    "new_token",
    "password_problem",
    "report_csp",
    "set_cookie",
    "tokens_match",
]

SESSION_COOKIE = "oars_session"
PRE_SESSION_COOKIE = "oars_presession"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
ACCESS_TOKEN_PREFIX = "oars_pat_"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MIN_PASSWORD_LENGTH = 10


def new_token(prefix: str = "") -> str:
    """A fresh random token (256 bits), URL-safe, with ``prefix`` in front (e.g. for access tokens)."""
    return prefix + secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """What the database keeps of a token: its SHA-256, hex."""
    return hashlib.sha256(token.encode()).hexdigest()


def csrf_token(secret: str, bound_to: str) -> str:
    """The CSRF token for a login session (or pre-session) token: an HMAC only this server can make."""
    return hmac.new(secret.encode(), f"csrf:{bound_to}".encode(), hashlib.sha256).hexdigest()


def tokens_match(expected: str, given: str | None) -> bool:
    """Constant-time comparison, so the answer's timing does not tell how much of a guess was right."""
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


@dataclass(frozen=True)
class Passwords:
    """argon2id hashing with the configured cost; a dummy hash evens out the time of unknown accounts."""

    hasher: PasswordHasher
    dummy: str

    @classmethod
    def from_settings(cls, settings: Settings) -> Passwords:
        hasher = PasswordHasher(
            time_cost=settings.password_time_cost,
            memory_cost=settings.password_memory_kib,
            parallelism=settings.password_parallelism,
        )
        return cls(hasher, hasher.hash(secrets.token_urlsafe(16)))

    def hash(self, password: str) -> str:
        return self.hasher.hash(password)

    def verify(self, stored: str | None, password: str) -> bool:
        """Whether ``password`` matches ``stored``; with no stored hash it still spends the same time."""
        try:
            return self.hasher.verify(stored or self.dummy, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        return self.hasher.check_needs_rehash(stored)


def password_problem(password: str) -> str | None:
    """Why ``password`` is not acceptable, or None. Length is what matters (NIST SP 800-63B)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"the password must be at least {MIN_PASSWORD_LENGTH} characters long"
    if len(password) > 1024:
        return "the password must be at most 1024 characters long"
    return None


def is_https(request: Request) -> bool:
    """Whether the browser reached us over https (behind a proxy, uvicorn's --proxy-headers sets the scheme)."""
    return request.url.scheme == "https"


def set_cookie(
    response: Response, request: Request, settings: Settings, name: str, value: str, **options: object
) -> None:
    """Set an HttpOnly, SameSite=Lax cookie, Secure whenever the connection is (or the settings say) https."""
    secure = settings.cookie_secure if settings.cookie_secure is not None else is_https(request)
    response.set_cookie(name, value, httponly=True, samesite="lax", secure=secure, path="/", **options)  # type: ignore[arg-type]


def clear_cookie(response: Response, name: str) -> None:
    response.delete_cookie(name, path="/", httponly=True, samesite="lax")


_STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def content_security_policy(styles: Iterable[str] = ()) -> str:
    """The app's CSP: scripts only from our own origin (htmx), no inline script at all, nothing framed.

    ``styles`` are the texts of inline ``<style>`` elements the page may use (the session timeline's),
    allowed by hash rather than with ``'unsafe-inline'``.
    """
    allowed = " ".join(["'self'", *(_sha256_source(style) for style in styles)])
    return (
        f"default-src 'none'; script-src 'self'; style-src {allowed}; img-src 'self' data:; connect-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    )


def inline_styles(html: str) -> list[str]:
    """The texts of the ``<style>`` elements in markup that oars generated (never in user text: it is escaped)."""
    return _STYLE_ELEMENT.findall(html)


def report_csp(page: str) -> str:
    """The fidelity report's CSP: its own inline styles by hash, and no script at all.

    The report's one script is an optional row filter; the page is complete without it, so the uploaded
    transcript it shows can never run anything here, whatever it contains.
    """
    allowed = " ".join(_sha256_source(style) for style in inline_styles(page)) or "'none'"
    return (
        f"default-src 'none'; script-src 'none'; style-src {allowed}; img-src data:; form-action 'none'; "
        "frame-ancestors 'none'; base-uri 'none'"
    )


def _sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
