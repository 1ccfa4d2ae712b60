"""Every read and write of clinical data, on behalf of one actor, authorized and audited.

Routes and pages never touch the database or the session store themselves: they build a ``Repository``
for the request's actor (``deps.Repo``) and call it. Each public method first checks the role
(``Forbidden`` if the role may never do this), then the object (``NotFound`` if it is not the actor's to
see, exactly as if it did not exist), then acts and writes an audit entry. Denials are audited too.

Who sees what:

* an admin manages clinicians and reads the audit log, and sees no clinical data;
* a clinician sees only the clients they invited (``users.clinician_id``) and those clients' sessions;
* a client sees only their own sessions, measures, rulers and plan, and is the only one who talks in them.

A client's chat sessions are the session store's sessions whose ``client_ref`` is the client's id. Chat
turns go through ``oars.chat.Counsellor``: the one this process kept from the session's last turn if it
still holds exactly the stored events (``oars.web.live``), else one rebuilt from the store. A turn costs
one read (may the actor see the session, has it ended, how many events, is the account over its message
limit) and one write (the turn's events, the message count and the audit entry commit together or not at
all). The store's ``expected_seq`` refuses a turn if another request appended to the session meanwhile,
and the turn is then replayed once on the fresh session before answering 409.
Aggregate views (the need-ordered list, measure charts, plans) read the store's tables with one query
each instead of replaying every session; all writes to them still go through ``Store``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, select
from sqlalchemy.orm import Session

from oars.chat import Counsellor, Turn
from oars.chat.turn import turns_from_events
from oars.coder import CodedTranscript
from oars.errors import OarsError, SessionNotFoundError, StoreError
from oars.events import Event, EventKind
from oars.measures import QUESTIONNAIRES, RulerKind
from oars.store import SessionInfo, StoredSession
from oars.store.models import EventRow, SessionRow
from oars.transcript import Transcript, parse_transcripts
from oars.web import audit, ratelimit
from oars.web.accounts import Accounts
from oars.web.audit import Actor, AuditFilter, UserView
from oars.web.backend import Backend
from oars.web.clinical import ClientSummary, MeasureResult, PlanView, RulerResult, need, plan_from, worsening
from oars.web.errors import Conflict, Forbidden, Invalid, NotAuthenticated, NotFound
from oars.web.live import Live, SessionEvents, WithTurn
from oars.web.models import AuditEntry, User
from oars.web.text import clean, is_id

__all__ = ["ClinicianSummary", "Repository", "SessionView"]

MAX_MESSAGE = 4000
"""The longest chat message accepted, in characters (a long message is still far below the body limit)."""
MAX_NOTE = 2000


@dataclass(frozen=True)
class ClinicianSummary:
    """A clinician as the admin sees them: the account, and how many clients they have (no clinical data)."""

    id: str
    email: str
    name: str
    locale: str
    active: bool
    created_at: datetime
    clients: int


@dataclass(frozen=True)
class SessionView:
    """A chat session with its turns (and, for its clinician, everything its events say)."""

    info: StoredSession
    turns: list[Turn]

    @property
    def events(self) -> tuple[Event, ...]:
        return self.info.events


class Repository:
    """The clinic's data as ``actor`` may see and change it."""

    def __init__(self, backend: Backend, accounts: Accounts, actor: Actor) -> None:
        self.backend = backend
        self.accounts = accounts
        self.actor = actor
        self.store = backend.store

    # -- clinicians (admin) ----------------------------------------------------------------------------

    def clinicians(self) -> list[ClinicianSummary]:
        self._role("admin")
        with self.backend.reading() as db:
            counts = dict(
                db.execute(
                    select(User.clinician_id, func.count()).where(User.role == "client").group_by(User.clinician_id)
                ).all()
            )
            rows = db.scalars(select(User).where(User.role == "clinician").order_by(User.name, User.id)).all()
        return [_clinician(row, counts.get(row.id, 0)) for row in rows]

    def clinician(self, clinician_id: str) -> ClinicianSummary:
        self._role("admin")
        with self.backend.reading() as db:
            row = self._clinician_row(db, clinician_id)
            clients = db.scalar(select(func.count()).where(User.clinician_id == row.id)) or 0
            return _clinician(row, clients)

    def add_clinician(self, email: str, name: str, locale: str | None = None) -> tuple[ClinicianSummary, str]:
        """Create a clinician's account and the one-time link with which they set their password."""
        self._role("admin")
        with self.backend.writing() as db:
            row = self.accounts.add_user(
                db, email=email, name=name, role="clinician", locale=locale or self.backend.settings.default_locale
            )
            self._audit(db, "create", "user", row.id)
            token = self.accounts.issue_invite(db, self.actor, row.id)
            return _clinician(row, 0), token

    def update_clinician(self, clinician_id: str, *, name: str | None, active: bool | None) -> ClinicianSummary:
        """Rename, switch off or back on a clinician; switching off ends their logins and tokens at once."""
        self._role("admin")
        with self.backend.writing() as db:
            row = self._clinician_row(db, clinician_id)
            if name is not None:
                row.name = " ".join(clean(name).split())[:120] or row.name
            if active is not None:
                row.active = active and row.password_hash is not None
            self._audit(db, "update", "user", row.id)
            clients = db.scalar(select(func.count()).where(User.clinician_id == row.id)) or 0
            return _clinician(row, clients)

    def reinvite_clinician(self, clinician_id: str) -> str:
        self._role("admin")
        with self.backend.writing() as db:
            row = self._clinician_row(db, clinician_id)
            return self.accounts.issue_invite(db, self.actor, row.id)

    # -- clients (their clinician; a client sees only themselves) -------------------------------------

    def clients(self) -> list[ClientSummary]:
        """The clinician's clients, the one who most needs attention first (see ``clinical.need``)."""
        me = self._role("clinician")
        with self.backend.writing() as db:
            rows = db.scalars(select(User).where(User.clinician_id == me.id, User.role == "client")).all()
            flags = dict(
                db.execute(
                    select(SessionRow.client_ref, func.count())
                    .join(User, User.id == SessionRow.client_ref)
                    .where(User.clinician_id == me.id, SessionRow.flagged.is_(True))
                    .group_by(SessionRow.client_ref)
                ).all()
            )
            measures = _measures(db, clinician_id=me.id)
            self._audit(db, "read", "client_list")
        summaries = [_summary(row, flags.get(row.id, 0), measures.get(row.id, [])) for row in rows]
        return sorted(summaries, key=lambda s: (s.need.key, s.name.lower(), s.id))

    def client(self, client_id: str) -> ClientSummary:
        row = self._client(client_id)
        with self.backend.writing() as db:
            flags = db.scalar(select(func.count()).where(SessionRow.client_ref == row.id, SessionRow.flagged.is_(True)))
            measures = _measures(db, client_id=row.id).get(row.id, [])
            self._audit(db, "read", "client", row.id, client_id=row.id)
            return _summary(row, flags or 0, measures)

    def add_client(self, email: str, name: str, locale: str | None = None) -> tuple[ClientSummary, str]:
        """Create a client of the calling clinician and the one-time link with which they set a password."""
        me = self._role("clinician")
        with self.backend.writing() as db:
            row = self.accounts.add_user(
                db, email=email, name=name, role="client", locale=locale or me.locale, clinician_id=me.id
            )
            self._audit(db, "create", "client", row.id, client_id=row.id)
            token = self.accounts.issue_invite(db, self.actor, row.id)
            return _summary(row, 0, []), token

    def reinvite_client(self, client_id: str) -> str:
        """A fresh one-time link (also how a client who forgot their password gets a new one)."""
        self._role("clinician")
        row = self._client(client_id)
        with self.backend.writing() as db:
            return self.accounts.issue_invite(db, self.actor, row.id)

    def delete_client(self, client_id: str) -> None:
        """Delete the client's record on request: their sessions, then their account (logins, tokens, invites).

        Sessions go first: if the process dies half-way, the account is still there and the deletion
        can simply be asked for again. The audit log keeps the ids of what was deleted, no content.
        """
        self._role("clinician")
        row = self._client(client_id)
        for session in self._all_sessions(row.id):
            self.store.delete_session(session.id)
            self.backend.live.forget(session.id)
        with self.backend.writing() as db:
            db.delete(db.get_one(User, row.id))
            self._audit(db, "delete", "client", row.id, client_id=row.id)

    def export_client(self, client_id: str) -> dict[str, Any]:
        """The client's whole record as JSON-ready data: the account and every session with its events."""
        row = self._client(client_id)
        sessions = [self.store.load(info.id) for info in self._all_sessions(row.id)]
        self._log("export", "client", row.id, client_id=row.id)
        return {
            "schema": "oars-client-record/1",
            "exported_at": self.backend.clock().isoformat(),
            "client": {
                "id": row.id,
                "name": row.name,
                "email": row.email,
                "locale": row.locale,
                "created_at": row.created_at.isoformat(),
                "clinician_id": row.clinician_id,
            },
            "sessions": [_session_record(session) for session in sessions],
        }

    # -- chat sessions ---------------------------------------------------------------------------------

    def sessions(self, client_id: str) -> list[SessionInfo]:
        row = self._client(client_id)
        sessions = self._all_sessions(row.id)
        self._log("read", "session_list", None, client_id=row.id)
        return sessions

    def session(self, session_id: str) -> SessionView:
        stored = self._session(session_id)
        self._log("read", "session", stored.id, client_id=stored.client_ref)
        return SessionView(stored, turns_from_events(list(stored.events)))

    def current_session(self) -> SessionInfo | None:
        """The client's newest active session, if any (where the chat page and the forms continue)."""
        me = self._role("client")
        found = self.store.list_sessions(client_ref=me.id, status="active", limit=1)
        return found[0] if found else None

    def start_session(self, topic: str | None = None) -> tuple[str, list[Turn]]:
        """A new conversation for the calling client: its id and the counsellor's opening turn."""
        me = self._role("client")
        live = self._new_counsellor(me, topic)
        opening = live.counsellor.start()
        self.backend.live.put(live)
        return live.session_id, [opening]

    def say(self, session_id: str, text: str) -> list[Turn]:
        """The client's message and the counsellor's reply, both committed before this returns."""
        me = self._role("client")
        message = clean(text).strip()
        if not message:
            raise Invalid("write a message first")
        if len(message) > MAX_MESSAGE:
            raise Invalid(f"a message is at most {MAX_MESSAGE} characters")
        limit = self.backend.settings.messages_per_account
        key, window = f"message:account:{me.id}", self.backend.settings.rate_window_seconds
        next_seq = self._chat_session(session_id, active=True, rate=(key, limit))

        def count_and_audit(db: Connection, sid: str) -> None:
            at = self.backend.clock()
            if ratelimit.bump(db, key, at=at, seconds=window) > limit:  # a racing request of the same account
                raise ratelimit.too_many("messages", at=at, seconds=window)
            self._audit(db, "update", "session", sid, client_id=me.id)

        return self._turn(session_id, next_seq, lambda counsellor: counsellor.reply(message), count_and_audit)

    def end_session(self, session_id: str) -> list[Turn]:
        me = self._role("client")
        next_seq = self._chat_session(session_id)
        return self._turn(session_id, next_seq, lambda counsellor: counsellor.end(), self._audit_turn(me.id))

    def coded_session(self, session_id: str) -> tuple[SessionView, CodedTranscript]:
        """The session and its transcript coded utterance by utterance, reading the whole conversation."""
        self._role("clinician")
        stored = self._session(session_id)
        turns = turns_from_events(list(stored.events))
        transcript = Transcript.from_turns(((turn.speaker, turn.text) for turn in turns), id=stored.id)
        coded = self.backend.coder.code(transcript, context="full")
        self._log("read", "session", stored.id, client_id=stored.client_ref)
        return SessionView(stored, turns), coded

    def clear_flag(self, session_id: str, note: str) -> SessionInfo:
        """Close a session's open crisis flag; only the client's clinician can, and only with a note."""
        me = self._role("clinician")
        cleaned = clean(note).strip()
        if not cleaned:
            raise Invalid("clearing a crisis flag needs a note saying what was done")
        if len(cleaned) > MAX_NOTE:
            raise Invalid(f"a note is at most {MAX_NOTE} characters")
        stored = self._session(session_id)
        if not stored.flagged:
            raise Conflict("this session has no open crisis flag")
        self.store.append(stored.id, [Event(EventKind.FLAG_CLEARED, {"by": me.id, "note": cleaned})])
        self._log("clear_flag", "session", stored.id, client_id=stored.client_ref)
        return self.store.load(stored.id)

    def open_flags(self) -> list[SessionInfo]:
        """Sessions of the clinician's clients with an open crisis flag, the oldest flag first."""
        me = self._role("clinician")
        with self.backend.reading() as db:
            ids = db.scalars(
                select(SessionRow.id)
                .join(User, User.id == SessionRow.client_ref)
                .where(User.clinician_id == me.id, SessionRow.flagged.is_(True))
                .order_by(SessionRow.flag_raised_at, SessionRow.id)
            ).all()
        flagged = [self.store.load(session_id) for session_id in ids]
        self._log("read", "flag_list")
        return flagged

    # -- measures, rulers and plans --------------------------------------------------------------------

    def record_measure(
        self, questionnaire: str, answers: Sequence[int], difficulty: int | None = None
    ) -> tuple[MeasureResult, list[Turn], str]:
        """Score and store a PHQ-9 / GAD-7 in the client's current session (a new one if none is active).

        Returns the result, the safety reply (PHQ-9 item 9 above 0: the session is flagged) or no turns,
        and the session it went into.
        """
        me = self._role("client")
        if questionnaire not in QUESTIONNAIRES:
            raise NotFound(f"no questionnaire {questionnaire!r}; known: {', '.join(QUESTIONNAIRES)}")
        try:
            QUESTIONNAIRES[questionnaire].score(answers, difficulty)  # refuse a bad form before anything is stored
        except ValueError as error:
            raise Invalid(str(error)) from None
        session_id = self._current_or_new(me)
        replies = self._turn(
            session_id,
            self.store.next_seq(session_id),
            lambda counsellor: counsellor.record_measure(questionnaire, answers, difficulty),
            self._audit_turn(me.id, "create", "measure"),
        )
        stored = self.store.load(session_id)
        event = next(e for e in reversed(stored.events) if e.kind is EventKind.MEASURE_COMPLETED)
        return MeasureResult.from_event(event.data, event.at, session_id), replies, session_id

    def record_ruler(self, kind: str, value: int, text: str = "") -> RulerResult:
        me = self._role("client")
        try:
            ruler = RulerKind(kind)
        except ValueError:
            raise Invalid(f"unknown ruler {kind!r}; known: {', '.join(k.value for k in RulerKind)}") from None
        if isinstance(value, bool) or not 0 <= value <= 10:
            raise Invalid(f"a ruler answer is a whole number from 0 to 10, got {value!r}")
        session_id = self._current_or_new(me)
        self._turn(
            session_id,
            self.store.next_seq(session_id),
            lambda counsellor: counsellor.record_ruler(ruler, value, clean(text)[:MAX_NOTE]),
            self._audit_turn(me.id, "create", "ruler"),
        )
        return RulerResult(ruler.value, value, self.backend.clock(), session_id)

    def measures(self, client_id: str) -> list[MeasureResult]:
        row = self._client(client_id)
        with self.backend.writing() as db:
            found = _measures(db, client_id=row.id).get(row.id, [])
            self._audit(db, "read", "measure_list", None, client_id=row.id)
            return found

    def rulers(self, client_id: str) -> list[RulerResult]:
        row = self._client(client_id)
        with self.backend.writing() as db:
            found = [
                RulerResult(str(data["kind"]), int(data["value"]), at, session_id)
                for _, session_id, data, at in _client_events(db, EventKind.RULER_ANSWERED, client_id=row.id)
            ]
            self._audit(db, "read", "ruler_list", None, client_id=row.id)
            return found

    def plans(self, client_id: str) -> list[PlanView]:
        """The change plan of every session that has one, the newest first (the first is the current plan)."""
        row = self._client(client_id)
        with self.backend.writing() as db:
            updates: dict[str, list[tuple[dict[str, Any], datetime]]] = defaultdict(list)
            for _, session_id, data, at in _client_events(db, EventKind.PLAN_UPDATED, client_id=row.id):
                updates[session_id].append((data, at))
            self._audit(db, "read", "plan_list", None, client_id=row.id)
        plans = [PlanView(sid, items[-1][1], plan_from(data for data, _ in items)) for sid, items in updates.items()]
        return sorted(plans, key=lambda p: p.updated_at, reverse=True)

    # -- transcripts and the audit log -----------------------------------------------------------------

    def code_upload(self, data: bytes, filename: str, input_format: str) -> list[CodedTranscript]:
        """Code an uploaded transcript file for a fidelity report; nothing of it is stored."""
        self._role("clinician")
        self._rate("upload", self.backend.settings.uploads_per_account, "uploads")
        try:
            transcripts = parse_transcripts(data, input_format=input_format, source=filename or "upload")
        except OarsError as error:
            raise Invalid(str(error)) from None
        coded = self.backend.coder.code_many(transcripts, context="full")
        self._log("code", "transcript", None)
        return coded

    def audit_log(self, wanted: AuditFilter) -> list[AuditEntry]:
        self._role("admin")
        with self.backend.writing() as db:
            entries = audit.search(db, wanted)
            self._audit(db, "read", "audit_log")
            return entries

    # -- authorization ---------------------------------------------------------------------------------

    def require(self, *roles: str) -> UserView:
        """The actor, for a page that is only for ``roles`` (denials are audited like any other)."""
        return self._role(*roles)

    def _role(self, *roles: str) -> UserView:
        """The actor, if their role may use this at all; otherwise Forbidden (NotAuthenticated if nobody)."""
        user = self.actor.user
        if user is None:
            raise NotAuthenticated("log in first")
        if user.role not in roles:
            self._log("deny", "route", None, outcome="denied")
            raise Forbidden(f"this is for {' or '.join(roles)} accounts")
        return user

    def _client(self, client_id: str) -> User:
        """The client if the actor is them or their clinician; NotFound otherwise (as if it did not exist).

        Looked up in a transaction of its own, so a denial can be audited in another without waiting on it.
        """
        me = self._role("clinician", "client")
        with self.backend.reading() as db:
            row = db.get(User, client_id) if is_id(client_id) else None
        if row is None or not _sees(me, row):
            self._log("deny", "client", client_id, outcome="denied")
            raise NotFound("no such client")
        return row

    def _clinician_row(self, db: Session, clinician_id: str) -> User:
        row = db.get(User, clinician_id) if is_id(clinician_id) else None
        if row is None or row.role != "clinician":
            raise NotFound("no such clinician")
        return row

    def _session(self, session_id: str) -> StoredSession:
        """A session the actor may see: their own (client) or one of their clients' (clinician)."""
        me = self._role("clinician", "client")
        try:
            stored = self.store.load(session_id) if is_id(session_id) else None
        except SessionNotFoundError:
            stored = None
        if stored is not None and stored.client_ref is not None and stored.channel == "web":
            with self.backend.reading() as db:
                owner = db.get(User, stored.client_ref)
            if owner is not None and _sees(me, owner):
                return stored
        self._log("deny", "session", session_id, outcome="denied")
        raise NotFound("no such session")

    def _chat_session(self, session_id: str, *, active: bool = False, rate: tuple[str, int] | None = None) -> int:
        """How many events a session the actor may see holds, for a turn in it, read without its events.

        As ``_session`` (NotFound, audited, if it is not theirs), in one read that also checks, with
        ``active``, that it has not ended (Conflict) and, with ``rate`` (key, limit), that the account is
        not over its limit already (the turn's own count is added when it is stored).
        """
        me = self._role("clinician", "client")
        if is_id(session_id):
            with self.backend.connect() as db:
                found = db.execute(_CHAT_SESSION, {"session": session_id}).one_or_none()
                if found is not None and _may_see(me, found.client_id, found.role, found.clinician_id):
                    if active and found.status == "ended":
                        raise Conflict("this conversation has ended; start a new one")
                    if rate is not None:
                        settings = self.backend.settings
                        at, key, limit = self.backend.clock(), *rate
                        ratelimit.check(db, key, limit, at=at, seconds=settings.rate_window_seconds, what="messages")
                    return int(found.next_seq)
        self._log("deny", "session", session_id, outcome="denied")
        raise NotFound("no such session")

    # -- chat plumbing ---------------------------------------------------------------------------------

    def _new_counsellor(self, me: UserView, topic: str | None) -> Live:
        """A new session's counsellor; the session is stored with its audit entry, in one transaction."""
        cleaned = " ".join(clean(topic or "").split())[:100] or None
        events = SessionEvents(self.store)
        events.arm(self._audit_turn(me.id, "create", "session"))
        counsellor = Counsellor(
            store=events, channel="web", client_ref=me.id, topic=cleaned, locale=me.locale, **self._engine()
        )
        return Live(counsellor, events)

    def _engine(self) -> dict[str, Any]:
        """The process's shared, read-only parts of the counsellor (building them per request costs ~1 s)."""
        return {"coder": self.backend.coder, "detector": self.backend.detector}

    def _current_or_new(self, me: UserView) -> str:
        current = self.current_session()
        if current is not None:
            return current.id
        live = self._new_counsellor(me, None)
        live.counsellor.start()
        self.backend.live.put(live)
        return live.session_id

    def _turn(
        self, session_id: str, next_seq: int, act: Callable[[Counsellor], object], with_turn: WithTurn
    ) -> list[Turn]:
        """Run ``act`` on the session's counsellor and return the turns it added.

        The counsellor is this process's cached one if it holds exactly ``next_seq`` events (what the
        database said just now), else rebuilt from the store. ``with_turn`` (the audit entry, the message
        count) is stored in the transaction of the act's first write, or on its own if the act wrote
        nothing. If another request appended to the session in between (the store refuses the append),
        rebuild and run it once more on the fresh session; a second conflict is a 409 for the caller to
        retry. Only a counsellor whose act succeeded goes back to the cache: one that failed half-way is
        dropped with its possibly half-changed state.
        """
        for attempt in range(2):
            cached = self.backend.live.take(session_id, next_seq) if attempt == 0 else None
            live = cached or self._resume(session_id)
            seen, before = live.events.next_seq, len(live.counsellor.turns)
            live.events.arm(with_turn)
            try:
                act(live.counsellor)
            except StoreError:
                if self.store.next_seq(session_id) == seen:
                    raise  # nobody else appended: the database itself failed
                continue
            unused = live.events.disarm()
            if unused is not None:  # the act stored nothing (ending an ended session): the audit entry alone
                with self.backend.connect(write=True) as conn:
                    unused(conn, session_id)
            self.backend.live.put(live)
            return live.counsellor.turns[before:]
        raise Conflict("this conversation changed while your message was being answered; send it again")

    def _resume(self, session_id: str) -> Live:
        """The session's counsellor rebuilt from the store (read once)."""
        events = SessionEvents(self.store, self.store.load(session_id))
        return Live(Counsellor.resume(session_id, events, **self._engine()), events)

    def _audit_turn(self, client_id: str, action: str = "update", object_type: str = "session") -> WithTurn:
        """The audit entry of a turn, to be stored with it."""

        def audit_entry(db: Connection, session_id: str) -> None:
            self._audit(db, action, object_type, session_id, client_id=client_id)

        return audit_entry

    # -- audit and limits ------------------------------------------------------------------------------

    def _audit(
        self,
        db: Session | Connection,
        action: str,
        object_type: str,
        object_id: str | None = None,
        *,
        client_id: str | None = None,
        outcome: str = "ok",
    ) -> None:
        audit.record(
            db, self.actor, self.backend.clock(), action, object_type, object_id, client_id=client_id, outcome=outcome
        )

    def _log(
        self,
        action: str,
        object_type: str,
        object_id: str | None = None,
        *,
        client_id: str | None = None,
        outcome: str = "ok",
    ) -> None:
        """An audit entry in a transaction of its own (for store operations, and for denials)."""
        with self.backend.writing() as db:
            self._audit(db, action, object_type, object_id, client_id=client_id, outcome=outcome)

    def _rate(self, what: str, limit: int, label: str) -> None:
        user = self._role("clinician", "client")
        seconds = self.backend.settings.rate_window_seconds
        with self.backend.writing() as db:
            at = self.backend.clock()
            count = ratelimit.bump(db, f"{what}:account:{user.id}", at=at, seconds=seconds)
        if count > limit:
            raise ratelimit.too_many(label, at=at, seconds=seconds)

    def _all_sessions(self, client_id: str) -> list[SessionInfo]:
        found: list[SessionInfo] = []
        while batch := self.store.list_sessions(client_ref=client_id, limit=500, offset=len(found)):
            found.extend(batch)
        return found


_CHAT_SESSION = (  # built once: a chat turn's read (see Repository._chat_session)
    select(
        SessionRow.status,
        User.id.label("client_id"),
        User.role,
        User.clinician_id,
        func.coalesce(
            select(func.max(EventRow.seq)).where(EventRow.session_id == SessionRow.id).scalar_subquery() + 1, 0
        ).label("next_seq"),
    )
    .join(User, User.id == SessionRow.client_ref)
    .where(SessionRow.id == bindparam("session"), SessionRow.channel == "web")
)


def _sees(me: UserView, client: User) -> bool:
    """Whether ``me`` may see this client's data: it is them, or they are its clinician."""
    return _may_see(me, client.id, client.role, client.clinician_id)


def _may_see(me: UserView, client_id: str, role: str, clinician_id: str | None) -> bool:
    if role != "client":
        return False
    return client_id == me.id if me.role == "client" else clinician_id == me.id


def _clinician(row: User, clients: int) -> ClinicianSummary:
    return ClinicianSummary(row.id, row.email, row.name, row.locale, row.active, row.created_at, clients)


def _summary(row: User, open_flags: int, results: list[MeasureResult]) -> ClientSummary:
    by_questionnaire: dict[str, list[MeasureResult]] = {
        q: [r for r in results if r.questionnaire == q] for q in QUESTIONNAIRES
    }
    changes = {q: change for q, rs in by_questionnaire.items() if (change := worsening(rs)) is not None}
    return ClientSummary(
        id=row.id,
        name=row.name,
        email=row.email,
        locale=row.locale,
        active=row.active,
        created_at=row.created_at,
        open_flags=open_flags,
        latest={q: rs[-1] for q, rs in by_questionnaire.items() if rs},
        change=changes,
        need=need(open_flags, by_questionnaire),
    )


def _client_events(
    db: Session, kind: EventKind, *, client_id: str | None = None, clinician_id: str | None = None
) -> list[tuple[str, str, dict[str, Any], datetime]]:
    """(client id, session id, data, time) of every ``kind`` event in one client's sessions, or in the
    sessions of every client of one clinician (the dashboard's list: one query), oldest first."""
    query = (
        select(SessionRow.client_ref, EventRow.session_id, EventRow.data, EventRow.at)
        .join(SessionRow, SessionRow.id == EventRow.session_id)
        .where(EventRow.kind == kind.value)
        .order_by(EventRow.at, EventRow.id)
    )
    if client_id is not None:
        query = query.where(SessionRow.client_ref == client_id)
    if clinician_id is not None:
        query = query.join(User, User.id == SessionRow.client_ref).where(User.clinician_id == clinician_id)
    return [(str(client), session, data, at) for client, session, data, at in db.execute(query).all()]


def _measures(
    db: Session, *, client_id: str | None = None, clinician_id: str | None = None
) -> dict[str, list[MeasureResult]]:
    """Every PHQ-9 / GAD-7 result by client, oldest first."""
    found: dict[str, list[MeasureResult]] = defaultdict(list)
    events = _client_events(db, EventKind.MEASURE_COMPLETED, client_id=client_id, clinician_id=clinician_id)
    for client, session_id, data, at in events:
        found[client].append(MeasureResult.from_event(data, at, session_id))
    return found


def _session_record(session: StoredSession) -> dict[str, Any]:
    return {
        "id": session.id,
        "created_at": session.created_at.isoformat(),
        "updated_at": session.updated_at.isoformat(),
        "topic": session.topic,
        "locale": session.locale,
        "status": session.status,
        "flagged": session.flagged,
        "turns": [turn.to_dict(detail=True) for turn in turns_from_events(list(session.events))],
        "events": [event.to_dict() for event in session.events],
    }
