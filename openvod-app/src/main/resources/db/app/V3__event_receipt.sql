-- The event notification receipt service. Every VOD event is stored as received (push or pull)
-- before it is acknowledged, then processed from the stored copy: received_events is the inbox.
-- content_key (SHA-256 of the canonical body) makes a repeated delivery a no-op. sequence is
-- OpenVOD's per-FileId sequence (0 for Tencent's events, which have none). forward_* track the
-- optional forwarding of processed events to the app's own hook.

CREATE TABLE received_events (
    id               TEXT    NOT NULL PRIMARY KEY,
    content_key      TEXT    NOT NULL UNIQUE,
    source           TEXT    NOT NULL CHECK (source IN ('push', 'pull')),
    format           TEXT    NOT NULL,
    event_type       TEXT    NOT NULL,
    file_ids         TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    event_id         TEXT,
    sequence         BIGINT  NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED')),
    attempts         INTEGER NOT NULL,
    note             TEXT    NOT NULL,
    received_at      BIGINT  NOT NULL,
    processed_at     BIGINT,
    forward_state    TEXT    NOT NULL CHECK (forward_state IN ('NONE', 'PENDING', 'SENT', 'DEAD')),
    forward_attempts INTEGER NOT NULL,
    forward_next_at  BIGINT
);

CREATE INDEX received_events_state ON received_events (state, received_at);
CREATE INDEX received_events_forward ON received_events (forward_state, forward_next_at);

-- The app's videos, by FileId. playbacks is a JSON array of {kind, definition, url, width, height}.
CREATE TABLE videos (
    file_id           TEXT    NOT NULL PRIMARY KEY,
    user_id           TEXT,
    request_id        TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    state             TEXT    NOT NULL,
    media_url         TEXT    NOT NULL,
    cover_url         TEXT    NOT NULL,
    procedure_task_id TEXT    NOT NULL,
    playbacks         TEXT    NOT NULL,
    review            TEXT    NOT NULL,
    review_confidence DOUBLE PRECISION NOT NULL,
    review_label      TEXT    NOT NULL,
    moderation        TEXT,
    moderator         TEXT,
    moderated_at      BIGINT,
    last_sequence     BIGINT  NOT NULL,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);

CREATE INDEX videos_user ON videos (user_id, created_at);
CREATE INDEX videos_state ON videos (state, updated_at);
