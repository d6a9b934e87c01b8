"""initial schema: documents with full-text search, actors, mentions, places, times, events, quotes,
claims, failures

Revision ID: 0001_initial
Revises:
"""

from alembic import op

from newsgraph.store import schema

revision = "0001_initial"
down_revision = None

# The tables of this revision by name: later revisions add theirs to schema.py, and must not be created here.
TABLES = ("documents", "actors", "mentions", "places", "times", "event_mentions", "event_participants", "quotes", "claims",
          "failures")


def upgrade() -> None:
    bind = op.get_bind()
    schema.metadata.create_all(bind, tables=[schema.metadata.tables[name] for name in TABLES])
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')")
    elif bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE documents ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
                   "(to_tsvector('french', coalesce(title, '') || ' ' || text)) STORED")
        op.execute("CREATE INDEX ix_documents_tsv ON documents USING gin(tsv)")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    schema.metadata.drop_all(bind, tables=[schema.metadata.tables[name] for name in TABLES])
