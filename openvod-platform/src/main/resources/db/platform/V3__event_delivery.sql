-- Event delivery. Each application's event settings (ModifyEventConfig), and one delivery row per
-- outbox event, written in the same transaction as the event: PUSH (POSTed to the application's
-- URL, retried, then dead-lettered), PULL (handed out by PullEvents, hidden while a handle is
-- out, removed by ConfirmEvents) or NONE (the application takes no events of that type).

CREATE TABLE event_configs (
    sub_app_id         BIGINT NOT NULL PRIMARY KEY,
    mode               TEXT   NOT NULL CHECK (mode IN ('PUSH', 'PULL')),
    notification_url   TEXT   NOT NULL,
    upload_switch      TEXT   NOT NULL CHECK (upload_switch IN ('ON', 'OFF')),
    delete_switch      TEXT   NOT NULL CHECK (delete_switch IN ('ON', 'OFF')),
    persistence_switch TEXT   NOT NULL CHECK (persistence_switch IN ('ON', 'OFF')),
    updated_at         BIGINT NOT NULL
);

CREATE TABLE event_deliveries (
    event_id        TEXT    NOT NULL PRIMARY KEY REFERENCES event_outbox (event_id) ON DELETE CASCADE,
    sub_app_id      BIGINT  NOT NULL,
    channel         TEXT    NOT NULL CHECK (channel IN ('PUSH', 'PULL', 'NONE')),
    state           TEXT    NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'DEAD', 'CONFIRMED')),
    target_url      TEXT,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT  NOT NULL,
    last_error      TEXT,
    delivered_at    BIGINT,
    pull_handle     TEXT UNIQUE,
    created_at      BIGINT  NOT NULL
);

CREATE INDEX event_deliveries_due ON event_deliveries (channel, state, next_attempt_at);
CREATE INDEX event_deliveries_app ON event_deliveries (sub_app_id, channel, state, next_attempt_at);
