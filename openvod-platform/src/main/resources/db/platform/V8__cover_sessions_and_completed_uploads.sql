-- Two changes to uploads.
--
-- 1. An upload session's FileId is no longer unique: a session that replaces the cover of existing
--    media carries that media's FileId, and the media may get a new cover any number of times. The
--    column-level UNIQUE cannot be dropped in SQLite, so upload_sessions is rebuilt; temp_credentials,
--    which references it, is rebuilt around it (dropping a referenced table would cascade into it).
--
-- 2. A completed multipart upload keeps its row, with the ETag of the object it became, until the
--    sweeper removes it, so that a retried or concurrent Complete answers the same result.

CREATE TABLE upload_sessions_v8 (
    session_hash     TEXT   NOT NULL PRIMARY KEY,
    file_id          TEXT   NOT NULL,
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

INSERT INTO upload_sessions_v8 (session_hash, file_id, app_id, sub_app_id, secret_id, bucket, region, media_key, media_name,
        media_type, media_size, cover_key, cover_type, cover_size, target_file_id, class_id, procedure_name, task_priority,
        task_notify_mode, source_context, session_context, media_expire_at, state, created_at, expires_at, committed_at)
    SELECT session_hash, file_id, app_id, sub_app_id, secret_id, bucket, region, media_key, media_name,
        media_type, media_size, cover_key, cover_type, cover_size, target_file_id, class_id, procedure_name, task_priority,
        task_notify_mode, source_context, session_context, media_expire_at, state, created_at, expires_at, committed_at
    FROM upload_sessions;

CREATE TABLE temp_credentials_v8 (
    secret_id    TEXT   NOT NULL PRIMARY KEY,
    secret_key   TEXT   NOT NULL,
    token        TEXT   NOT NULL,
    session_hash TEXT   NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);

INSERT INTO temp_credentials_v8 (secret_id, secret_key, token, session_hash, created_at, expires_at)
    SELECT secret_id, secret_key, token, session_hash, created_at, expires_at FROM temp_credentials;

DROP TABLE temp_credentials;
DROP TABLE upload_sessions;

ALTER TABLE upload_sessions_v8 RENAME TO upload_sessions;

CREATE INDEX upload_sessions_expires_at ON upload_sessions (state, expires_at);
CREATE INDEX upload_sessions_file_id ON upload_sessions (file_id);

CREATE TABLE temp_credentials (
    secret_id    TEXT   NOT NULL PRIMARY KEY,
    secret_key   TEXT   NOT NULL,
    token        TEXT   NOT NULL,
    session_hash TEXT   NOT NULL REFERENCES upload_sessions (session_hash) ON DELETE CASCADE,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);

INSERT INTO temp_credentials (secret_id, secret_key, token, session_hash, created_at, expires_at)
    SELECT secret_id, secret_key, token, session_hash, created_at, expires_at FROM temp_credentials_v8;

DROP TABLE temp_credentials_v8;

CREATE INDEX temp_credentials_session ON temp_credentials (session_hash);

ALTER TABLE multipart_uploads ADD COLUMN completed_etag TEXT;
