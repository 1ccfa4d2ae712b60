"""Rate limits kept in the database, so every ``oars serve`` process behind a load balancer shares them.

A fixed window per key: ``login:ip:203.0.113.9`` may be hit ``limit`` times between ``window`` and
``window + seconds``. The counter is bumped with one atomic upsert (SQLite and PostgreSQL both have
``INSERT … ON CONFLICT DO UPDATE … RETURNING``), so two processes never both read "4" and both let a
fifth attempt through. A fixed window lets up to twice the limit through around a window's edge, which
is fine for slowing password guessing; old windows of a key are deleted when it is next bumped.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, bindparam, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from oars.web.errors import RateLimited
from oars.web.models import RateCounter

__all__ = ["bump", "check", "too_many", "window_start"]

# Core statements built once (building one costs more than running it): a chat turn checks its account's
# count in its read and bumps it in its write.
_COUNTERS = RateCounter.__table__
_KEY, _WINDOW = bindparam("key"), bindparam("window")
_BUMP = {  # by "is it PostgreSQL"
    postgres: dialect.insert(_COUNTERS)
    .values(key=_KEY, started=_WINDOW, count=1)
    .on_conflict_do_update(index_elements=["key", "started"], set_={"count": _COUNTERS.c.count + 1})
    .returning(_COUNTERS.c.count)
    for postgres, dialect in ((True, postgresql), (False, sqlite))
}
_FORGET_OLD = delete(_COUNTERS).where(_COUNTERS.c.key == _KEY, _COUNTERS.c.started < _WINDOW)
_COUNT = select(_COUNTERS.c.count).where(_COUNTERS.c.key == _KEY, _COUNTERS.c.started == _WINDOW)


def window_start(at: datetime, seconds: int) -> int:
    stamp = int(at.timestamp())
    return stamp - stamp % seconds


def bump(db: Session | Connection, key: str, *, at: datetime, seconds: int) -> int:
    """Count one more hit of ``key`` in the current window and return the window's count so far."""
    window = window_start(at, seconds)
    bind = db if isinstance(db, Connection) else db.get_bind()
    count = int(db.execute(_BUMP[bind.dialect.name == "postgresql"], {"key": key, "window": window}).scalar_one())
    if count == 1:
        db.execute(_FORGET_OLD, {"key": key, "window": window})
    return count


def check(db: Session | Connection, key: str, limit: int, *, at: datetime, seconds: int, what: str) -> None:
    """Raise RateLimited if ``key`` has already been hit ``limit`` times in the current window."""
    window = window_start(at, seconds)
    count = db.scalar(_COUNT, {"key": key, "window": window}) or 0
    if count >= limit:
        raise too_many(what, at=at, seconds=seconds)


def too_many(what: str, *, at: datetime, seconds: int) -> RateLimited:
    """The error for a key over its limit, saying when the current window ends."""
    retry = max(1, window_start(at, seconds) + seconds - int(at.timestamp()))
    return RateLimited(f"too many {what}; try again in {retry} seconds", retry_after=retry)
