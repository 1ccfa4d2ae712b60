"""``/api/v1/clients``: a clinician's clients, most in need first; adding one (with an invite), deleting one.

A client may read ``/clients/{their own id}``; nobody else's, and a clinician only their own clients':
any other id is 404, exactly like an id that does not exist.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, status

from oars.web.deps import Repo
from oars.web.routes.common import AUTH_ERRORS, OBJECT_ERRORS, invite_out
from oars.web.schemas import ClientCreate, ClientCreated, ClientOut, ErrorOut

__all__ = ["router"]

router = APIRouter(prefix="/clients", tags=["clients"])


@router.get("", summary="Your clients, the one most in need of attention first (clinician)", responses=AUTH_ERRORS)
def list_clients(repo: Repo) -> list[ClientOut]:
    """Order: open crisis flags, then the worst current PHQ-9 / GAD-7 band, then a meaningful worsening."""
    return [ClientOut.of(c) for c in repo.clients()]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Add a client and get their one-time invitation link (clinician)",
    responses={
        **AUTH_ERRORS,
        400: {"model": ErrorOut, "description": "The e-mail address or the name is not valid."},
        409: {"model": ErrorOut, "description": "The e-mail address is taken."},
    },
)
def add_client(body: ClientCreate, request: Request, repo: Repo) -> ClientCreated:
    client, token = repo.add_client(body.email, body.name, body.locale)
    return ClientCreated(client=ClientOut.of(client), invite=invite_out(request, client.id, token))


@router.get("/{client_id}", summary="One client (their clinician, or the client themselves)", responses=OBJECT_ERRORS)
def get_client(client_id: str, repo: Repo) -> ClientOut:
    return ClientOut.of(repo.client(client_id))


@router.delete(
    "/{client_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a client's whole record, sessions included (clinician)",
    responses=OBJECT_ERRORS,
)
def delete_client(client_id: str, repo: Repo) -> None:
    """For a client's request to be forgotten: export first if a copy is needed. The audit log keeps ids."""
    repo.delete_client(client_id)
