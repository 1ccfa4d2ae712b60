"""The client's pages: chat with the counsellor, the PHQ-9 / GAD-7 forms, readiness rulers, their plan.

The chat works without JavaScript (the form posts, the server answers with a redirect to the updated
page); with htmx the same form swaps the two new turns into the conversation's ``aria-live`` list and
puts a fresh, focused form in place.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from oars.measures import QUESTIONNAIRES, Questionnaire, Ruler, RulerKind
from oars.web.deps import CurrentActor, Repo
from oars.web.errors import Conflict, Invalid, NotFound, RateLimited
from oars.web.pages.common import redirect, render

__all__ = ["router"]

router = APIRouter(prefix="/me", include_in_schema=False)

_RULER_CHANGE = "make the change you are thinking about"


@router.get("")
def client_home(request: Request, repo: Repo, actor: CurrentActor) -> HTMLResponse:
    me = repo.require("client").id
    current = repo.current_session()
    plans = repo.plans(me)
    return render(
        request,
        "client/home.html",
        actor,
        current=current,
        sessions=repo.sessions(me),
        plan=plans[0] if plans else None,
        questionnaires=QUESTIONNAIRES.values(),
    )


@router.post("/sessions")
def start_session(repo: Repo, topic: Annotated[str, Form(max_length=100)] = "") -> Response:
    session_id, _turns = repo.start_session(topic or None)
    return redirect(f"/me/sessions/{session_id}#latest")


@router.get("/sessions/{session_id}")
def chat_page(request: Request, session_id: str, repo: Repo, actor: CurrentActor) -> HTMLResponse:
    repo.require("client")
    view = repo.session(session_id)
    return render(request, "client/chat.html", actor, session=view.info, turns=view.turns)


@router.post("/sessions/{session_id}/messages")
def send_message(
    request: Request,
    session_id: str,
    repo: Repo,
    actor: CurrentActor,
    text: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    """Plain POST: redirect back to the conversation. htmx: the new turns and a fresh form, swapped in; a
    problem the person can act on (empty, too fast, the session ended) comes back in the form, since htmx
    swaps in nothing from an error status."""
    htmx = bool(request.headers.get("hx-request"))
    try:
        turns = repo.say(session_id, text)
    except (Invalid, Conflict, RateLimited) as error:
        if not htmx:
            raise
        return render(request, "client/_say.html", actor, session_id=session_id, error=str(error), focus=True)
    if htmx:
        return render(request, "client/_said.html", actor, session_id=session_id, turns=turns)
    return redirect(f"/me/sessions/{session_id}#latest")


@router.post("/sessions/{session_id}/end")
def end_session(session_id: str, repo: Repo) -> Response:
    repo.end_session(session_id)
    return redirect(f"/me/sessions/{session_id}#latest")


@router.get("/measures/{questionnaire_id}")
def measure_form(request: Request, questionnaire_id: str, repo: Repo, actor: CurrentActor) -> HTMLResponse:
    repo.require("client")
    return render(request, "client/measure.html", actor, q=_questionnaire(questionnaire_id), answers={})


@router.post("/measures/{questionnaire_id}")
async def submit_measure(request: Request, questionnaire_id: str, repo: Repo, actor: CurrentActor) -> HTMLResponse:
    """Every item must be answered; a missing one shows the form again with what was given kept."""
    await run_in_threadpool(repo.require, "client")
    q = _questionnaire(questionnaire_id)
    form = await request.form()
    given = {f"item{i.number}": str(form.get(f"item{i.number}", "")) for i in q.items}
    difficulty = str(form.get("difficulty", ""))
    missing = [i.number for i in q.items if not given[f"item{i.number}"].isdigit()]
    if missing:
        message = f"please answer question{'s' if len(missing) > 1 else ''} {', '.join(map(str, missing))}"
        return render(request, "client/measure.html", actor, q=q, answers=given, error=message, status=400)
    answers = [int(given[f"item{i.number}"]) for i in q.items]
    result, turns, session_id = await run_in_threadpool(
        repo.record_measure, q.id, answers, int(difficulty) if difficulty.isdigit() else None
    )
    return render(request, "client/measure_done.html", actor, q=q, result=result, turns=turns, session_id=session_id)


@router.get("/rulers")
def rulers_form(request: Request, repo: Repo, actor: CurrentActor, saved: bool = False) -> HTMLResponse:
    repo.require("client")
    rulers = [Ruler(kind, _RULER_CHANGE) for kind in RulerKind]
    return render(request, "client/rulers.html", actor, rulers=rulers, saved=saved)


@router.post("/rulers")
def submit_rulers(
    repo: Repo,
    importance: Annotated[str, Form(max_length=2)] = "",
    confidence: Annotated[str, Form(max_length=2)] = "",
    readiness: Annotated[str, Form(max_length=2)] = "",
) -> Response:
    """Each ruler answered is stored; the ones left blank are skipped."""
    given = {RulerKind.IMPORTANCE: importance, RulerKind.CONFIDENCE: confidence, RulerKind.READINESS: readiness}
    answered = {kind: int(value) for kind, value in given.items() if value.isdigit()}
    if not answered:
        raise Invalid("choose a number on at least one of the scales")
    for kind, value in answered.items():
        repo.record_ruler(kind.value, value)
    return redirect("/me/rulers?saved=true")


@router.get("/plan")
def plan_page(request: Request, repo: Repo, actor: CurrentActor) -> HTMLResponse:
    plans = repo.plans(repo.require("client").id)
    return render(request, "client/plan.html", actor, plan=plans[0] if plans else None)


def _questionnaire(questionnaire_id: str) -> Questionnaire:
    if questionnaire_id not in QUESTIONNAIRES:
        raise NotFound("no such questionnaire")
    return QUESTIONNAIRES[questionnaire_id]
