"""The JSON API's shapes: what comes in (``…In`` / ``…Create`` / ``…Update``) and what goes out (``…Out``).

Kept apart from the table models so the API never leaks a column by accident (a password hash, a token
hash) and an input can never set a field the caller must not choose (a role, an owner).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from oars.chat import Turn
from oars.measures import Questionnaire, RulerKind
from oars.store import SessionInfo
from oars.web.audit import UserView
from oars.web.clinical import ClientSummary, MeasureResult, PlanView, RulerResult
from oars.web.models import AccessToken, AuditEntry
from oars.web.repository import ClinicianSummary

__all__ = [
    "AuditOut",
    "ClientCreate",
    "ClientCreated",
    "ClientOut",
    "ClinicianCreate",
    "ClinicianCreated",
    "ClinicianOut",
    "ClinicianUpdate",
    "CodedSessionOut",
    "CodedTranscriptsOut",
    "ErrorOut",
    "FlagClear",
    "InviteAccept",
    "InviteOut",
    "LoginIn",
    "LoginOut",
    "MeasureIn",
    "MeasureOut",
    "MeasureRecorded",
    "MessageIn",
    "PlanOut",
    "QuestionnaireOut",
    "RulerIn",
    "RulerOut",
    "SessionCreate",
    "SessionDetail",
    "SessionOut",
    "TokenCreate",
    "TokenCreated",
    "TokenOut",
    "TurnOut",
    "TurnsOut",
    "UserOut",
]

Email = Field(min_length=3, max_length=254, examples=["sam@example.org"])
Name = Field(min_length=1, max_length=120)
Locale = Field(default=None, max_length=35, description="Country for crisis resources: US, GB, IE, CA, AU, NZ.")


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorOut(BaseModel):
    """Every error the API returns on purpose (validation errors have FastAPI's own 422 shape)."""

    detail: str


# -- accounts ------------------------------------------------------------------------------------------


class UserOut(BaseModel):
    id: str
    email: str
    name: str
    role: Literal["admin", "clinician", "client"]
    locale: str

    @classmethod
    def of(cls, user: UserView) -> UserOut:
        return cls(id=user.id, email=user.email, name=user.name, role=user.role, locale=user.locale)  # type: ignore[arg-type]


class LoginIn(_In):
    email: str = Email
    password: str = Field(min_length=1, max_length=1024)


class LoginOut(BaseModel):
    user: UserOut
    csrf_token: str | None = Field(
        description="Send back as the X-CSRF-Token header on unsafe requests made with the session cookie."
    )


class TokenCreate(_In):
    name: str = Field(min_length=1, max_length=100, examples=["reporting script"])


class TokenOut(BaseModel):
    id: str
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, row: AccessToken) -> TokenOut:
        return cls(
            id=row.id,
            name=row.name,
            prefix=row.prefix,
            created_at=row.created_at,
            last_used_at=row.last_used_at,
            revoked_at=row.revoked_at,
        )


class TokenCreated(TokenOut):
    token: str = Field(description="The token itself: shown only now. Send it as `Authorization: Bearer <token>`.")


class InviteOut(BaseModel):
    user_id: str
    url: str = Field(description="The one-time link; it is shown only now.")
    expires_in_hours: int


class InviteAccept(_In):
    token: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=10, max_length=1024)


# -- clinicians ----------------------------------------------------------------------------------------


class ClinicianCreate(_In):
    email: str = Email
    name: str = Name
    locale: str | None = Locale


class ClinicianUpdate(_In):
    name: str | None = Field(default=None, min_length=1, max_length=120)
    active: bool | None = None


class ClinicianOut(BaseModel):
    id: str
    email: str
    name: str
    locale: str
    active: bool
    created_at: datetime
    clients: int

    @classmethod
    def of(cls, summary: ClinicianSummary) -> ClinicianOut:
        return cls.model_validate(summary, from_attributes=True)


class ClinicianCreated(BaseModel):
    clinician: ClinicianOut
    invite: InviteOut


# -- clients, measures, rulers, plans ------------------------------------------------------------------


class MeasureOut(BaseModel):
    questionnaire: Literal["phq9", "gad7"]
    total: int
    band: str
    answers: list[int]
    difficulty: int | None
    safety_flag: bool
    at: datetime
    session_id: str

    @classmethod
    def of(cls, result: MeasureResult) -> MeasureOut:
        return cls.model_validate(result, from_attributes=True)


class ClientCreate(_In):
    email: str = Email
    name: str = Name
    locale: str | None = Locale


class ClientOut(BaseModel):
    id: str
    name: str
    email: str
    locale: str
    active: bool = Field(description="False until the client has used their invitation link.")
    created_at: datetime
    open_flags: int
    latest: dict[str, MeasureOut] = Field(description="The newest result of each questionnaire taken.")
    change: dict[str, int] = Field(description="Newest total minus the one before, per questionnaire.")
    need: list[str] = Field(description="Why the client is where they are in the list (empty: nothing urgent).")

    @classmethod
    def of(cls, summary: ClientSummary) -> ClientOut:
        return cls(
            id=summary.id,
            name=summary.name,
            email=summary.email,
            locale=summary.locale,
            active=summary.active,
            created_at=summary.created_at,
            open_flags=summary.open_flags,
            latest={q: MeasureOut.of(r) for q, r in summary.latest.items()},
            change=summary.change,
            need=list(summary.need.reasons),
        )


class ClientCreated(BaseModel):
    client: ClientOut
    invite: InviteOut


class MeasureIn(_In):
    questionnaire: Literal["phq9", "gad7"]
    answers: list[int] = Field(min_length=7, max_length=9, description="One answer per item, 0–3, in item order.")
    difficulty: int | None = Field(default=None, ge=0, le=3)


class MeasureRecorded(BaseModel):
    result: MeasureOut
    session_id: str = Field(description="The conversation the answers were stored in.")
    turns: list[TurnOut] = Field(description="The safety reply when PHQ-9 item 9 was above 0; otherwise empty.")
    crisis: bool


class RulerIn(_In):
    kind: RulerKind
    value: int = Field(ge=0, le=10)
    text: str = Field(default="", max_length=2000)


class RulerOut(BaseModel):
    kind: RulerKind
    value: int
    at: datetime
    session_id: str

    @classmethod
    def of(cls, result: RulerResult) -> RulerOut:
        return cls.model_validate(result, from_attributes=True)


class PlanOut(BaseModel):
    session_id: str
    updated_at: datetime
    plan: dict[str, Any]
    text: str

    @classmethod
    def of(cls, view: PlanView) -> PlanOut:
        return cls(session_id=view.session_id, updated_at=view.updated_at, plan=view.plan.to_dict(), text=view.text)


class _Option(BaseModel):
    label: str
    value: int


class _Item(BaseModel):
    number: int
    text: str


class _Difficulty(BaseModel):
    text: str
    options: list[_Option]


class QuestionnaireOut(BaseModel):
    """A questionnaire exactly as printed: stem, items, answers, the difficulty item and the credit line."""

    id: str
    name: str
    title: str
    stem: str
    items: list[_Item]
    options: list[_Option]
    difficulty: _Difficulty | None
    credit: str
    citation: str

    @classmethod
    def of(cls, q: Questionnaire) -> QuestionnaireOut:
        difficulty = None
        if q.difficulty is not None:
            difficulty = _Difficulty(
                text=q.difficulty.text, options=[_Option(label=o.label, value=o.value) for o in q.difficulty.options]
            )
        return cls(
            id=q.id,
            name=q.name,
            title=q.title,
            stem=q.stem,
            items=[_Item(number=i.number, text=i.text) for i in q.items],
            options=[_Option(label=o.label, value=o.value) for o in q.options],
            difficulty=difficulty,
            credit=q.attribution,
            citation=q.citation,
        )


# -- chat sessions -------------------------------------------------------------------------------------


class TurnOut(BaseModel):
    index: int
    speaker: Literal["counsellor", "client"]
    text: str
    at: datetime
    move: str | None = None
    process: str | None = None
    talk: str | None = None
    crisis: bool = Field(description="A safety reply (counsellor) or a message that raised a crisis signal (client).")

    @classmethod
    def of(cls, turn: Turn) -> TurnOut:
        return cls(
            index=turn.index,
            speaker=turn.speaker.value,  # type: ignore[arg-type]
            text=turn.text,
            at=turn.at,
            move=turn.move,
            process=turn.process,
            talk=turn.talk,
            crisis=turn.crisis,
        )


class TurnsOut(BaseModel):
    session_id: str
    turns: list[TurnOut]
    crisis: bool = Field(description="True when a reply is the safety path: show it prominently.")

    @classmethod
    def of(cls, session_id: str, turns: list[Turn]) -> TurnsOut:
        return cls(session_id=session_id, turns=[TurnOut.of(t) for t in turns], crisis=any(t.crisis for t in turns))


class SessionCreate(_In):
    topic: str | None = Field(default=None, max_length=100, examples=["drinking"])


class MessageIn(_In):
    text: str = Field(min_length=1, max_length=4000)


class FlagClear(_In):
    note: str = Field(min_length=1, max_length=2000, description="What was done; kept with the session.")


class SessionOut(BaseModel):
    id: str
    client_id: str | None
    created_at: datetime
    updated_at: datetime
    topic: str | None
    locale: str
    status: Literal["active", "ended"]
    flagged: bool
    flag_categories: list[str]
    flag_raised_at: datetime | None
    turns: int

    @classmethod
    def of(cls, info: SessionInfo) -> SessionOut:
        return cls(
            id=info.id,
            client_id=info.client_ref,
            created_at=info.created_at,
            updated_at=info.updated_at,
            topic=info.topic,
            locale=info.locale,
            status=info.status,  # type: ignore[arg-type]
            flagged=info.flagged,
            flag_categories=list(info.flag_categories),
            flag_raised_at=info.flag_raised_at,
            turns=info.turns,
        )


class SessionDetail(SessionOut):
    transcript: list[TurnOut]


class CodedSessionOut(BaseModel):
    session: SessionOut
    utterances: list[dict[str, Any]] = Field(description="Each utterance with its MITI / talk codes.")
    summary: dict[str, Any] = Field(description="MITI 4.2.1 session figures.")


class CodedTranscriptsOut(BaseModel):
    schema_: str = Field(alias="schema")
    transcripts: list[dict[str, Any]]


# -- the audit log -------------------------------------------------------------------------------------


class AuditOut(BaseModel):
    id: int
    at: datetime
    actor_id: str | None
    actor_role: str | None
    action: str
    object_type: str
    object_id: str | None
    client_id: str | None
    outcome: str
    route: str | None
    ip: str | None

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditOut:
        return cls.model_validate(entry, from_attributes=True)
