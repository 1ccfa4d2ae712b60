"""Sessions and their events.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Written by hand to match ``oars.store.models`` (a test compares them). Timestamps are timezone-aware;
SQLite stores them as UTC text, which ``UTCDateTime`` in the models reads back as aware UTC.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("created_at", _TIMESTAMP, nullable=False),
        sa.Column("updated_at", _TIMESTAMP, nullable=False),
        sa.Column("topic", sa.String(255), nullable=True),
        sa.Column("locale", sa.String(35), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("client_ref", sa.String(255), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("flag_categories", sa.String(255), nullable=True),
        sa.Column("flag_raised_at", _TIMESTAMP, nullable=True),
        sa.Column("turns", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(255), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
    )
    op.create_index("ix_sessions_updated_at", "sessions", ["updated_at"])
    op.create_index("ix_sessions_client_ref", "sessions", ["client_ref"])
    op.create_index("ix_sessions_flagged", "sessions", ["flagged"])

    op.create_table(
        "events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("session_id", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("data", sa.JSON().with_variant(postgresql.JSONB(), "postgresql"), nullable=False),
        sa.Column("at", _TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="fk_events_session_id_sessions", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("session_id", "seq", name="uq_events_session_id_seq"),
    )


def downgrade() -> None:
    op.drop_table("events")
    op.drop_table("sessions")
