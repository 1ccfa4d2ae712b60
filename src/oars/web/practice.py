"""MI practice in the web app: a clinician talks with a simulated client (``oars.practice``), stored so any
process can carry on.

A ``PracticeSession`` is deterministic given its persona, its seed and the clinician's turns, so the
database keeps exactly those (``models.PracticeRow`` / ``PracticeTurnRow``) and the session is rebuilt by
replaying the turns: the client's replies, the codes and the coaching tips come out the same in every
process. Each process keeps recently used sessions (``PracticeCache``) so a turn does not replay the whole
conversation; a cached session is used only if it holds exactly the turns the database holds, so the cache
is never the only copy of anything (the same rule as ``oars.web.live`` for chat).

Who sees what: practice is for clinicians, and a practice session is its clinician's alone. Another
clinician's session answers 404, exactly like one that does not exist; any other role is refused with 403
by ``Repository.require`` (which audits the denial). Starting and ending a session are audited like other
clinician actions; the turns are not, since they are the clinician's own training, not clinical data.

A turn costs one read (the row, and the turns when the session is not cached), the coder's work, and one
write that stores the turn only if the session still has the turn count and the open state that read
saw: a second request racing on the same session gets 409 instead of adding a turn the first never saw.
"""

from __future__ import annotations

import secrets
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, Request
from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from oars.coder import SessionSummary
from oars.errors import StoreError
from oars.practice import Exchange, Persona, PracticeSession, shipped_personas
from oars.practice.debrief import debrief_section
from oars.practice.session import MAX_TURN_CHARS
from oars.report import ReportSection
from oars.web import audit, ratelimit
from oars.web.audit import UserView
from oars.web.deps import Repo
from oars.web.errors import Conflict, Invalid, NotFound
from oars.web.live import Lending
from oars.web.models import PracticeRow, PracticeTurnRow
from oars.web.repository import Repository
from oars.web.text import clean, is_id

__all__ = [
    "MAX_SEED",
    "MAX_TURN_CHARS",
    "Practice",
    "PracticeCache",
    "PracticeDep",
    "PracticeInfo",
    "PracticeOutcome",
    "PracticeView",
    "personas",
]

MAX_SEED = 2**31 - 1
"""The largest seed accepted: the column is a 32-bit integer on PostgreSQL."""
CACHE_SIZE = 64
"""Practice sessions a process keeps between turns (at most; ``Settings.live_sessions`` 0 turns it off)."""
LIST_LIMIT = 200

_SESSIONS = PracticeRow.__table__
_TURNS = PracticeTurnRow.__table__
_TEXTS = (  # built once: the turns to replay, in the order they were said
    select(PracticeTurnRow.text).where(PracticeTurnRow.session_id == bindparam("session")).order_by(PracticeTurnRow.seq)
)


def personas() -> list[Persona]:
    """The simulated clients a clinician can practise with: the shipped personas, by id.

    Only shipped personas can be named: ``find_persona`` would also open a ``.yaml`` path, which a web
    request must never be able to make the server read.
    """
    return list(shipped_personas().values())


@dataclass(frozen=True)
class PracticeInfo:
    """A practice session's stored row, as the pages and the API show it."""

    id: str
    persona: Persona
    seed: int
    turns: int
    created_at: datetime
    updated_at: datetime
    ended_at: datetime | None

    @property
    def status(self) -> Literal["active", "ended"]:
        return "ended" if self.ended_at is not None else "active"


@dataclass(frozen=True)
class PracticeOutcome:
    """The end-of-session report's content: the ``oars code`` MITI summary, and how the client moved."""

    summary: SessionSummary
    debrief: ReportSection  # the practice report's own section (chart, figures, who the client was)
    receptivity: tuple[float, ...]  # at the start, then after each turn
    change_talk: tuple[float | None, ...]  # share of change talk after each turn, as coded
    change_talk_meant: tuple[float | None, ...]  # the same, as the simulator meant it
    revealed_at: int | None  # the turn after which the hidden concern came out
    hidden_concern: str
    background: str


@dataclass(frozen=True)
class PracticeView:
    """A practice session at one moment: a snapshot, safe to render after the session went back to the cache."""

    info: PracticeInfo
    exchanges: tuple[Exchange, ...]
    outcome: PracticeOutcome | None  # once ended (before, the report would give away the hidden concern)


class PracticeCache(Lending[PracticeSession]):
    """Recently used practice sessions of this process (``oars.web.live.Lending``). A session is handed
    out only if it holds ``turns`` exchanges: the count the database gave in the same request, so a
    session another process moved on is rebuilt instead."""

    def __init__(self, capacity: int = CACHE_SIZE) -> None:
        super().__init__(capacity)

    def take(self, practice_id: str, turns: int) -> PracticeSession | None:
        return self.lend(practice_id, lambda session: len(session.exchanges) == turns)

    def put(self, practice_id: str, session: PracticeSession) -> None:
        self.keep(practice_id, session)


class Practice:
    """A clinician's practice sessions, as the request's actor may see and change them."""

    def __init__(self, repo: Repository, cache: PracticeCache) -> None:
        self.repo = repo
        self.backend = repo.backend
        self.actor = repo.actor
        self.cache = cache

    # -- what a clinician can do -------------------------------------------------------------------------

    def personas(self) -> list[Persona]:
        self._me()
        return personas()

    def sessions(self, *, limit: int = 50, offset: int = 0) -> list[PracticeInfo]:
        """The clinician's practice sessions, the most recently used first."""
        me = self._me()
        query = (
            select(PracticeRow)
            .where(PracticeRow.clinician_id == me.id)
            .order_by(PracticeRow.updated_at.desc(), PracticeRow.id)
            .limit(max(1, min(limit, LIST_LIMIT)))
            .offset(max(0, offset))
        )
        with self.backend.reading() as db:
            rows = db.scalars(query).all()
        return [_info(row) for row in rows if row.persona in shipped_personas()]  # see ``_info``

    def start(self, persona_id: str, seed: int | None = None) -> PracticeView:
        """A new practice session with a shipped persona; a random seed unless one is given."""
        me = self._me()
        persona = _persona(persona_id)
        if seed is None:
            seed = secrets.randbelow(MAX_SEED + 1)
        elif not 0 <= seed <= MAX_SEED:
            raise Invalid(f"the seed must be a whole number from 0 to {MAX_SEED}")
        at, practice_id = self.backend.clock(), uuid.uuid4().hex
        with self.backend.connect(write=True) as db:
            db.execute(
                insert(_SESSIONS).values(
                    id=practice_id,
                    clinician_id=me.id,
                    persona=persona.id,
                    seed=seed,
                    turns=0,
                    created_at=at,
                    updated_at=at,
                    ended_at=None,
                )
            )
            self._audit(db, "create", practice_id)
        info = PracticeInfo(practice_id, persona, seed, 0, at, at, None)
        session = self._new_session(persona, seed)
        self.cache.put(practice_id, session)
        return PracticeView(info, (), None)

    def get(self, practice_id: str) -> PracticeView:
        info, session = self._load(practice_id)
        view = _view(info, session)
        self.cache.put(info.id, session)
        return view

    def respond(self, practice_id: str, text: str) -> tuple[PracticeInfo, Exchange]:
        """The clinician's turn: its feedback and the client's reply, stored before this returns.

        Nothing is stored if anything fails (a blank or too long turn, an ended session, a racing turn):
        the session is exactly as it was, and the clinician can send the turn again.
        """
        me = self._me()
        message = clean(text).strip()
        if not message:
            raise Invalid("write your reply first")
        if len(message) > MAX_TURN_CHARS:
            raise Invalid(f"a reply is at most {MAX_TURN_CHARS} characters; this one has {len(message)}")
        key, limit = f"practice:account:{me.id}", self.backend.settings.messages_per_account
        info, session = self._load(practice_id, rate=(key, limit))
        if info.ended_at is not None:
            self.cache.put(info.id, session)
            raise Conflict("this practice session has ended; start a new one")
        exchange = session.respond(message)  # the session is dropped (not cached) if storing the turn fails
        at, seconds = self.backend.clock(), self.backend.settings.rate_window_seconds
        try:
            with self.backend.connect(write=True) as db:
                if ratelimit.bump(db, key, at=at, seconds=seconds) > limit:
                    raise ratelimit.too_many("practice replies", at=at, seconds=seconds)
                moved = db.execute(
                    update(_SESSIONS)
                    .where(_SESSIONS.c.id == info.id, _SESSIONS.c.turns == info.turns, _SESSIONS.c.ended_at.is_(None))
                    .values(turns=info.turns + 1, updated_at=at)
                )
                if moved.rowcount != 1:
                    raise _changed()
                db.execute(insert(_TURNS).values(session_id=info.id, seq=info.turns, text=message, at=at))
        except StoreError as error:
            if isinstance(error.__cause__, IntegrityError):  # the same turn number stored by another request
                raise _changed() from None
            raise
        self.cache.put(info.id, session)
        stored = PracticeInfo(info.id, info.persona, info.seed, info.turns + 1, info.created_at, at, None)
        return stored, exchange

    def end(self, practice_id: str) -> PracticeView:
        """End the session (further turns are refused) and return it with its report; ending twice is fine."""
        info, session = self._load(practice_id)
        if info.ended_at is None:
            at = self.backend.clock()
            with self.backend.connect(write=True) as db:
                db.execute(
                    update(_SESSIONS)
                    .where(_SESSIONS.c.id == info.id, _SESSIONS.c.ended_at.is_(None))
                    .values(ended_at=at, updated_at=at)
                )
                self._audit(db, "end", info.id)
            info = PracticeInfo(info.id, info.persona, info.seed, info.turns, info.created_at, at, at)
            session.end()
        view = _view(info, session)
        self.cache.put(info.id, session)
        return view

    def report(self, practice_id: str) -> str:
        """The HTML report of ``oars practice --report`` (the ``oars code`` report and how the client moved)."""
        info, session = self._load(practice_id)
        try:
            if info.ended_at is None:
                raise Conflict("the report is made when the session ends (it tells what the client was not saying)")
            return session.render_report()
        finally:
            self.cache.put(info.id, session)

    # -- loading and rebuilding --------------------------------------------------------------------------

    def _load(self, practice_id: str, *, rate: tuple[str, int] | None = None) -> tuple[PracticeInfo, PracticeSession]:
        """The session and its row, if it is the actor's; NotFound (audited) otherwise.

        One read gives the row and, unless this process has the session cached at exactly the stored turn
        count, the turns to replay. With ``rate`` (key, limit) the same read refuses an account already
        over its limit, before any coding is done.
        """
        me = self._me()
        texts: Sequence[str] = ()
        found: tuple[PracticeInfo, PracticeSession | None] | None = None
        with self.backend.reading() as db:
            row = db.get(PracticeRow, practice_id) if is_id(practice_id) else None
            if row is not None and row.clinician_id == me.id:
                if rate is not None:
                    at, (key, limit), seconds = self.backend.clock(), rate, self.backend.settings.rate_window_seconds
                    ratelimit.check(db, key, limit, at=at, seconds=seconds, what="practice replies")
                info = _info(row)
                found = info, self.cache.take(info.id, info.turns)
                if found[1] is None:
                    texts = db.scalars(_TEXTS, {"session": info.id}).all()
        if found is None:
            with self.backend.connect(write=True) as conn:
                self._audit(conn, "deny", practice_id, outcome="denied")
            raise NotFound("no such practice session")
        info, cached = found
        session = cached if cached is not None else self._replay(info, texts)
        if info.ended_at is not None and not session.ended:
            session.end()
        return info, session

    def _replay(self, info: PracticeInfo, texts: Sequence[str]) -> PracticeSession:
        """The session rebuilt from its stored turns: the same replies, codes and tips as when they were said."""
        session = self._new_session(info.persona, info.seed)
        try:
            for text in texts:
                session.respond(text)
        except ValueError:  # a turn this version refuses (a limit made stricter since): say so, do not crash
            raise Conflict("this practice session can no longer be replayed; start a new one") from None
        return session

    def _new_session(self, persona: Persona, seed: int) -> PracticeSession:
        return PracticeSession(persona, seed=seed, coder=self.backend.coder)  # the process's one coder

    # -- authorization and audit -------------------------------------------------------------------------

    def _me(self) -> UserView:
        return self.repo.require("clinician")

    def _audit(self, db: Connection, action: str, practice_id: str, *, outcome: str = "ok") -> None:
        audit.record(db, self.actor, self.backend.clock(), action, "practice_session", practice_id, outcome=outcome)


# -- the request's Practice ------------------------------------------------------------------------------

_CACHES_LOCK = threading.Lock()


def practice_cache(app: FastAPI) -> PracticeCache:
    """The app's practice cache, made on first use (``main`` builds the app; this module adds to it)."""
    with _CACHES_LOCK:
        cache: PracticeCache | None = getattr(app.state, "practice_cache", None)
        if cache is None:
            cache = PracticeCache(min(CACHE_SIZE, app.state.settings.live_sessions))
            app.state.practice_cache = cache
        return cache


async def _practice(request: Request, repo: Repo) -> Practice:
    return Practice(repo, practice_cache(request.app))


PracticeDep = Annotated[Practice, Depends(_practice)]


# -- helpers ---------------------------------------------------------------------------------------------


def _persona(persona_id: str) -> Persona:
    shipped = shipped_personas()
    persona = shipped.get(" ".join(persona_id.split()).lower())
    if persona is None:
        raise Invalid(f"unknown persona {clean(persona_id)[:80]!r}; choose one of: {', '.join(shipped)}")
    return persona


def _info(row: PracticeRow) -> PracticeInfo:
    persona = shipped_personas().get(row.persona)
    if persona is None:  # a persona a later release no longer ships: the session cannot be rebuilt
        raise Conflict(f"the simulated client {row.persona!r} of this practice session is no longer available")
    return PracticeInfo(row.id, persona, row.seed, row.turns, row.created_at, row.updated_at, row.ended_at)


def _view(info: PracticeInfo, session: PracticeSession) -> PracticeView:
    outcome = None
    if session.ended:
        outcome = PracticeOutcome(
            summary=session.coded().summary,
            debrief=debrief_section(session),
            receptivity=session.receptivity,
            change_talk=tuple(session.change_shares()),
            change_talk_meant=tuple(session.change_shares(intended=True)),
            revealed_at=session.revealed_at,
            hidden_concern=session.persona.hidden_concern.disclosure,
            background=session.persona.background,
        )
    return PracticeView(info, session.exchanges, outcome)


def _changed() -> Conflict:
    return Conflict("this practice session changed while your reply was being answered; reload it and send again")
