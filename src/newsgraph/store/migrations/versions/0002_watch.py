"""newsgraph watch: followed sources with their fetch state, the items seen, and alerts with their
webhook delivery queue

Revision ID: 0002_watch
Revises: 0001_initial
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_watch"
down_revision = "0001_initial"

# The tables as this revision creates them (frozen here, so that a later revision can change them).


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("every_seconds", sa.Integer, nullable=False),
        sa.Column("etag", sa.Text), sa.Column("last_modified", sa.Text),
        sa.Column("polls", sa.Integer, nullable=False, server_default="0"),
        sa.Column("items_seen", sa.Integer, nullable=False, server_default="0"),
        sa.Column("items_stored", sa.Integer, nullable=False, server_default="0"),
        sa.Column("errors_total", sa.Integer, nullable=False, server_default="0"),
        sa.Column("consecutive_errors", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_poll_at", sa.String(40)), sa.Column("last_ok_at", sa.String(40)), sa.Column("last_status", sa.String(40)),
        sa.Column("last_error", sa.Text), sa.Column("last_error_at", sa.String(40)),
        sa.Column("next_poll_at", sa.String(40)),
        sa.Column("added_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "watch_items",
        sa.Column("source", sa.String(200), sa.ForeignKey("watch_sources.name", ondelete="CASCADE"), primary_key=True),
        sa.Column("item_key", sa.String(80), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("link", sa.Text),
        sa.Column("document_id", sa.String(200)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("text_from", sa.String(10)),
        sa.Column("note", sa.Text),
        sa.Column("seen_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("rule", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("document_id", sa.String(200), nullable=False), sa.Column("event_id", sa.String(20), nullable=False),
        sa.Column("event_key", sa.String(80), nullable=False),
        sa.Column("event", sa.String(12), nullable=False), sa.Column("cameo", sa.String(6)), sa.Column("status", sa.String(14)),
        sa.Column("goldstein", sa.Float), sa.Column("quad_class", sa.Integer), sa.Column("date", sa.String(60)),
        sa.Column("actors", sa.Text, nullable=False), sa.Column("recipients", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("webhook", sa.Text),
        sa.Column("delivery", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt_at", sa.String(40)), sa.Column("delivered_at", sa.String(40)), sa.Column("last_error", sa.Text),
    )
    op.create_index("ix_alerts_created", "alerts", ["created_at"])
    op.create_index("ix_alerts_delivery", "alerts", ["delivery", "next_attempt_at"])
    op.create_index("ux_alerts_rule_mention", "alerts", ["rule", "document_id", "event_id"], unique=True)


def downgrade() -> None:
    op.drop_table("alerts")
    op.drop_table("watch_items")
    op.drop_table("watch_sources")
