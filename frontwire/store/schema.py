"""The ledger schema as an ordered list of migrations.

Migration ``i`` (1-based) brings a database from version ``i - 1`` to ``i``. Never
edit a shipped migration: append a new one. The SQL is kept portable so a
PostgreSQL backend can follow: only TEXT, INTEGER and REAL columns, ISO 8601 dates
as TEXT, JSON as TEXT, booleans as INTEGER 0/1, no AUTOINCREMENT, no SQLite-only
functions. Offsets are ``start_off``/``end_off`` because END is a reserved word.
"""

from __future__ import annotations

# v1: what the analysis stages produce, one row per annotation, keyed by document.
V1_REPORTS = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    outlet TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    raw_format TEXT NOT NULL DEFAULT 'text',
    published TEXT,
    published_json TEXT,
    updated TEXT,
    updated_json TEXT,
    source_path TEXT NOT NULL DEFAULT '',
    raw_text TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    meta TEXT NOT NULL DEFAULT '{}',
    warnings TEXT NOT NULL DEFAULT '[]',
    added_at TEXT NOT NULL
);
CREATE INDEX ix_documents_published ON documents (published);
CREATE INDEX ix_documents_outlet ON documents (outlet);

CREATE TABLE removed_lines (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    text TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE sentences (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_off INTEGER NOT NULL,
    end_off INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE entities (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_off INTEGER NOT NULL,
    end_off INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE places (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_off INTEGER NOT NULL,
    end_off INTEGER NOT NULL,
    text TEXT NOT NULL,
    geonameid TEXT,
    name TEXT NOT NULL DEFAULT '',
    lat REAL,
    lon REAL,
    feature TEXT NOT NULL DEFAULT '',
    country_code TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    admin1 TEXT NOT NULL DEFAULT '',
    admin2 TEXT NOT NULL DEFAULT '',
    population INTEGER NOT NULL DEFAULT 0,
    confidence REAL NOT NULL DEFAULT 0,
    alternatives TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX ix_places_geonameid ON places (geonameid);

CREATE TABLE times (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start_off INTEGER NOT NULL,
    end_off INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    begin_date TEXT,
    finish_date TEXT,
    anchor TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doc_id, idx)
);

CREATE TABLE claims (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    content TEXT NOT NULL,
    stance TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    source_start INTEGER,
    source_end INTEGER,
    source_text TEXT NOT NULL DEFAULT '',
    cue TEXT NOT NULL DEFAULT '',
    cue_start INTEGER,
    cue_end INTEGER,
    chain TEXT NOT NULL DEFAULT '[]',
    side TEXT NOT NULL DEFAULT '',
    stance_cue TEXT NOT NULL DEFAULT '',
    sentence INTEGER NOT NULL DEFAULT 0,
    narration INTEGER NOT NULL DEFAULT 0,
    event_ids TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (doc_id, claim_id)
);
CREATE INDEX ix_claims_stance ON claims (stance);

CREATE TABLE event_reports (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    disorder_type TEXT NOT NULL DEFAULT '',
    plover TEXT NOT NULL DEFAULT '',
    start_off INTEGER NOT NULL,
    end_off INTEGER NOT NULL,
    event_trigger TEXT NOT NULL DEFAULT '',
    trigger_start INTEGER,
    trigger_end INTEGER,
    actor1 TEXT NOT NULL DEFAULT '',
    inter1 INTEGER NOT NULL DEFAULT 0,
    actor2 TEXT NOT NULL DEFAULT '',
    inter2 INTEGER NOT NULL DEFAULT 0,
    actors_json TEXT NOT NULL DEFAULT '{}',
    civilian_targeting INTEGER NOT NULL DEFAULT 0,
    place_json TEXT,
    location TEXT NOT NULL DEFAULT '',
    lat REAL,
    lon REAL,
    geonameid TEXT,
    feature TEXT NOT NULL DEFAULT '',
    country_code TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    admin1 TEXT NOT NULL DEFAULT '',
    admin2 TEXT NOT NULL DEFAULT '',
    geo_precision INTEGER NOT NULL DEFAULT 3,
    where_prec INTEGER NOT NULL DEFAULT 6,
    date_start TEXT,
    date_end TEXT,
    time_precision INTEGER NOT NULL DEFAULT 3,
    date_prec INTEGER NOT NULL DEFAULT 5,
    date_text TEXT NOT NULL DEFAULT '',
    fatalities INTEGER NOT NULL DEFAULT 0,
    fatalities_text TEXT NOT NULL DEFAULT '',
    fatalities_start INTEGER,
    fatalities_end INTEGER,
    quantities TEXT NOT NULL DEFAULT '[]',
    background INTEGER NOT NULL DEFAULT 0,
    claim_ids TEXT NOT NULL DEFAULT '[]',
    confidence REAL NOT NULL DEFAULT 0,
    model TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doc_id, event_id)
);
CREATE INDEX ix_event_reports_block ON event_reports (country_code, date_start);

-- Which claims speak about which event report: explicit ids from either side, or
-- inferred by the store ("span" overlap, "sole-event" of the document).
CREATE TABLE claim_events (
    doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    claim_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    via TEXT NOT NULL,
    PRIMARY KEY (doc_id, claim_id, event_id)
);
CREATE INDEX ix_claim_events_event ON claim_events (doc_id, event_id);
"""

# v2: the merged ledger (rebuilt by Ledger.merge) and the review stub for issue 7.
V2_LEDGER = """
CREATE TABLE ledger_events (
    id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    disorder_type TEXT NOT NULL DEFAULT '',
    date_start TEXT,
    date_end TEXT,
    time_precision INTEGER NOT NULL DEFAULT 3,
    location TEXT NOT NULL DEFAULT '',
    lat REAL,
    lon REAL,
    geonameid TEXT,
    country TEXT NOT NULL DEFAULT '',
    country_code TEXT NOT NULL DEFAULT '',
    iso INTEGER NOT NULL DEFAULT 0,
    admin1 TEXT NOT NULL DEFAULT '',
    admin2 TEXT NOT NULL DEFAULT '',
    geo_precision INTEGER NOT NULL DEFAULT 3,
    actor1 TEXT NOT NULL DEFAULT '',
    inter1 INTEGER NOT NULL DEFAULT 0,
    assoc_actor_1 TEXT NOT NULL DEFAULT '',
    actor2 TEXT NOT NULL DEFAULT '',
    inter2 INTEGER NOT NULL DEFAULT 0,
    assoc_actor_2 TEXT NOT NULL DEFAULT '',
    actors TEXT NOT NULL DEFAULT '[]',
    civilian_targeting INTEGER NOT NULL DEFAULT 0,
    fatalities INTEGER NOT NULL DEFAULT 0,
    fatality_figures TEXT NOT NULL DEFAULT '[]',
    n_reports INTEGER NOT NULL DEFAULT 0,
    n_sources INTEGER NOT NULL DEFAULT 0,
    independent_origins INTEGER NOT NULL DEFAULT 0,
    contradicted INTEGER NOT NULL DEFAULT 0,
    stance_summary TEXT NOT NULL DEFAULT '{}',
    background INTEGER NOT NULL DEFAULT 0,
    sources TEXT NOT NULL DEFAULT '',
    source_stances TEXT NOT NULL DEFAULT '[]',
    summary TEXT NOT NULL DEFAULT '',
    first_doc_id TEXT NOT NULL,
    first_event_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_ledger_events_date ON ledger_events (date_start, date_end);
CREATE INDEX ix_ledger_events_country ON ledger_events (country, date_start);
CREATE INDEX ix_ledger_events_cc ON ledger_events (country_code, date_start);
CREATE INDEX ix_ledger_events_admin1 ON ledger_events (admin1, date_start);
CREATE INDEX ix_ledger_events_type ON ledger_events (event_type, date_start);
CREATE INDEX ix_ledger_events_subtype ON ledger_events (sub_event_type, date_start);
CREATE INDEX ix_ledger_events_latlon ON ledger_events (lat, lon);
CREATE INDEX ix_ledger_events_contradicted ON ledger_events (contradicted, date_start);

CREATE TABLE ledger_event_reports (
    ledger_event_id TEXT NOT NULL REFERENCES ledger_events (id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_id),
    FOREIGN KEY (doc_id, event_id) REFERENCES event_reports (doc_id, event_id)
);
CREATE INDEX ix_ledger_event_reports_event ON ledger_event_reports (ledger_event_id);

CREATE TABLE ledger_event_actors (
    ledger_event_id TEXT NOT NULL REFERENCES ledger_events (id) ON DELETE CASCADE,
    actor TEXT NOT NULL,
    actor_key TEXT NOT NULL,
    PRIMARY KEY (ledger_event_id, actor)
);
CREATE INDEX ix_ledger_event_actors_key ON ledger_event_actors (actor_key);

CREATE TABLE ledger_event_stances (
    ledger_event_id TEXT NOT NULL REFERENCES ledger_events (id) ON DELETE CASCADE,
    stance TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (ledger_event_id, stance)
);
CREATE INDEX ix_ledger_event_stances_stance ON ledger_event_stances (stance, ledger_event_id);

-- Lower-cased words of an event's reports and claims for the text filter, kept out of
-- ledger_events so scans of that table stay small.
CREATE TABLE ledger_event_text (
    ledger_event_id TEXT PRIMARY KEY REFERENCES ledger_events (id) ON DELETE CASCADE,
    text TEXT NOT NULL
);

-- Claim pairs about one ledger event: relation is "contradicts" or "corroborates".
CREATE TABLE claim_relations (
    ledger_event_id TEXT NOT NULL REFERENCES ledger_events (id) ON DELETE CASCADE,
    doc_a TEXT NOT NULL,
    claim_a TEXT NOT NULL,
    doc_b TEXT NOT NULL,
    claim_b TEXT NOT NULL,
    relation TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (doc_a, claim_a, doc_b, claim_b)
);
CREATE INDEX ix_claim_relations_event ON claim_relations (ledger_event_id);

-- Human review (issue 7): decisions pin a field of a ledger event. Kept apart from the
-- machine fields in ledger_events so a re-merge never overwrites a reviewer.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    ledger_event_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    reviewer TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX ix_reviews_event ON reviews (ledger_event_id);

CREATE TABLE ledger_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# Who stands behind each stance on an event: {"asserts": ["FSB", ...], ...}, one name per
# independent origin, so "three origins deny it" is visible without re-reading the claims.
V3_ORIGINS = """
ALTER TABLE ledger_events ADD COLUMN origins_by_stance TEXT NOT NULL DEFAULT '{}';
"""

# v4: a claim relation belongs to its ledger event. Two claims of one article linked to
# two reports of it that land in two events are one pair per event, not a collision that
# aborts the merge. ``kind`` says what a contradiction is about (occurrence, perpetrator,
# target, toll); '' until the relations code fills it. The table is rebuilt by every
# merge, so existing rows are copied only to keep a ledger readable before its re-merge.
V4_RELATIONS_BY_EVENT = """
CREATE TABLE claim_relations_v4 (
    ledger_event_id TEXT NOT NULL REFERENCES ledger_events (id) ON DELETE CASCADE,
    doc_a TEXT NOT NULL,
    claim_a TEXT NOT NULL,
    doc_b TEXT NOT NULL,
    claim_b TEXT NOT NULL,
    relation TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (ledger_event_id, doc_a, claim_a, doc_b, claim_b)
);
INSERT INTO claim_relations_v4 (ledger_event_id, doc_a, claim_a, doc_b, claim_b, relation,
    reason) SELECT ledger_event_id, doc_a, claim_a, doc_b, claim_b, relation, reason
    FROM claim_relations;
DROP TABLE claim_relations;
ALTER TABLE claim_relations_v4 RENAME TO claim_relations;
CREATE INDEX ix_claim_relations_event ON claim_relations (ledger_event_id);
CREATE INDEX ix_claim_relations_claim_a ON claim_relations (doc_a, claim_a);
CREATE INDEX ix_claim_relations_claim_b ON claim_relations (doc_b, claim_b);
"""

# v5: death tolls as UCDP keeps them. ``fatalities`` holds the best figure; low and high are
# the range of the current figures (each figure, with its time, origin and whether a later
# count superseded it, is in ``fatality_figures``).
V5_TOLL_RANGE = """
ALTER TABLE ledger_events ADD COLUMN fatalities_low INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger_events ADD COLUMN fatalities_high INTEGER NOT NULL DEFAULT 0;
"""

# v6: the analysts' review decisions, their audit log and the API tokens (issue 7), until
# now created by the review module outside the migrations. IF NOT EXISTS: a ledger that
# already has them (made by that module) keeps them and their rows as they are.
V6_REVIEW = """
CREATE TABLE IF NOT EXISTS review_decisions (
    target_kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (target_kind, target_id, field)
);
CREATE TABLE IF NOT EXISTS review_audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    action TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS ix_review_audit_target ON review_audit (target_kind, target_id);
CREATE TABLE IF NOT EXISTS api_tokens (
    name TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);
"""

MIGRATIONS: list[str] = [V1_REPORTS, V2_LEDGER, V3_ORIGINS, V4_RELATIONS_BY_EVENT,
                         V5_TOLL_RANGE, V6_REVIEW]
SCHEMA_VERSION = len(MIGRATIONS)
