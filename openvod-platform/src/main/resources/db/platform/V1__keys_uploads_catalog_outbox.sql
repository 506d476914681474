-- The platform's schema: accounts and their API keys, upload sessions with their temporary
-- credentials, multipart uploads, the media catalog, the event outbox and pending task flows.
-- Written in the subset of SQL that both SQLite and PostgreSQL accept: TEXT, BIGINT and INTEGER
-- columns, explicit primary keys, times as BIGINT epoch milliseconds.
-- vodSessionKey values are kept as SHA-256 hashes only. API secret keys and temporary secret keys
-- are kept as they are: a request signature (HMAC) can only be checked with the key itself.

-- An account (Tencent "AppId") and its applications ("SubAppId"); the primary application's
-- SubAppId equals the AppId.
CREATE TABLE apps (
    sub_app_id BIGINT NOT NULL PRIMARY KEY,
    app_id     BIGINT NOT NULL,
    name       TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX apps_app_id ON apps (app_id);

-- An account's API keys (SecretId -> SecretKey); they sign upload signatures and API 3.0 calls.
CREATE TABLE api_keys (
    secret_id  TEXT   NOT NULL PRIMARY KEY,
    secret_key TEXT   NOT NULL,
    app_id     BIGINT NOT NULL,
    status     TEXT   NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

-- First uses of one-time signatures (oneTimeValid=1), kept until the signature expires.
CREATE TABLE used_signatures (
    use_key    TEXT   NOT NULL PRIMARY KEY,
    keep_until BIGINT NOT NULL
);

CREATE INDEX used_signatures_keep_until ON used_signatures (keep_until);

-- One client upload: what ApplyUploadUGC granted and everything the signature decided.
CREATE TABLE upload_sessions (
    session_hash     TEXT   NOT NULL PRIMARY KEY,
    file_id          TEXT   NOT NULL UNIQUE,
    app_id           BIGINT NOT NULL,
    sub_app_id       BIGINT NOT NULL,
    secret_id        TEXT   NOT NULL,
    bucket           TEXT   NOT NULL,
    region           TEXT   NOT NULL,
    media_key        TEXT,
    media_name       TEXT,
    media_type       TEXT,
    media_size       BIGINT,
    cover_key        TEXT,
    cover_type       TEXT,
    cover_size       BIGINT,
    target_file_id   TEXT,
    class_id         BIGINT NOT NULL,
    procedure_name   TEXT,
    task_priority    INTEGER NOT NULL,
    task_notify_mode TEXT,
    source_context   TEXT   NOT NULL,
    session_context  TEXT   NOT NULL,
    media_expire_at  BIGINT,
    state            TEXT   NOT NULL CHECK (state IN ('APPLIED', 'COMMITTED')),
    created_at       BIGINT NOT NULL,
    expires_at       BIGINT NOT NULL,
    committed_at     BIGINT
);

CREATE INDEX upload_sessions_expires_at ON upload_sessions (state, expires_at);

-- Temporary COS credentials, each scoped to the object keys of one upload session.
CREATE TABLE temp_credentials (
    secret_id    TEXT   NOT NULL PRIMARY KEY,
    secret_key   TEXT   NOT NULL,
    token        TEXT   NOT NULL,
    session_hash TEXT   NOT NULL REFERENCES upload_sessions (session_hash) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);

CREATE INDEX temp_credentials_session ON temp_credentials (session_hash);

-- Multipart uploads of the COS-compatible API and the parts received so far.
CREATE TABLE multipart_uploads (
    upload_id    TEXT   NOT NULL PRIMARY KEY,
    bucket       TEXT   NOT NULL,
    object_key   TEXT   NOT NULL,
    content_type TEXT   NOT NULL,
    initiated_at BIGINT NOT NULL
);

CREATE INDEX multipart_uploads_key ON multipart_uploads (bucket, object_key);

CREATE TABLE multipart_parts (
    upload_id   TEXT    NOT NULL REFERENCES multipart_uploads (upload_id) ON DELETE CASCADE,
    part_number INTEGER NOT NULL,
    md5_hex     TEXT    NOT NULL,
    size        BIGINT  NOT NULL,
    stored_at   BIGINT  NOT NULL,
    PRIMARY KEY (upload_id, part_number)
);

-- The media catalog: one row per FileId.
CREATE TABLE media (
    file_id         TEXT   NOT NULL PRIMARY KEY,
    app_id          BIGINT NOT NULL,
    sub_app_id      BIGINT NOT NULL,
    name            TEXT   NOT NULL,
    description     TEXT   NOT NULL,
    type            TEXT   NOT NULL,
    class_id        BIGINT NOT NULL,
    bucket          TEXT   NOT NULL,
    storage_region  TEXT   NOT NULL,
    media_key       TEXT   NOT NULL,
    media_url       TEXT   NOT NULL,
    cover_key       TEXT,
    cover_url       TEXT   NOT NULL,
    source_context  TEXT   NOT NULL,
    size            BIGINT NOT NULL,
    metadata        TEXT,
    probe_error     TEXT,
    status          TEXT   NOT NULL CHECK (status IN ('Normal', 'Forbidden')),
    expire_at       BIGINT,
    created_at      BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);

CREATE INDEX media_sub_app_created ON media (sub_app_id, created_at);

-- Events to deliver (push) or hand out (pull), written in the transaction of the change they
-- report. seq numbers one FileId's events in order.
CREATE TABLE event_outbox (
    event_id   TEXT   NOT NULL PRIMARY KEY,
    app_id     BIGINT NOT NULL,
    sub_app_id BIGINT NOT NULL,
    file_id    TEXT   NOT NULL,
    seq        BIGINT NOT NULL,
    event_type TEXT   NOT NULL,
    body       TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (file_id, seq)
);

CREATE INDEX event_outbox_sub_app_created ON event_outbox (sub_app_id, created_at);

-- Task flows that an upload asked for, waiting for the task-flow engine.
CREATE TABLE flow_requests (
    task_id          TEXT    NOT NULL PRIMARY KEY,
    file_id          TEXT    NOT NULL,
    app_id           BIGINT  NOT NULL,
    sub_app_id       BIGINT  NOT NULL,
    procedure_name   TEXT    NOT NULL,
    task_priority    INTEGER NOT NULL,
    task_notify_mode TEXT    NOT NULL,
    session_context  TEXT    NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('PENDING', 'RUNNING', 'FINISHED')),
    created_at       BIGINT  NOT NULL
);

CREATE INDEX flow_requests_state ON flow_requests (state, task_priority, created_at);
