"""``/api/v1/transcripts``: code an uploaded transcript file (the ``oars code`` formats) — JSON or the report.

Uploads are limited in size (``max_upload_bytes``, 5 MB by default, enforced while the body streams in)
and in number per account; nothing of an uploaded transcript is stored, the audit log records only that
one was coded.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from oars.coder import CodedTranscript
from oars.coder.formats import to_json_dict
from oars.errors import UnknownFormatError
from oars.report import render_report
from oars.transcript import FORMATS, detect_format
from oars.web.deps import Repo, SettingsDep
from oars.web.errors import Invalid, TooLarge
from oars.web.routes.common import AUTH_ERRORS
from oars.web.schemas import CodedTranscriptsOut, ErrorOut
from oars.web.security import report_csp

__all__ = ["code_upload", "router"]

router = APIRouter(prefix="/transcripts", tags=["transcripts"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    **AUTH_ERRORS,
    400: {"model": ErrorOut, "description": "The file could not be read as a transcript (names line and problem)."},
    413: {"model": ErrorOut, "description": "The upload is larger than the limit."},
}
# The report answers HTML, but its errors are JSON like every other route's. Given a ``model``, FastAPI would
# document them under the route's media type (text/html), so they name their JSON content themselves.
_JSON_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {
        "description": response["description"],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}},
    }
    for status, response in _ERRORS.items()
}
Upload = Annotated[UploadFile, File(description=f"A transcript: {', '.join(FORMATS)} (.txt .jsonl .csv .vtt .srt).")]
FormatField = Annotated[str | None, Form(description="The format, if the file name does not tell it.")]


@router.post("/code", summary="Code a transcript file utterance by utterance (clinician)", responses=_ERRORS)
async def code_transcript(
    file: Upload, repo: Repo, settings: SettingsDep, format: FormatField = None
) -> CodedTranscriptsOut:
    coded = await code_upload(repo, settings.max_upload_bytes, file, format)
    return CodedTranscriptsOut.model_validate(to_json_dict(coded))


@router.post(
    "/report",
    summary="The fidelity report of a transcript file, as an HTML page (clinician)",
    response_class=HTMLResponse,
    responses={**_JSON_ERRORS, 200: {"content": {"text/html": {}}, "description": "The self-contained HTML report."}},
)
async def transcript_report(
    file: Upload, repo: Repo, settings: SettingsDep, format: FormatField = None
) -> HTMLResponse:
    coded = await code_upload(repo, settings.max_upload_bytes, file, format)
    page = render_report(coded)
    return HTMLResponse(page, headers={"Content-Security-Policy": report_csp(page)})


async def code_upload(repo: Repo, limit: int, file: UploadFile, input_format: str | None) -> list[CodedTranscript]:
    """Read the upload (refusing more than ``limit`` bytes) and code it in the thread pool."""
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"the file is larger than the {limit:,} bytes allowed")
    name = (file.filename or "upload")[-100:]
    try:
        chosen = input_format or detect_format(name)
    except UnknownFormatError as error:
        raise Invalid(str(error)) from None
    return await run_in_threadpool(repo.code_upload, data, name, chosen)
