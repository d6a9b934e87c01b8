"""The store's tables (SQLAlchemy Core). The same schema runs on SQLite and Postgres; migrations in
``migrations/`` create and change it (``newsgraph db upgrade``)."""

from __future__ import annotations

from sqlalchemy import Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

documents = Table(
    "documents", metadata,
    Column("id", String(200), primary_key=True),
    Column("content_sha256", String(64), nullable=False, unique=True),
    Column("raw_sha256", String(64), nullable=False),
    Column("title", Text), Column("published", String(40)),
    Column("published_source", String(10)),  # metadata | dateline | url | clock | none (0003_event_dates)
    Column("language", String(8)),
    Column("url", Text), Column("source", Text), Column("path", Text),
    Column("pipeline", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("data", Text, nullable=False),  # the contract JSON
    Column("minhash", Text),  # JSON list of the MinHash signature
    Column("duplicate_of", String(200)),
    Column("similarity", Float),
    Column("ingested_at", String(40), nullable=False),
)

actors = Table(
    "actors", metadata,
    Column("canonical", String(200), primary_key=True),
    Column("name", Text, nullable=False), Column("kind", String(20)), Column("code", String(30)),
    Column("country", String(3)), Column("sector", String(3)), Column("wikidata", String(20)),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("actor_id", String(20), nullable=False), Column("canonical", String(200), nullable=False),
    Column("start", Integer), Column("end", Integer), Column("text", Text), Column("how", String(20)),
    Index("ix_mentions_document", "document_id"), Index("ix_mentions_canonical", "canonical"),
)

places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("place_id", String(20)), Column("name", Text), Column("country", String(3)), Column("geonameid", Integer),
    Column("lat", Float), Column("lon", Float), Column("mentions", Integer),
    Index("ix_places_document", "document_id"),
)

times = Table(
    "times", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("time_id", String(20)), Column("text", Text), Column("start", Integer), Column("end", Integer),
    Column("value", String(60)), Column("type", String(12)),
    Index("ix_times_document", "document_id"),
)

event_mentions = Table(
    "event_mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", String(20), nullable=False),
    Column("event", String(12), nullable=False), Column("mode", String(30)), Column("context", Text),
    Column("cameo", String(6)), Column("goldstein", Float), Column("quad_class", Integer),
    Column("actors", Text, nullable=False),  # JSON list of {"canonical", "name", "code"}
    Column("recipients", Text, nullable=False),
    Column("source_code", String(30)), Column("target_code", String(30)),
    Column("status", String(14), nullable=False), Column("when_value", String(60)),
    Column("when_source", String(10)),  # text | published (0003_event_dates)
    Column("when_end", String(60)),  # the end of a range; when_value is its begin (0003_event_dates)
    Column("date_start", String(10)), Column("grain", String(2)), Column("month", String(7)),
    Column("place", Text), Column("place_country", String(3)),
    Column("attributed_to", String(200)),
    Column("trigger", Text), Column("sentence_start", Integer), Column("sentence_end", Integer), Column("sentence", Text),
    Column("confidence", Float), Column("why", Text),
    Column("group_key", String(300), nullable=False),
    Column("event_key", String(80), nullable=False),
    Index("ix_em_document", "document_id"), Index("ix_em_event_key", "event_key"), Index("ix_em_group", "group_key"),
    Index("ix_em_dyad", "source_code", "target_code", "month"), Index("ix_em_month", "month"),
)

event_participants = Table(
    "event_participants", metadata,
    Column("mention_id", Integer, ForeignKey("event_mentions.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(10), nullable=False),  # actor | recipient
    Column("code", String(30)), Column("canonical", String(200)),
    Index("ix_ep_code", "code", "role"), Index("ix_ep_mention", "mention_id"),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("quote_id", String(20)), Column("speaker", String(200)), Column("speaker_name", Text), Column("speaker_code", String(30)),
    Column("text", Text), Column("direct", Integer), Column("cue", Text), Column("start", Integer), Column("end", Integer),
    Index("ix_quotes_document", "document_id"), Index("ix_quotes_speaker", "speaker_code"),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(200), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("claim_id", String(20)), Column("event_id", String(20)), Column("event_key", String(80)),
    Column("asserted_by", Text), Column("denied_by", Text), Column("denials", Text),
    Index("ix_claims_document", "document_id"),
)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False), Column("stage", String(30)), Column("reason", Text), Column("at", String(40)),
)

# -- newsgraph watch (migration 0002_watch) ----------------------------------------------------------
# The state of followed sources lives here, written in the same transaction as the documents it
# concerns, so that a watcher killed at any moment loses nothing and re-ingests nothing.

watch_sources = Table(
    "watch_sources", metadata,
    Column("name", String(200), primary_key=True),
    Column("kind", String(10), nullable=False),  # feed | directory
    Column("location", Text, nullable=False),  # the feed URL or the directory path
    Column("every_seconds", Integer, nullable=False),
    Column("etag", Text), Column("last_modified", Text),  # validators of the last complete fetch
    Column("polls", Integer, nullable=False, default=0),
    Column("items_seen", Integer, nullable=False, default=0),
    Column("items_stored", Integer, nullable=False, default=0),
    Column("errors_total", Integer, nullable=False, default=0),
    Column("consecutive_errors", Integer, nullable=False, default=0),
    Column("last_poll_at", String(40)), Column("last_ok_at", String(40)), Column("last_status", String(40)),
    Column("last_error", Text), Column("last_error_at", String(40)),
    Column("next_poll_at", String(40)),
    Column("added_at", String(40), nullable=False),
)

watch_items = Table(
    "watch_items", metadata,
    Column("source", String(200), ForeignKey("watch_sources.name", ondelete="CASCADE"), primary_key=True),
    Column("item_key", String(80), primary_key=True),  # sha256 of the feed item's guid or link; file:... for a directory file
    Column("kind", String(10), nullable=False),  # item | file
    Column("link", Text),  # the item's link or the file's path
    Column("document_id", String(200)),
    Column("status", String(20), nullable=False),  # stored | recoded | updated | duplicate | failed | file
    Column("text_from", String(10)),  # content | page | summary | file
    Column("note", Text),  # why the text came from the summary, or why the item failed
    Column("seen_at", String(40), nullable=False),
)

alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rule", String(200), nullable=False),
    Column("created_at", String(40), nullable=False),
    # the event mention that raised the alert; its merged event is found through event_mentions
    Column("document_id", String(200), nullable=False), Column("event_id", String(20), nullable=False),
    Column("event_key", String(80), nullable=False),  # the merged event's key when the alert was raised
    Column("event", String(12), nullable=False), Column("cameo", String(6)), Column("status", String(14)),
    Column("goldstein", Float), Column("quad_class", Integer), Column("date", String(60)),
    Column("actors", Text, nullable=False), Column("recipients", Text, nullable=False),  # JSON lists of codes
    Column("payload", Text, nullable=False),  # the JSON a webhook receives
    Column("webhook", Text),
    Column("delivery", String(10), nullable=False),  # none | pending | delivered | failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", String(40)), Column("delivered_at", String(40)), Column("last_error", Text),
    Index("ix_alerts_created", "created_at"), Index("ix_alerts_delivery", "delivery", "next_attempt_at"),
    Index("ux_alerts_rule_mention", "rule", "document_id", "event_id", unique=True),
)
