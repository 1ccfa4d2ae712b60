"""``/api/v1/practice``: clinicians practise MI with simulated clients, with live MITI feedback on every reply.

The engine is ``oars practice``'s (``oars.practice.PracticeSession``): each reply is coded by the shared
coder as it is said, gets a one-line coaching tip when one helps, and is answered by the simulated client.
Ending a session gives the ``oars code`` MITI summary and how the client's receptivity and change talk
moved; ``…/report`` is the same self-contained HTML report as ``oars practice --report``. A session is
stored as its persona, seed and the clinician's turns, and replayed when needed (``oars.web.practice``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, status
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from oars.practice import Exchange, Persona
from oars.web.practice import MAX_SEED, MAX_TURN_CHARS, PracticeDep, PracticeInfo, PracticeView
from oars.web.routes.common import AUTH_ERRORS, OBJECT_ERRORS
from oars.web.schemas import ErrorOut
from oars.web.security import report_csp

__all__ = [
    "ExchangeOut",
    "FeedbackOut",
    "PersonaOut",
    "PracticeCreate",
    "PracticeDetail",
    "PracticeOut",
    "PracticeReportOut",
    "ReplyIn",
    "router",
]

router = APIRouter(prefix="/practice", tags=["practice"])

_INVALID = {400: {"model": ErrorOut, "description": "Unknown persona, a seed out of range, or a blank reply."}}
_ENDED = {409: {"model": ErrorOut, "description": "The session has ended, or changed at the same moment."}}
_GONE = {409: {"model": ErrorOut, "description": "The session's simulated client is no longer shipped."}}
_NOT_ENDED = {409: {"model": ErrorOut, "description": "The session has not ended yet: end it for its report."}}
# The report answers HTML, its errors JSON (see routes/transcripts.py for why they name their content).
_REPORT_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {
        "description": response["description"],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}},
    }
    for code, response in {**OBJECT_ERRORS, **_NOT_ENDED}.items()
}


# -- shapes ----------------------------------------------------------------------------------------------


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PersonaOut(BaseModel):
    """The persona card: what a clinician may know before the session (never the hidden concern)."""

    id: str = Field(examples=["heavy-drinking"])
    name: str
    age: int
    pronouns: str | None
    topic: str
    stage: str = Field(description="Stage of change: precontemplation, contemplation, preparation, action, …")
    situation: str

    @classmethod
    def of(cls, persona: Persona) -> PersonaOut:
        return cls(**persona.public(), stage=persona.stage.value)


class PracticeCreate(_In):
    persona: str = Field(
        min_length=1, max_length=80, examples=["heavy-drinking"], description="See GET /api/v1/practice/personas."
    )
    seed: int | None = Field(
        default=None,
        ge=0,
        le=MAX_SEED,
        description="The same seed and the same replies give the same session; default: a random seed.",
    )


class ReplyIn(_In):
    text: str = Field(min_length=1, max_length=MAX_TURN_CHARS, description="What the clinician says to the client.")


class FeedbackOut(BaseModel):
    codes: list[str] = Field(description="The reply's MITI 4.2.1 codes from the shared coder (Q, SR, CR, AF, …).")
    question: Literal["open", "closed"] | None = Field(description="Whether a question in the reply was open.")
    label: str = Field(examples=["Q (closed) · SR"])
    description: str = Field(examples=["closed question, simple reflection"])
    tip: str | None = Field(description="One coaching line, when one helps.")


class ExchangeOut(BaseModel):
    index: int = Field(description="The clinician turn, counted from 1.")
    clinician: str
    feedback: FeedbackOut
    client: str = Field(description="The simulated client's answer.")

    @classmethod
    def of(cls, index: int, exchange: Exchange) -> ExchangeOut:
        feedback = exchange.feedback
        return cls(
            index=index,
            clinician=exchange.clinician.text,
            feedback=FeedbackOut(
                codes=[code.value for code in feedback.codes],
                question=feedback.question,  # type: ignore[arg-type]
                label=feedback.label,
                description=feedback.description,
                tip=feedback.tip,
            ),
            client=exchange.reply.text,
        )


class PracticeOut(BaseModel):
    id: str
    persona: PersonaOut
    seed: int
    status: Literal["active", "ended"]
    turns: int = Field(description="Clinician turns so far.")
    created_at: datetime
    updated_at: datetime
    ended_at: datetime | None

    @classmethod
    def of(cls, info: PracticeInfo) -> PracticeOut:
        return cls(
            id=info.id,
            persona=PersonaOut.of(info.persona),
            seed=info.seed,
            status=info.status,
            turns=info.turns,
            created_at=info.created_at,
            updated_at=info.updated_at,
            ended_at=info.ended_at,
        )


class PracticeReportOut(BaseModel):
    summary: dict[str, Any] = Field(description="MITI 4.2.1 session figures, as `oars code` gives them.")
    receptivity: list[float] = Field(description="The client's receptivity (0–1) at the start and after each turn.")
    change_talk: list[float | None] = Field(description="Share of change talk after each turn, as coded.")
    change_talk_meant: list[float | None] = Field(description="The same share, as the simulator meant it.")
    hidden_concern_disclosed_after: int | None = Field(description="The turn after which it came out, if it did.")
    hidden_concern: str = Field(description="What the client was not saying (told only once the session ends).")
    background: str


class PracticeDetail(PracticeOut):
    exchanges: list[ExchangeOut]
    report: PracticeReportOut | None = Field(description="Once the session has ended.")

    @classmethod
    def of_view(cls, view: PracticeView) -> PracticeDetail:
        report = None
        if (outcome := view.outcome) is not None:
            report = PracticeReportOut(
                summary=outcome.summary.to_dict(),
                receptivity=list(outcome.receptivity),
                change_talk=list(outcome.change_talk),
                change_talk_meant=list(outcome.change_talk_meant),
                hidden_concern_disclosed_after=outcome.revealed_at,
                hidden_concern=outcome.hidden_concern,
                background=outcome.background,
            )
        return cls(
            **PracticeOut.of(view.info).model_dump(),
            exchanges=[ExchangeOut.of(i, e) for i, e in enumerate(view.exchanges, 1)],
            report=report,
        )


# -- routes ----------------------------------------------------------------------------------------------


@router.get("/personas", summary="The simulated clients to practise with (clinician)", responses=AUTH_ERRORS)
def list_personas(practice: PracticeDep) -> list[PersonaOut]:
    return [PersonaOut.of(p) for p in practice.personas()]


@router.get(
    "/sessions", summary="Your practice sessions, the most recently used first (clinician)", responses=AUTH_ERRORS
)
def list_practice(
    practice: PracticeDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> list[PracticeOut]:
    return [PracticeOut.of(info) for info in practice.sessions(limit=limit, offset=offset)]


@router.post(
    "/sessions",
    status_code=status.HTTP_201_CREATED,
    summary="Start practising with a simulated client (clinician)",
    responses={**AUTH_ERRORS, **_INVALID},
)
def start_practice(body: PracticeCreate, practice: PracticeDep) -> PracticeDetail:
    return PracticeDetail.of_view(practice.start(body.persona, body.seed))


@router.get(
    "/sessions/{practice_id}",
    summary="A practice session: every reply with its feedback and the client's answer (clinician)",
    responses={**OBJECT_ERRORS, **_GONE},
)
def get_practice(practice_id: str, practice: PracticeDep) -> PracticeDetail:
    return PracticeDetail.of_view(practice.get(practice_id))


@router.post(
    "/sessions/{practice_id}/turns",
    summary="Say something to the client: the MITI feedback on it and the client's answer (clinician)",
    responses={**OBJECT_ERRORS, **_INVALID, **_ENDED},
)
def respond(practice_id: str, body: ReplyIn, practice: PracticeDep) -> ExchangeOut:
    """The turn is stored before the answer is returned; a turn refused for any reason stores nothing."""
    info, exchange = practice.respond(practice_id, body.text)
    return ExchangeOut.of(info.turns, exchange)


@router.post(
    "/sessions/{practice_id}/end",
    summary="End the session: the MITI summary and how the client moved (clinician)",
    responses={**OBJECT_ERRORS, **_GONE},
)
def end_practice(practice_id: str, practice: PracticeDep) -> PracticeDetail:
    """Ending an ended session again just returns it."""
    return PracticeDetail.of_view(practice.end(practice_id))


@router.get(
    "/sessions/{practice_id}/report",
    summary="The end-of-session report as a self-contained HTML page, as `oars practice --report` (clinician)",
    response_class=HTMLResponse,
    responses={**_REPORT_ERRORS, 200: {"content": {"text/html": {}}, "description": "The HTML report."}},
)
def practice_report(practice_id: str, practice: PracticeDep) -> HTMLResponse:
    page = practice.report(practice_id)
    return HTMLResponse(page, headers={"Content-Security-Policy": report_csp(page)})
