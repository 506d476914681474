-- Standard Webhooks signing secrets, one set per application (SubAppId): a callback of an
-- application is signed with its own secrets only, so that one tenant's signed events are never
-- valid at another tenant's receiver. secret is the whsec_<base64> value (the platform signs with
-- it, so it is kept as is; the database is owner-only). A secret signs from created_at until
-- expires_at (set when it is rotated out, after an overlap) or revoked_at.

CREATE TABLE webhook_secrets (
    secret_id  TEXT    NOT NULL PRIMARY KEY,
    sub_app_id BIGINT  NOT NULL,
    secret     TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT
);

CREATE INDEX webhook_secrets_app ON webhook_secrets (sub_app_id, created_at);
