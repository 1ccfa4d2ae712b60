"""``/api/v1/sessions``: chat with the counsellor (client), read sessions, code them, clear crisis flags.

The same engine as ``oars chat``: each message is answered by ``oars.chat.Counsellor`` (the worker's cached
one if it still matches the database, else rebuilt from it), and both turns are committed before the
response is sent. A reply with ``crisis: true`` is the
safety path and must be shown prominently.
"""

from __future__ import annotations

from fastapi import APIRouter, status

from oars.web.deps import Repo
from oars.web.routes.common import AUTH_ERRORS, OBJECT_ERRORS
from oars.web.schemas import (
    CodedSessionOut,
    ErrorOut,
    FlagClear,
    MessageIn,
    SessionCreate,
    SessionDetail,
    SessionOut,
    TurnOut,
    TurnsOut,
)

__all__ = ["router"]

router = APIRouter(tags=["sessions"])

_CONFLICT = {409: {"model": ErrorOut, "description": "The session has ended, or changed at the same moment."}}
_BLANK = {400: {"model": ErrorOut, "description": "The text is blank once cleaned, or too long."}}


@router.get("/clients/{client_id}/sessions", summary="A client's chat sessions, newest first", responses=OBJECT_ERRORS)
def list_sessions(client_id: str, repo: Repo) -> list[SessionOut]:
    return [SessionOut.of(s) for s in repo.sessions(client_id)]


@router.post(
    "/sessions",
    status_code=status.HTTP_201_CREATED,
    summary="Start a conversation with the counsellor (client)",
    responses=AUTH_ERRORS,
)
def start_session(body: SessionCreate, repo: Repo) -> TurnsOut:
    """Returns the new session's id and the counsellor's opening turn."""
    session_id, turns = repo.start_session(body.topic)
    return TurnsOut.of(session_id, turns)


@router.get("/sessions/{session_id}", summary="A session with its transcript", responses=OBJECT_ERRORS)
def get_session(session_id: str, repo: Repo) -> SessionDetail:
    view = repo.session(session_id)
    return SessionDetail(**SessionOut.of(view.info).model_dump(), transcript=[TurnOut.of(t) for t in view.turns])


@router.post(
    "/sessions/{session_id}/messages",
    summary="Send a message and get the counsellor's reply (client)",
    responses={**OBJECT_ERRORS, **_BLANK, **_CONFLICT},
)
def send_message(session_id: str, body: MessageIn, repo: Repo) -> TurnsOut:
    """Both turns are stored before the reply is returned: a server that dies afterwards loses nothing."""
    return TurnsOut.of(session_id, repo.say(session_id, body.text))


@router.post(
    "/sessions/{session_id}/end",
    summary="End the conversation with a summary (client)",
    responses={**OBJECT_ERRORS, **_CONFLICT},
)
def end_session(session_id: str, repo: Repo) -> TurnsOut:
    return TurnsOut.of(session_id, repo.end_session(session_id))


@router.get(
    "/sessions/{session_id}/coded",
    summary="The transcript coded utterance by utterance, with the MITI summary (clinician)",
    responses=OBJECT_ERRORS,
)
def coded_session(session_id: str, repo: Repo) -> CodedSessionOut:
    view, coded = repo.coded_session(session_id)
    return CodedSessionOut(
        session=SessionOut.of(view.info),
        utterances=[u.to_dict() for u in coded.utterances],
        summary=coded.summary.to_dict(),
    )


@router.post(
    "/sessions/{session_id}/flag/clear",
    summary="Clear a session's open crisis flag, with a note (clinician)",
    responses={**OBJECT_ERRORS, **_BLANK, 409: {"model": ErrorOut, "description": "The session has no open flag."}},
)
def clear_flag(session_id: str, body: FlagClear, repo: Repo) -> SessionOut:
    """Only the client's clinician can clear a flag; the note and who cleared it are kept in the session."""
    return SessionOut.of(repo.clear_flag(session_id, body.note))


@router.get("/flags", summary="Open crisis flags across your clients, oldest first (clinician)", responses=AUTH_ERRORS)
def open_flags(repo: Repo) -> list[SessionOut]:
    return [SessionOut.of(s) for s in repo.open_flags()]
