"""One-time invitation links: issuing a fresh one (clinician for a client, admin for a clinician) and using one.

A link is how every account but the first admin gets its password, and how a forgotten password is
replaced: issuing a new link makes the earlier unused ones stop working, and using one ends the
account's open logins.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, status

from oars.web.deps import AccountsDep, Repo, Visitor
from oars.web.routes.common import AUTH_ERRORS, OBJECT_ERRORS, invite_out
from oars.web.schemas import ErrorOut, InviteAccept, InviteOut, UserOut

__all__ = ["router"]

router = APIRouter(tags=["invites"])


@router.post(
    "/clients/{client_id}/invite",
    status_code=status.HTTP_201_CREATED,
    summary="A new one-time link for one of your clients (clinician)",
    responses=OBJECT_ERRORS,
)
def reinvite_client(client_id: str, request: Request, repo: Repo) -> InviteOut:
    return invite_out(request, client_id, repo.reinvite_client(client_id))


@router.post(
    "/clinicians/{clinician_id}/invite",
    status_code=status.HTTP_201_CREATED,
    summary="A new one-time link for a clinician (admin)",
    responses=OBJECT_ERRORS,
)
def reinvite_clinician(clinician_id: str, request: Request, repo: Repo) -> InviteOut:
    return invite_out(request, clinician_id, repo.reinvite_clinician(clinician_id))


@router.post(
    "/invites/accept",
    summary="Use a one-time link: set the password and activate the account",
    responses={
        400: {"model": ErrorOut, "description": "The password is too short."},
        404: {"model": ErrorOut, "description": "The link was used already, has expired, or never existed."},
        429: AUTH_ERRORS[429],
    },
)
def accept_invite(body: InviteAccept, accounts: AccountsDep, visitor: Visitor) -> UserOut:
    """Needs no login: the token from the link is the credential. Log in afterwards with the new password."""
    return UserOut.of(accounts.accept_invite(visitor, body.token, body.password))
