"""Pages anyone can reach: the front door, logging in and out, accepting an invitation, crisis resources."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from oars.safety import KNOWN_LOCALES, resources_for
from oars.web.deps import AccountsDep, CurrentActor, SettingsDep, Visitor
from oars.web.errors import Invalid, NotAuthenticated, NotFound, RateLimited
from oars.web.pages.common import anonymous_form, check_pre_session, redirect, render, safe_next
from oars.web.security import SESSION_COOKIE, clear_cookie, set_cookie

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

_HOMES = {"client": "/me", "clinician": "/clinician", "admin": "/admin"}


@router.get("/")
def home(actor: CurrentActor) -> RedirectResponse:
    """Each role's own start page; the login page for anyone not logged in."""
    return redirect(_HOMES[actor.user.role] if actor.user else "/login")


@router.get("/login")
def login_page(request: Request, visitor: Visitor, next: str | None = None) -> HTMLResponse:
    return anonymous_form(request, "login.html", visitor, next=safe_next(next))


@router.post("/login")
def login(
    request: Request,
    accounts: AccountsDep,
    settings: SettingsDep,
    visitor: Visitor,
    email: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(max_length=1024)],
    csrf_token: Annotated[str, Form(max_length=200)] = "",
    next: Annotated[str, Form(max_length=500)] = "/",
) -> Response:
    check_pre_session(request, csrf_token)
    try:
        _user, token = accounts.login(visitor, email, password)
    except (NotAuthenticated, RateLimited) as error:
        return anonymous_form(
            request, "login.html", visitor, status=error.status, error=str(error), email=email, next=next
        )
    response = redirect(safe_next(next))
    set_cookie(response, request, settings, SESSION_COOKIE, token)
    return response


@router.post("/logout")
def logout(request: Request, accounts: AccountsDep, actor: CurrentActor) -> RedirectResponse:
    cookie = request.cookies.get(SESSION_COOKIE)
    if actor.user is None:
        raise NotAuthenticated("log in first")
    if cookie and actor.via == "cookie":
        accounts.logout(actor, cookie)
    response = redirect("/login")
    clear_cookie(response, SESSION_COOKIE)
    return response


@router.get("/invite/{token}", name="invite_page")
def invite_page(request: Request, token: str, accounts: AccountsDep, visitor: Visitor) -> HTMLResponse:
    try:
        invited = accounts.invite_status(token)
    except NotFound as error:
        return render(request, "error.html", visitor, status=404, message=str(error))
    return anonymous_form(request, "invite.html", visitor, invited=invited)


@router.post("/invite/{token}")
def accept_invite(
    request: Request,
    token: str,
    accounts: AccountsDep,
    visitor: Visitor,
    password: Annotated[str, Form(max_length=1024)],
    confirm: Annotated[str, Form(max_length=1024)],
    csrf_token: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    check_pre_session(request, csrf_token)
    try:
        if password != confirm:
            raise Invalid("the two passwords are not the same")
        accounts.accept_invite(visitor, token, password)
    except Invalid as error:
        invited = accounts.invite_status(token)
        return anonymous_form(request, "invite.html", visitor, status=400, invited=invited, error=str(error))
    return redirect("/login?welcome=1")


@router.get("/crisis")
def crisis(
    request: Request, actor: CurrentActor, locale: Annotated[str | None, Query(max_length=35)] = None
) -> HTMLResponse:
    """Crisis resources for the person's country (or the one asked for): reachable without logging in."""
    chosen = locale if locale and locale.upper() in KNOWN_LOCALES else None
    return render(
        request,
        "crisis.html",
        actor,
        resources=resources_for(chosen) if chosen else None,
        locales=KNOWN_LOCALES,
    )
