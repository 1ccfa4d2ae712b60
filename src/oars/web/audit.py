"""The audit log: who read or changed which clinical object (or account), when, from where, with what outcome.

``record`` is called by the repository and the accounts module inside their own transactions, so an
action and its audit entry are committed together (with an ORM session, or with the Core connection of
the session store's write, which stores a chat turn and its entry in one transaction). It is a plain
INSERT, not an ORM object: every request that touches clinical data writes one. Entries hold ids and
route templates only, never clinical text or raw URLs (an invite link in a URL is a secret).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from oars.web.models import AuditEntry
from oars.web.text import clean

__all__ = ["Actor", "AuditFilter", "UserView", "record", "search"]

MAX_PAGE = 500
_INSERT = insert(AuditEntry.__table__)  # built once; the values are bound when it runs


@dataclass(frozen=True)
class UserView:
    """A logged-in person as the rest of the app needs them (a detached copy of the ``users`` row)."""

    id: str
    email: str
    name: str
    role: str
    clinician_id: str | None
    locale: str


@dataclass(frozen=True)
class Actor:
    """Who is asking, how and from where: everything authorization and the audit log need.

    ``route`` is the matched route template ("GET /api/v1/clients/{client_id}"), ``via`` how the request
    was authenticated: ``cookie``, ``token`` or ``none``.
    """

    user: UserView | None
    via: str = "none"
    ip: str | None = None
    route: str | None = None

    @property
    def role(self) -> str | None:
        return self.user.role if self.user else None


@dataclass(frozen=True)
class AuditFilter:
    """What the admin's audit view asks for; every field narrows the list."""

    actor_id: str | None = None
    client_id: str | None = None
    object_id: str | None = None
    action: str | None = None
    outcome: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 100
    offset: int = 0


def record(
    db: Session | Connection,
    actor: Actor,
    at: datetime,
    action: str,
    object_type: str,
    object_id: str | None = None,
    *,
    client_id: str | None = None,
    outcome: str = "ok",
) -> None:
    """Add one entry to the log in ``db``'s transaction."""
    db.execute(
        _INSERT,
        {
            "at": at,
            "actor_id": actor.user.id if actor.user else None,
            "actor_role": actor.role,
            "action": action,
            "object_type": object_type,
            "object_id": _shown(object_id),
            "client_id": client_id,
            "outcome": outcome,
            "route": (actor.route or "")[:200] or None,
            "ip": actor.ip,
        },
    )


def _shown(object_id: str | None) -> str | None:
    """An object id as the log keeps it: a made-up id someone tried is kept too, cleaned and cut short."""
    return None if object_id is None else clean(object_id)[:64]


def search(db: Session, wanted: AuditFilter) -> list[AuditEntry]:
    """Entries matching ``wanted``, newest first."""
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    for column, value in (
        (AuditEntry.actor_id, wanted.actor_id),
        (AuditEntry.client_id, wanted.client_id),
        (AuditEntry.object_id, wanted.object_id),
        (AuditEntry.action, wanted.action),
        (AuditEntry.outcome, wanted.outcome),
    ):
        if value:
            query = query.where(column == clean(value))
    if wanted.since is not None:
        query = query.where(AuditEntry.at >= wanted.since)
    if wanted.until is not None:
        query = query.where(AuditEntry.at < wanted.until)
    limit = max(1, min(wanted.limit, MAX_PAGE))
    return list(db.scalars(query.limit(limit).offset(max(0, wanted.offset))).all())
