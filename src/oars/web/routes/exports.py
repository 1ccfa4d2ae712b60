"""``/api/v1/clients/{client_id}/export``: a client's whole record, as JSON or CSV, for a request to see it."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from oars.web.deps import Repo
from oars.web.exports import record_csv
from oars.web.routes.common import OBJECT_ERRORS

__all__ = ["router"]

router = APIRouter(tags=["exports"])


class ExportFormat(StrEnum):
    JSON = "json"
    CSV = "csv"


_CONTENT: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The record: JSON (the account and every session with its events) or CSV (one row per event).",
        "content": {"application/json": {}, "text/csv": {}},
    }
}


@router.get(
    "/clients/{client_id}/export",
    summary="Export a client's record (their clinician, or the client themselves)",
    response_class=Response,
    responses={**OBJECT_ERRORS, **_CONTENT},
)
def export_client(client_id: str, repo: Repo, format: ExportFormat = ExportFormat.JSON) -> Response:
    record = repo.export_client(client_id)
    name = f"oars-client-{client_id}.{format.value}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if format is ExportFormat.CSV:
        return Response(record_csv(record), media_type="text/csv; charset=utf-8", headers=headers)
    return JSONResponse(record, headers=headers)
