"""Rate limits kept in the database, so every ``oars serve`` process behind a load balancer shares them.

A fixed window per key: ``login:ip:203.0.113.9`` may be hit ``limit`` times between ``window`` and
``window + seconds``. The counter is bumped with one atomic upsert (SQLite and PostgreSQL both have
``INSERT … ON CONFLICT DO UPDATE … RETURNING``), so two processes never both read "4" and both let a
fifth attempt through. A fixed window lets up to twice the limit through around a window's edge, which
is fine for slowing password guessing; old windows of a key are deleted when it is next bumped.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from oars.web.errors import RateLimited
from oars.web.models import RateCounter

__all__ = ["bump", "check", "too_many", "window_start"]


def window_start(at: datetime, seconds: int) -> int:
    stamp = int(at.timestamp())
    return stamp - stamp % seconds


def bump(db: Session, key: str, *, at: datetime, seconds: int) -> int:
    """Count one more hit of ``key`` in the current window and return the window's count so far."""
    window = window_start(at, seconds)
    dialect = postgresql if db.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(RateCounter)
        .values(key=key, started=window, count=1)
        .on_conflict_do_update(index_elements=["key", "started"], set_={"count": RateCounter.count + 1})
        .returning(RateCounter.count)
    )
    count = int(db.execute(statement).scalar_one())
    if count == 1:
        db.execute(delete(RateCounter).where(RateCounter.key == key, RateCounter.started < window))
    return count


def check(db: Session, key: str, limit: int, *, at: datetime, seconds: int, what: str) -> None:
    """Raise RateLimited if ``key`` has already been hit ``limit`` times in the current window."""
    window = window_start(at, seconds)
    count = db.scalar(select(RateCounter.count).where(RateCounter.key == key, RateCounter.started == window)) or 0
    if count >= limit:
        raise too_many(what, at=at, seconds=seconds)


def too_many(what: str, *, at: datetime, seconds: int) -> RateLimited:
    """The error for a key over its limit, saying when the current window ends."""
    retry = max(1, window_start(at, seconds) + seconds - int(at.timestamp()))
    return RateLimited(f"too many {what}; try again in {retry} seconds", retry_after=retry)
