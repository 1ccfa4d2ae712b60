"""Practice sessions of the web app: a clinician's session with a simulated client, and its turns.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

Written by hand to match ``oars.web.models.PracticeRow`` / ``PracticeTurnRow`` (a test compares them). Only
the persona, the seed and the clinician's turns are kept: the session is rebuilt by replaying them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TIMESTAMP = sa.DateTime(timezone=True)
_ID = sa.String(32)


def upgrade() -> None:
    op.create_table(
        "practice_sessions",
        sa.Column("id", _ID, nullable=False),
        sa.Column("clinician_id", _ID, nullable=False),
        sa.Column("persona", sa.String(80), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("turns", sa.Integer(), nullable=False),
        sa.Column("created_at", _TIMESTAMP, nullable=False),
        sa.Column("updated_at", _TIMESTAMP, nullable=False),
        sa.Column("ended_at", _TIMESTAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_practice_sessions"),
        sa.ForeignKeyConstraint(
            ["clinician_id"], ["users.id"], name="fk_practice_sessions_clinician_id_users", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_practice_sessions_clinician_id", "practice_sessions", ["clinician_id"])

    op.create_table(
        "practice_turns",
        sa.Column("session_id", _ID, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", _TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("session_id", "seq", name="pk_practice_turns"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["practice_sessions.id"],
            name="fk_practice_turns_session_id_practice_sessions",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("practice_turns")
    op.drop_index("ix_practice_sessions_clinician_id", table_name="practice_sessions")
    op.drop_table("practice_sessions")
