"""The two tables: one row per session (what lists and filters need) and its events (the session itself).

The session row is a summary kept up to date by the repository as events are appended (turns, the open
crisis flag, ended or not), so listing sessions never replays events. The events are the truth.
Every change here needs a new migration in ``migrations/versions``; a test checks that they agree.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    MetaData,
    String,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

__all__ = ["Base", "EventRow", "SessionRow", "UTCDateTime"]

# Explicit constraint names, so the migration and the models name them identically on every database.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every database.

    SQLite keeps no offset, so values are converted to UTC before they are stored and given UTC back when
    read; PostgreSQL's ``timestamptz`` comes back in the connection's zone and is converted too. A naive
    datetime is refused: its moment is unknown.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"a naive datetime cannot be stored (its moment is unknown): {value}")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime()}


class SessionRow(Base):
    """A session's identity and a summary of its events."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # uuid4 hex
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime] = mapped_column(index=True)  # lists are newest-updated first
    topic: Mapped[str | None] = mapped_column(String(255))
    locale: Mapped[str] = mapped_column(String(35))
    channel: Mapped[str] = mapped_column(String(16))  # cli / web / api / script
    client_ref: Mapped[str | None] = mapped_column(String(255), index=True)  # the web app's client id
    status: Mapped[str] = mapped_column(String(16))  # active / ended
    flagged: Mapped[bool] = mapped_column(index=True)  # a crisis flag is open (raised, not yet cleared)
    flag_categories: Mapped[str | None] = mapped_column(String(255))  # comma-separated, while flagged
    flag_raised_at: Mapped[datetime | None]
    turns: Mapped[int] = mapped_column(Integer)  # client turns so far
    title: Mapped[str | None] = mapped_column(String(255))


class EventRow(Base):
    """One event of one session; ``seq`` numbers a session's events 0, 1, 2, … with no gaps."""

    __tablename__ = "events"
    # The unique (session_id, seq) index also serves every lookup by session, so there is no second one.
    __table_args__ = (UniqueConstraint("session_id", "seq"),)

    # BIGINT on PostgreSQL; SQLite only auto-increments a column declared INTEGER PRIMARY KEY.
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    session_id: Mapped[str] = mapped_column(String(32), ForeignKey("sessions.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(JSON().with_variant(JSONB(), "postgresql"))
    at: Mapped[datetime]
