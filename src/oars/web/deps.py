"""Shared dependencies, as ``Annotated`` aliases: who is asking (``CurrentActor``) and their ``Repo``.

Authentication happens here and only here, for every route alike:

* ``Authorization: Bearer oars_pat_…`` — a personal access token; a bad one is 401 even if a cookie is
  also sent (a program must learn its token is wrong). Token requests need no CSRF token: nothing
  ambient authenticates them.
* the ``oars_session`` cookie — a login session; an unsafe request (POST, PUT, PATCH, DELETE) must also
  carry the session's CSRF token in ``X-CSRF-Token`` or a ``csrf_token`` form field, or it is 403.
* neither — an anonymous actor; the repository refuses what needs a login with 401.

The database work runs in FastAPI's thread pool (plain ``def``), the CSRF check reads the form in the
event loop (Starlette caches it for the route). Dependencies that only look something up are ``async``:
FastAPI runs every plain ``def`` dependency in the thread pool, a hop that costs more than the lookup.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from oars.web.accounts import Accounts, Login
from oars.web.audit import Actor
from oars.web.backend import Backend
from oars.web.errors import Forbidden, NotAuthenticated
from oars.web.repository import Repository
from oars.web.routing import route_template
from oars.web.security import CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE, UNSAFE_METHODS, csrf_token, tokens_match
from oars.web.settings import Settings

__all__ = ["AccountsDep", "BackendDep", "CurrentActor", "Repo", "SettingsDep", "Visitor", "csrf_for", "route_of"]


async def get_backend(request: Request) -> Backend:
    return request.app.state.backend  # type: ignore[no-any-return]


async def get_accounts(request: Request) -> Accounts:
    return request.app.state.accounts  # type: ignore[no-any-return]


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


BackendDep = Annotated[Backend, Depends(get_backend)]
AccountsDep = Annotated[Accounts, Depends(get_accounts)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def route_of(request: Request) -> str:
    """ "GET /api/v1/clients/{client_id}": the route template, never the raw path (which may hold a secret)."""
    return f"{request.method} {route_template(request.scope) or '?'}"


def _login(request: Request, accounts: AccountsDep) -> Login | None:
    header = request.headers.get("authorization")
    if header is not None:
        scheme, _, token = header.partition(" ")
        login = accounts.token_login(token.strip()) if scheme.lower() == "bearer" else None
        if login is None:
            raise NotAuthenticated("the access token is not valid (unknown, revoked, or not a Bearer token)")
        return login
    cookie = request.cookies.get(SESSION_COOKIE)
    return accounts.session_login(cookie) if cookie else None


async def _actor(request: Request, settings: SettingsDep, login: Annotated[Login | None, Depends(_login)]) -> Actor:
    ip = request.client.host if request.client else None
    if login is None:
        return Actor(None, "none", ip, route_of(request))
    request.state.account_id = login.user.id  # the request log names the account by id, nothing more
    if login.session_token is None:
        return Actor(login.user, "token", ip, route_of(request))
    if request.method in UNSAFE_METHODS:
        expected = csrf_token(settings.secret_key.get_secret_value(), login.session_token)
        if not tokens_match(expected, await _sent_csrf(request)):
            raise Forbidden("the CSRF token is missing or wrong: reload the page and try again")
    return Actor(login.user, "cookie", ip, route_of(request))


async def _sent_csrf(request: Request) -> str | None:
    sent = request.headers.get(CSRF_HEADER)
    if sent is not None:
        return sent
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        value = (await request.form()).get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


CurrentActor = Annotated[Actor, Depends(_actor)]


async def _visitor(request: Request) -> Actor:
    """The actor for routes that log someone in (login, accepting an invite): whatever cookie or token came
    along is ignored, since those routes act on the credentials in their body; the pages among them
    guard their forms with a pre-session CSRF token, the API ones take JSON only."""
    return Actor(None, "none", request.client.host if request.client else None, route_of(request))


Visitor = Annotated[Actor, Depends(_visitor)]


async def _repository(backend: BackendDep, accounts: AccountsDep, actor: CurrentActor) -> Repository:
    return Repository(backend, accounts, actor)


Repo = Annotated[Repository, Depends(_repository)]


def csrf_for(request: Request, settings: Settings) -> str | None:
    """The CSRF token pages put in their forms: bound to the login session cookie, None without one."""
    cookie = request.cookies.get(SESSION_COOKIE)
    return csrf_token(settings.secret_key.get_secret_value(), cookie) if cookie else None
