"""``/api/v1/audit``: the audit log, newest first, filterable (admin)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import AwareDatetime

from oars.web.audit import AuditFilter
from oars.web.deps import Repo
from oars.web.routes.common import AUTH_ERRORS
from oars.web.schemas import AuditOut

__all__ = ["router"]

router = APIRouter(tags=["audit"])


@router.get("/audit", summary="Who read or changed what, when and from where (admin)", responses=AUTH_ERRORS)
def audit_log(
    repo: Repo,
    actor_id: Annotated[str | None, Query(max_length=32)] = None,
    client_id: Annotated[str | None, Query(max_length=32, description="Entries about this client's data.")] = None,
    object_id: Annotated[str | None, Query(max_length=64)] = None,
    action: Annotated[str | None, Query(max_length=32, description="read, create, update, delete, login, …")] = None,
    outcome: Annotated[str | None, Query(max_length=16, description="ok, denied or failed.")] = None,
    since: AwareDatetime | None = None,
    until: AwareDatetime | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[AuditOut]:
    wanted = AuditFilter(actor_id, client_id, object_id, action, outcome, since, until, limit, offset)
    return [AuditOut.of(entry) for entry in repo.audit_log(wanted)]
