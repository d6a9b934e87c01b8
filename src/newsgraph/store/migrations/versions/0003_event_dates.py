"""event dates: where a document's publication date came from (documents.published_source), and for
each event mention where its date came from (event_mentions.when_source: text | published) and the end
of a range (event_mentions.when_end)

Mentions stored before this revision had a date only from the text: their when_source becomes "text"
where they have one. The documents' published_source stays null (not recorded then); `newsgraph recode`
fills both in.

Revision ID: 0003_event_dates
Revises: 0002_watch
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_event_dates"
down_revision = "0002_watch"

# The columns as this revision adds them (frozen here: schema.py may change later).
COLUMNS = (
    ("documents", "published_source", 10),
    ("event_mentions", "when_source", 10),
    ("event_mentions", "when_end", 60),
)


def _has(table: str, column: str) -> bool:
    return column in {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def upgrade() -> None:
    # a store created at this revision or later already has them (0001 builds the tables from schema.py)
    for table, column, length in COLUMNS:
        if not _has(table, column):
            op.add_column(table, sa.Column(column, sa.String(length)))
    op.execute("UPDATE event_mentions SET when_source = 'text' WHERE when_value IS NOT NULL AND when_source IS NULL")


def downgrade() -> None:
    for table in ("documents", "event_mentions"):
        names = [c for t, c, _ in COLUMNS if t == table and _has(t, c)]
        if names:
            with op.batch_alter_table(table) as batch:
                for name in names:
                    batch.drop_column(name)
