"""The web app's tables, on the same metadata as the session store (one database, one migration history).

Chat sessions stay in the store's ``sessions`` / ``events`` tables; a web client's sessions are the ones
whose ``client_ref`` is the client's user id. Everything here is what the clinic adds around them: who
may log in and as what, their login sessions and personal access tokens, one-time invites, the rate-limit
counters and the audit log. Nothing that matters lives in process memory, so any number of ``oars
serve`` processes can share one database.

Secrets are never stored: login-session ids, access tokens and invite tokens are kept as SHA-256 hashes
(they are long random strings, so a fast hash is enough), passwords as argon2id hashes. Every change here
needs a new migration in ``oars/store/migrations/versions`` (``0002_web.py`` created these;
``0003_practice.py`` the practice tables at the end).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from oars.store.models import Base

__all__ = [
    "ROLES",
    "AccessToken",
    "AuditEntry",
    "Invite",
    "LoginSession",
    "PracticeRow",
    "PracticeTurnRow",
    "RateCounter",
    "User",
]

ROLES = ("admin", "clinician", "client")
"""admin manages clinicians; a clinician invites and sees only their own clients; a client sees only their own."""


class User(Base):
    """Anyone who can log in. A client belongs to exactly one clinician (``clinician_id``)."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # uuid4 hex; a client's id is its client_ref
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-cased
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    clinician_id: Mapped[str | None] = mapped_column(String(32), ForeignKey("users.id"), index=True)
    locale: Mapped[str] = mapped_column(String(35))  # picks the crisis resources shown to the person
    password_hash: Mapped[str | None] = mapped_column(String(255))  # None until an invite is accepted
    active: Mapped[bool]  # False: invited but not yet accepted, or switched off by an admin
    created_at: Mapped[datetime]


class LoginSession(Base):
    """A browser's login: the cookie holds a random value, the table its hash (a stolen table logs in no one)."""

    __tablename__ = "login_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime]  # the absolute limit counts from here
    last_seen_at: Mapped[datetime]  # the idle limit counts from here
    ip: Mapped[str | None] = mapped_column(String(64))


class AccessToken(Base):
    """A personal access token for programs (``Authorization: Bearer …``), shown once, revocable."""

    __tablename__ = "access_tokens"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))  # the first characters, so a person can tell tokens apart
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class Invite(Base):
    """A one-time link that lets an invited person set their password: hashed, expiring, single use."""

    __tablename__ = "invites"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(32), ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_by: Mapped[str | None] = mapped_column(String(32))  # the inviting clinician or admin
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class RateCounter(Base):
    """How often ``key`` (e.g. ``login:ip:203.0.113.9``) was hit in the fixed window that began at ``started``."""

    __tablename__ = "rate_counters"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    started: Mapped[int] = mapped_column(BigInteger, primary_key=True)  # unix time the window started
    count: Mapped[int] = mapped_column(Integer)


class AuditEntry(Base):
    """One read or write of clinical data (or an account event): who, what, which object, when, from where.

    Holds ids, never clinical text. Rows outlive the users and clients they name, so there are no foreign
    keys: deleting a client's record must not erase the evidence of who looked at it.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_client_id_at", "client_id", "at"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    actor_id: Mapped[str | None] = mapped_column(String(32), index=True)
    actor_role: Mapped[str | None] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(32), index=True)  # read / create / update / delete / login …
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(String(64))
    client_id: Mapped[str | None] = mapped_column(String(32))  # whose clinical data, for "who saw X's record"
    outcome: Mapped[str] = mapped_column(String(16))  # ok / denied / failed
    route: Mapped[str | None] = mapped_column(String(200))  # "GET /api/v1/clients/{client_id}", never the raw URL
    ip: Mapped[str | None] = mapped_column(String(64))


# -- practice (added with migration 0003) ----------------------------------------------------------------


class PracticeRow(Base):
    """A clinician's practice session with a simulated client (``oars.practice``): what it takes to rebuild it.

    A ``PracticeSession`` is deterministic given the persona, the seed and the clinician's turns, so those are
    all that is stored; the client's replies, the codes and the feedback are replayed from them. ``turns``
    counts the stored turns: a new turn is stored only if it is still the count the turn was computed on,
    so two requests answering the same session at once cannot both add turn N.
    """

    __tablename__ = "practice_sessions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # uuid4 hex
    clinician_id: Mapped[str] = mapped_column(String(32), ForeignKey("users.id", ondelete="CASCADE"), index=True)
    persona: Mapped[str] = mapped_column(String(80))  # a shipped persona's id (never a file path)
    seed: Mapped[int] = mapped_column(Integer)
    turns: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class PracticeTurnRow(Base):
    """One clinician turn of a practice session, as the session was given it (cleaned, stripped)."""

    __tablename__ = "practice_turns"

    session_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("practice_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)  # 0, 1, 2 … in the order they were said
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime]
