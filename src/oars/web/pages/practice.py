"""The clinician's practice pages: choose a simulated client, practise with live MITI feedback, read the report.

Like the client's chat, the conversation works without JavaScript (the reply form posts, the server answers
with a redirect to the updated page) and, with htmx, the same form swaps the new exchange — the reply, its
feedback and the client's answer — into the conversation's ``aria-live`` list. The feedback can be hidden
(``?feedback=off``, carried by the reply form), for clinicians who want to practise first and look after.
A reply that cannot be taken (blank, too long, the session ended meanwhile) comes back in the form with
what was typed, so nothing is lost.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from oars.web.audit import Actor
from oars.web.deps import CurrentActor
from oars.web.errors import Conflict, Invalid, RateLimited, WebError
from oars.web.pages.common import redirect, render
from oars.web.practice import MAX_SEED, Practice, PracticeDep, PracticeView
from oars.web.security import report_csp

__all__ = ["router"]

router = APIRouter(prefix="/clinician/practice", include_in_schema=False)

Feedback = Annotated[str, Query(max_length=3)]


@router.get("")
def practice_home(request: Request, practice: PracticeDep, actor: CurrentActor) -> HTMLResponse:
    return _home(request, practice, actor)


@router.post("")
def start_practice(
    request: Request,
    practice: PracticeDep,
    actor: CurrentActor,
    persona: Annotated[str, Form(max_length=80)] = "",
    seed: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    """A new session, then its page; a bad choice shows the list again with what was chosen kept."""
    try:
        chosen_seed = _seed(seed)
        view = practice.start(persona, chosen_seed)
    except Invalid as error:
        return _home(request, practice, actor, error=str(error), persona=persona, seed=seed, status=error.status)
    return redirect(f"/clinician/practice/{view.info.id}")


@router.get("/{practice_id}")
def practice_page(
    request: Request, practice_id: str, practice: PracticeDep, actor: CurrentActor, feedback: Feedback = "on"
) -> HTMLResponse:
    return _page(request, actor, practice.get(practice_id), show_feedback=feedback != "off")


@router.post("/{practice_id}/turns")
def respond(
    request: Request,
    practice_id: str,
    practice: PracticeDep,
    actor: CurrentActor,
    text: Annotated[str, Form(max_length=20_000)] = "",
    feedback: Annotated[str, Form(max_length=3)] = "on",
) -> Response:
    """Plain POST: redirect back to the conversation. htmx: the new exchange and a fresh form, swapped in."""
    htmx, show = bool(request.headers.get("hx-request")), feedback != "off"
    try:
        info, exchange = practice.respond(practice_id, text)
    except (Invalid, Conflict, RateLimited) as error:
        if htmx:  # htmx swaps in nothing from an error status: the form says what went wrong
            return render(
                request,
                "clinician/_practice_say.html",
                actor,
                practice_id=practice_id,
                show_feedback=show,
                error=str(error),
                text=text,
                focus=True,
            )
        view = practice.get(practice_id)
        return _page(request, actor, view, show_feedback=show, error=error, text=text)
    if htmx:
        return render(
            request,
            "clinician/_practice_said.html",
            actor,
            practice_id=practice_id,
            persona=info.persona,
            exchanges=[(info.turns, exchange)],
            show_feedback=show,
        )
    return redirect(f"/clinician/practice/{practice_id}{'' if show else '?feedback=off'}#latest")


@router.post("/{practice_id}/end")
def end_practice(practice_id: str, practice: PracticeDep) -> Response:
    practice.end(practice_id)
    return redirect(f"/clinician/practice/{practice_id}#report")


@router.get("/{practice_id}/report")
def practice_report(practice_id: str, practice: PracticeDep) -> HTMLResponse:
    """The report of ``oars practice --report`` as its own page (its CSP allows no script)."""
    page = practice.report(practice_id)
    return HTMLResponse(page, headers={"Content-Security-Policy": report_csp(page)})


def _home(
    request: Request,
    practice: Practice,
    actor: Actor,
    *,
    error: str | None = None,
    persona: str = "",
    seed: str = "",
    status: int = 200,
) -> HTMLResponse:
    personas = practice.personas()
    return render(
        request,
        "clinician/practice.html",
        actor,
        personas=personas,
        sessions=practice.sessions(limit=20),
        chosen=persona or personas[0].id,
        seed=seed,
        max_seed=MAX_SEED,
        error=error,
        status=status,
    )


def _page(
    request: Request,
    actor: Actor,
    view: PracticeView,
    *,
    show_feedback: bool,
    error: WebError | None = None,
    text: str = "",
) -> HTMLResponse:
    return render(
        request,
        "clinician/practice_session.html",
        actor,
        info=view.info,
        persona=view.info.persona,
        practice_id=view.info.id,
        exchanges=list(enumerate(view.exchanges, 1)),
        outcome=view.outcome,
        show_feedback=show_feedback,
        error=str(error) if error else None,
        text=text,
        status=error.status if error else 200,
    )


def _seed(value: str) -> int | None:
    """The seed typed in the form: blank for a random one, else a whole number in range."""
    value = value.strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit()) or int(value) > MAX_SEED:
        raise Invalid(f"the seed must be a whole number from 0 to {MAX_SEED}, or left blank")
    return int(value)
