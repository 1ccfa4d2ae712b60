"""The JSON API under ``/api/v1``: one router per resource, all calling the repository."""

from fastapi import APIRouter

from oars.web.routes import (
    audit,
    auth,
    clients,
    clinicians,
    exports,
    invites,
    measures,
    plans,
    practice,
    sessions,
    transcripts,
)

__all__ = ["api_router"]

api_router = APIRouter(prefix="/api/v1")
for _module in (auth, clinicians, clients, invites, sessions, measures, plans, transcripts, exports, audit, practice):
    api_router.include_router(_module.router)
