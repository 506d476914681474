-- The app backend's schema: accounts, bearer-token hashes, and the ledger of issued signatures.
-- Written in the subset of SQL that both SQLite and PostgreSQL accept: TEXT, BIGINT and INTEGER
-- columns, explicit primary keys, times as BIGINT epoch milliseconds, booleans as INTEGER 0/1.
-- No table has a column for a VOD secret key, a signature, a password or a bearer token: only
-- password hashes (Argon2id, PHC format) and SHA-256 token hashes are kept.

CREATE TABLE accounts (
    user_id       TEXT    NOT NULL PRIMARY KEY,
    role          TEXT    NOT NULL DEFAULT '',
    banned        INTEGER NOT NULL DEFAULT 0 CHECK (banned IN (0, 1)),
    password_hash TEXT,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE tokens (
    token_hash TEXT   NOT NULL PRIMARY KEY,
    user_id    TEXT   NOT NULL REFERENCES accounts (user_id) ON DELETE CASCADE,
    kind       TEXT   NOT NULL CHECK (kind IN ('SESSION', 'API')),
    label      TEXT   NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    expires_at BIGINT
);

CREATE INDEX tokens_user_id ON tokens (user_id);

-- One row per signature handed out: every signed parameter except the key, and no signature.
-- user_id has no foreign key: users from an identity provider have no accounts row.
CREATE TABLE issued_signatures (
    request_id      TEXT    NOT NULL PRIMARY KEY,
    user_id         TEXT    NOT NULL,
    secret_id       TEXT    NOT NULL,
    issued_at       BIGINT  NOT NULL,
    expires_at      BIGINT  NOT NULL,
    random          BIGINT  NOT NULL,
    procedure       TEXT,
    class_id        BIGINT,
    one_time_valid  INTEGER NOT NULL CHECK (one_time_valid IN (0, 1)),
    source_context  TEXT    NOT NULL,
    session_context TEXT,
    file_name       TEXT,
    file_size       BIGINT CHECK (file_size >= 0),
    client_ip       TEXT    NOT NULL
);

CREATE INDEX issued_signatures_user_issued ON issued_signatures (user_id, issued_at);
