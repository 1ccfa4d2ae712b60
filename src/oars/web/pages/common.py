"""What the HTML pages share: the templates, ``render``, the pre-session CSRF token, safe redirects.

Pages are server-rendered and work without JavaScript: every action is a plain form POST answered with a
redirect (303), so reloading never repeats it. htmx (vendored, served from ``/static``) only makes the
chat swap in new turns instead of reloading the page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from oars.safety import resources_for
from oars.web.audit import Actor
from oars.web.deps import csrf_for
from oars.web.errors import Forbidden
from oars.web.security import (
    PRE_SESSION_COOKIE,
    content_security_policy,
    csrf_token,
    new_token,
    set_cookie,
    tokens_match,
)

__all__ = ["STATIC", "TEMPLATES", "anonymous_form", "check_pre_session", "redirect", "render", "safe_next", "templates"]

HERE = Path(__file__).resolve().parent.parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

templates = Jinja2Templates(directory=str(TEMPLATES))


def render(
    request: Request,
    name: str,
    actor: Actor,
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
    styles: tuple[str, ...] = (),
    **context: Any,
) -> HTMLResponse:
    """A page from ``templates/``; ``styles`` are inline ``<style>`` texts the CSP must allow (by hash)."""
    settings = request.app.state.settings
    locale = actor.user.locale if actor.user else settings.default_locale
    values = {
        "user": actor.user,
        "csrf": context.pop("csrf", None) or csrf_for(request, settings),
        "lang": "en-" + resources_for(locale).locale,
        "crisis": resources_for(locale),
        **context,
    }
    response = templates.TemplateResponse(request, name, values, status_code=status, headers=headers)
    if styles:
        response.headers["Content-Security-Policy"] = content_security_policy(styles)
    return response


def redirect(url: str) -> RedirectResponse:
    """303 See Other: the browser follows with a GET, so a reload never repeats a form's action."""
    return RedirectResponse(url, status_code=303)


def safe_next(target: str | None) -> str:
    """Where to go after logging in: only a path on this site (never ``//evil.example`` or a full URL)."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


def anonymous_form(request: Request, name: str, actor: Actor, *, status: int = 200, **context: Any) -> HTMLResponse:
    """A form shown before login (log in, accept an invite), protected by a pre-session CSRF token.

    With no session to bind a CSRF token to, the page sets a random cookie and puts an HMAC of it in the
    form: a cross-site page can make the browser send the cookie but cannot read it to forge the field.
    """
    value = request.cookies.get(PRE_SESSION_COOKIE) or new_token()
    response = render(request, name, actor, status=status, csrf=_pre_session_csrf(request, value), **context)
    set_cookie(response, request, request.app.state.settings, PRE_SESSION_COOKIE, value)
    return response


def check_pre_session(request: Request, sent: str | None) -> None:
    """Refuse a pre-login form whose CSRF field does not match the pre-session cookie."""
    value = request.cookies.get(PRE_SESSION_COOKIE)
    if not value or not tokens_match(_pre_session_csrf(request, value), sent):
        raise Forbidden("the form expired or came from another site: reload the page and try again")


def _pre_session_csrf(request: Request, value: str) -> str:
    return csrf_token(request.app.state.settings.secret_key.get_secret_value(), "pre:" + value)
