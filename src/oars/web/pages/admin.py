"""The admin's pages: clinicians (add with a one-time link, switch off / on) and the audit log."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from oars.web.audit import AuditFilter
from oars.web.deps import CurrentActor, Repo
from oars.web.errors import Invalid
from oars.web.pages.common import redirect, render
from oars.web.routes.common import invite_out

__all__ = ["router"]

router = APIRouter(prefix="/admin", include_in_schema=False)


@router.get("")
def admin_home(request: Request, repo: Repo, actor: CurrentActor) -> HTMLResponse:
    return render(request, "admin/home.html", actor, clinicians=repo.clinicians())


@router.post("/clinicians")
def add_clinician(
    request: Request,
    repo: Repo,
    actor: CurrentActor,
    email: Annotated[str, Form(max_length=254)],
    name: Annotated[str, Form(max_length=120)],
    locale: Annotated[str, Form(max_length=35)] = "",
) -> HTMLResponse:
    clinician, token = repo.add_clinician(email, name, locale or None)
    invite = invite_out(request, clinician.id, token)
    return render(request, "invite_link.html", actor, who=clinician.name, invite=invite, back="/admin")


@router.post("/clinicians/{clinician_id}/active")
def set_active(clinician_id: str, repo: Repo, active: Annotated[str, Form(max_length=5)] = "") -> Response:
    repo.update_clinician(clinician_id, name=None, active=active == "true")
    return redirect("/admin")


@router.post("/clinicians/{clinician_id}/invite")
def reinvite_clinician(request: Request, clinician_id: str, repo: Repo, actor: CurrentActor) -> HTMLResponse:
    invite = invite_out(request, clinician_id, repo.reinvite_clinician(clinician_id))
    return render(request, "invite_link.html", actor, who="the clinician", invite=invite, back="/admin")


@router.get("/audit")
def audit_page(
    request: Request,
    repo: Repo,
    actor: CurrentActor,
    actor_id: Annotated[str, Query(max_length=32)] = "",
    client_id: Annotated[str, Query(max_length=32)] = "",
    action: Annotated[str, Query(max_length=32)] = "",
    outcome: Annotated[str, Query(max_length=16)] = "",
    since: Annotated[str, Query(max_length=10, description="YYYY-MM-DD")] = "",
    until: Annotated[str, Query(max_length=10, description="YYYY-MM-DD")] = "",
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    wanted = AuditFilter(
        actor_id or None,
        client_id or None,
        None,
        action or None,
        outcome or None,
        _day(since),
        _day(until),
        100,
        offset,
    )
    entries = repo.audit_log(wanted)
    older = None
    if len(entries) == wanted.limit:
        kept = {k: v for k, v in request.query_params.items() if k != "offset"}
        older = urlencode({**kept, "offset": offset + wanted.limit})
    return render(request, "admin/audit.html", actor, entries=entries, wanted=wanted, older=older)


def _day(text: str) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise Invalid(f"not a date: {text!r}; use YYYY-MM-DD") from None
