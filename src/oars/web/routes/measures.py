"""``/api/v1`` measures: the PHQ-9 and GAD-7 (exact wording and credit), their results, readiness rulers.

A client's answers go into their current conversation (a new one if none is active), so a PHQ-9 item 9
above 0 starts the safety path there: the response then carries the safety reply, and the session is
flagged for the clinician.
"""

from __future__ import annotations

from fastapi import APIRouter, status

from oars.measures import QUESTIONNAIRES
from oars.web.deps import Repo
from oars.web.errors import NotFound
from oars.web.routes.common import AUTH_ERRORS, OBJECT_ERRORS
from oars.web.schemas import (
    ErrorOut,
    MeasureIn,
    MeasureOut,
    MeasureRecorded,
    QuestionnaireOut,
    RulerIn,
    RulerOut,
    TurnOut,
)

__all__ = ["router"]

router = APIRouter(tags=["measures"])

_NOT_FOUND = {404: {"model": ErrorOut, "description": "No such questionnaire."}}
_INVALID = {400: {"model": ErrorOut, "description": "An answer is out of range."}}


@router.get("/questionnaires", summary="The questionnaires, worded exactly as published")
def list_questionnaires() -> list[QuestionnaireOut]:
    return [QuestionnaireOut.of(q) for q in QUESTIONNAIRES.values()]


@router.get("/questionnaires/{questionnaire_id}", summary="One questionnaire", responses=_NOT_FOUND)
def get_questionnaire(questionnaire_id: str) -> QuestionnaireOut:
    if questionnaire_id not in QUESTIONNAIRES:
        raise NotFound(f"no questionnaire {questionnaire_id!r}; known: {', '.join(QUESTIONNAIRES)}")
    return QuestionnaireOut.of(QUESTIONNAIRES[questionnaire_id])


@router.post(
    "/measures",
    status_code=status.HTTP_201_CREATED,
    summary="Submit a completed PHQ-9 or GAD-7 (client)",
    responses={**AUTH_ERRORS, **_INVALID},
)
def record_measure(body: MeasureIn, repo: Repo) -> MeasureRecorded:
    result, turns, session_id = repo.record_measure(body.questionnaire, body.answers, body.difficulty)
    return MeasureRecorded(
        result=MeasureOut.of(result),
        session_id=session_id,
        turns=[TurnOut.of(t) for t in turns],
        crisis=any(t.crisis for t in turns),
    )


@router.get(
    "/clients/{client_id}/measures", summary="A client's PHQ-9 and GAD-7 results, oldest first", responses=OBJECT_ERRORS
)
def list_measures(client_id: str, repo: Repo) -> list[MeasureOut]:
    return [MeasureOut.of(m) for m in repo.measures(client_id)]


@router.post(
    "/rulers",
    status_code=status.HTTP_201_CREATED,
    summary="Answer a readiness ruler: importance, confidence or readiness, 0–10 (client)",
    responses={**AUTH_ERRORS, **_INVALID},
)
def record_ruler(body: RulerIn, repo: Repo) -> RulerOut:
    return RulerOut.of(repo.record_ruler(body.kind, body.value, body.text))


@router.get("/clients/{client_id}/rulers", summary="A client's ruler answers, oldest first", responses=OBJECT_ERRORS)
def list_rulers(client_id: str, repo: Repo) -> list[RulerOut]:
    return [RulerOut.of(r) for r in repo.rulers(client_id)]
