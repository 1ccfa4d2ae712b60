"""``/api/v1/clients/{client_id}/plans``: the change plans a client built with the counsellor, in their words."""

from __future__ import annotations

from fastapi import APIRouter

from oars.web.deps import Repo
from oars.web.routes.common import OBJECT_ERRORS
from oars.web.schemas import PlanOut

__all__ = ["router"]

router = APIRouter(tags=["plans"])


@router.get(
    "/clients/{client_id}/plans",
    summary="A client's change plans, one per session that has one, newest (current) first",
    responses=OBJECT_ERRORS,
)
def list_plans(client_id: str, repo: Repo) -> list[PlanOut]:
    return [PlanOut.of(p) for p in repo.plans(client_id)]
