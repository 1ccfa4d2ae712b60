"""``/api/v1/auth``: logging in and out (cookie sessions) and personal access tokens (for programs)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from oars.web.deps import AccountsDep, CurrentActor, SettingsDep, Visitor
from oars.web.errors import NotAuthenticated
from oars.web.routes.common import AUTH_ERRORS, OBJECT_ERRORS
from oars.web.schemas import ErrorOut, LoginIn, LoginOut, TokenCreate, TokenCreated, TokenOut, UserOut
from oars.web.security import SESSION_COOKIE, clear_cookie, csrf_token, set_cookie

__all__ = ["router"]

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/login", summary="Log in with e-mail and password (sets the session cookie)", responses=AUTH_ERRORS)
def login(
    body: LoginIn, request: Request, response: Response, accounts: AccountsDep, settings: SettingsDep, visitor: Visitor
) -> LoginOut:
    """Opens a cookie session for a browser. Programs should use a personal access token instead.

    The JSON body is required (a cross-site form cannot send it), and failed attempts are rate-limited
    per account and per address.
    """
    user, token = accounts.login(visitor, body.email, body.password)
    set_cookie(response, request, settings, SESSION_COOKIE, token)
    return LoginOut(user=UserOut.of(user), csrf_token=csrf_token(settings.secret_key.get_secret_value(), token))


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="End the cookie session everywhere",
    responses=AUTH_ERRORS,
)
def logout(request: Request, response: Response, accounts: AccountsDep, actor: CurrentActor) -> None:
    """Deletes the session on the server, so the cookie stops working even where it was copied."""
    if actor.user is None:
        raise NotAuthenticated("log in first")
    cookie = request.cookies.get(SESSION_COOKIE)
    if actor.via == "cookie" and cookie:
        accounts.logout(actor, cookie)
    clear_cookie(response, SESSION_COOKIE)


@router.get("/me", summary="Who is logged in", responses=AUTH_ERRORS)
def me(request: Request, actor: CurrentActor, settings: SettingsDep) -> LoginOut:
    """The account, and for a cookie session the CSRF token to send with unsafe requests."""
    if actor.user is None:
        raise NotAuthenticated("log in first")
    cookie = request.cookies.get(SESSION_COOKIE) if actor.via == "cookie" else None
    csrf = csrf_token(settings.secret_key.get_secret_value(), cookie) if cookie else None
    return LoginOut(user=UserOut.of(actor.user), csrf_token=csrf)


@router.get("/tokens", summary="List your personal access tokens", responses=AUTH_ERRORS)
def list_tokens(accounts: AccountsDep, actor: CurrentActor) -> list[TokenOut]:
    return [TokenOut.of(row) for row in accounts.tokens(actor)]


@router.post(
    "/tokens",
    status_code=status.HTTP_201_CREATED,
    summary="Create a personal access token",
    responses={**AUTH_ERRORS, 400: {"model": ErrorOut, "description": "The name is blank once cleaned."}},
)
def create_token(body: TokenCreate, accounts: AccountsDep, actor: CurrentActor) -> TokenCreated:
    """The token is in the response once and never again: only its hash is stored."""
    row, token = accounts.create_token(actor, body.name)
    return TokenCreated(**TokenOut.of(row).model_dump(), token=token)


@router.delete(
    "/tokens/{token_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Revoke one of your access tokens",
    responses=OBJECT_ERRORS,
)
def revoke_token(token_id: str, accounts: AccountsDep, actor: CurrentActor) -> None:
    accounts.revoke_token(actor, token_id)
