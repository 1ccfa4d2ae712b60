"""The clinician's pages: clients by need, one client's charts and record, coded sessions, flags, uploads."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from oars.events import EventKind
from oars.measures import QUESTIONNAIRES
from oars.report import render_report, timeline_svg
from oars.transcript import FORMATS
from oars.web.charts import measure_chart, ruler_chart
from oars.web.deps import CurrentActor, Repo, SettingsDep
from oars.web.errors import Invalid
from oars.web.pages.common import redirect, render
from oars.web.routes.common import invite_out
from oars.web.routes.transcripts import code_upload
from oars.web.security import inline_styles, report_csp

__all__ = ["router"]

router = APIRouter(prefix="/clinician", include_in_schema=False)


@router.get("")
def dashboard(request: Request, repo: Repo, actor: CurrentActor) -> HTMLResponse:
    return render(request, "clinician/dashboard.html", actor, clients=repo.clients(), questionnaires=QUESTIONNAIRES)


@router.post("/clients")
def invite_client(
    request: Request,
    repo: Repo,
    actor: CurrentActor,
    email: Annotated[str, Form(max_length=254)],
    name: Annotated[str, Form(max_length=120)],
    locale: Annotated[str, Form(max_length=35)] = "",
) -> HTMLResponse:
    """The new client's one-time link is shown on this page once; it is not stored anywhere readable."""
    client, token = repo.add_client(email, name, locale or None)
    invite = invite_out(request, client.id, token)
    return render(
        request, "invite_link.html", actor, who=client.name, invite=invite, back=f"/clinician/clients/{client.id}"
    )


@router.get("/clients/{client_id}")
def client_page(request: Request, client_id: str, repo: Repo, actor: CurrentActor) -> HTMLResponse:
    repo.require("clinician")
    client = repo.client(client_id)
    measures = repo.measures(client_id)
    rulers = repo.rulers(client_id)
    charts = {
        q.id: measure_chart(q, [m for m in measures if m.questionnaire == q.id], chart_id=f"chart-{q.id}")
        for q in QUESTIONNAIRES.values()
    }
    return render(
        request,
        "clinician/client.html",
        actor,
        client=client,
        measures=measures,
        charts=charts,
        rulers=rulers,
        ruler_chart=ruler_chart(rulers, chart_id="chart-rulers"),
        sessions=repo.sessions(client_id),
        plans=repo.plans(client_id),
        questionnaires=QUESTIONNAIRES,
    )


@router.post("/clients/{client_id}/invite")
def reinvite_client(request: Request, client_id: str, repo: Repo, actor: CurrentActor) -> HTMLResponse:
    token = repo.reinvite_client(client_id)
    invite = invite_out(request, client_id, token)
    return render(
        request, "invite_link.html", actor, who="your client", invite=invite, back=f"/clinician/clients/{client_id}"
    )


@router.post("/clients/{client_id}/delete")
def delete_client(client_id: str, repo: Repo, confirm: Annotated[str, Form(max_length=10)] = "") -> Response:
    """Deleting a record cannot be undone, so the form's confirmation box must be ticked."""
    repo.require("clinician")
    if confirm != "yes":
        repo.client(client_id)  # an id that is not the clinician's is still a 404, not a hint
        raise Invalid("tick the box to confirm that the client's whole record should be deleted")
    repo.delete_client(client_id)
    return redirect("/clinician?deleted=1")


@router.get("/sessions/{session_id}")
def session_page(request: Request, session_id: str, repo: Repo, actor: CurrentActor) -> HTMLResponse:
    view, coded = repo.coded_session(session_id)
    timeline = timeline_svg(coded)
    clearances = [e for e in view.events if e.kind is EventKind.FLAG_CLEARED]
    flags = [e for e in view.events if e.kind is EventKind.CRISIS_FLAGGED]
    return render(
        request,
        "clinician/session.html",
        actor,
        session=view.info,
        coded=coded,
        summary=coded.summary,
        timeline=timeline,
        flags=flags,
        clearances=clearances,
        styles=tuple(inline_styles(str(timeline))),
    )


@router.post("/sessions/{session_id}/clear-flag")
def clear_flag(session_id: str, repo: Repo, note: Annotated[str, Form(max_length=2000)] = "") -> Response:
    repo.clear_flag(session_id, note)
    return redirect(f"/clinician/sessions/{session_id}")


@router.get("/flags")
def flags_page(request: Request, repo: Repo, actor: CurrentActor) -> HTMLResponse:
    return render(request, "clinician/flags.html", actor, flagged=repo.open_flags())


@router.get("/upload")
def upload_page(request: Request, repo: Repo, actor: CurrentActor, settings: SettingsDep) -> HTMLResponse:
    repo.require("clinician")
    return render(request, "clinician/upload.html", actor, formats=FORMATS, limit=settings.max_upload_bytes)


@router.post("/upload")
async def upload(
    repo: Repo,
    settings: SettingsDep,
    file: Annotated[UploadFile, File()],
    format: Annotated[str, Form(max_length=10)] = "",
) -> HTMLResponse:
    """The fidelity report of the uploaded transcript, as its own page (its CSP allows no script)."""
    coded = await code_upload(repo, settings.max_upload_bytes, file, format or None)
    page = render_report(coded)
    return HTMLResponse(page, headers={"Content-Security-Policy": report_csp(page)})
