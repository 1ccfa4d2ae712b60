"""The account page: personal access tokens for programs (created here, shown once, revocable)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from oars.web.deps import AccountsDep, CurrentActor
from oars.web.pages.common import redirect, render

__all__ = ["router"]

router = APIRouter(prefix="/account", include_in_schema=False)


@router.get("/tokens")
def tokens_page(request: Request, accounts: AccountsDep, actor: CurrentActor) -> HTMLResponse:
    return render(request, "account/tokens.html", actor, tokens=accounts.tokens(actor))


@router.post("/tokens")
def create_token(
    request: Request,
    accounts: AccountsDep,
    actor: CurrentActor,
    name: Annotated[str, Form(min_length=1, max_length=100)],
) -> HTMLResponse:
    _row, token = accounts.create_token(actor, name)
    return render(request, "account/tokens.html", actor, tokens=accounts.tokens(actor), new_token=token)


@router.post("/tokens/{token_id}/revoke")
def revoke_token(token_id: str, accounts: AccountsDep, actor: CurrentActor) -> RedirectResponse:
    accounts.revoke_token(actor, token_id)
    return redirect("/account/tokens")
