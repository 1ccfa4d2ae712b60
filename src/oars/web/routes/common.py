"""What the API routers share: the documented error responses and the invite link they hand out."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from oars.web.schemas import ErrorOut, InviteOut

__all__ = ["AUTH_ERRORS", "OBJECT_ERRORS", "invite_out"]

AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Not logged in, or the access token is not valid."},
    403: {"model": ErrorOut, "description": "This role may not use this route, or the CSRF token is missing."},
    429: {"model": ErrorOut, "description": "Rate limit reached; see the Retry-After header."},
}
OBJECT_ERRORS: dict[int | str, dict[str, Any]] = {
    **AUTH_ERRORS,
    404: {"model": ErrorOut, "description": "No such object, or not one this account may see."},
}


def invite_out(request: Request, user_id: str, token: str) -> InviteOut:
    """The one-time link as an absolute URL on the host the inviter used."""
    hours = request.app.state.settings.invite_hours
    return InviteOut(user_id=user_id, url=str(request.url_for("invite_page", token=token)), expires_in_hours=hours)
