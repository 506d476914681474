-- Quota counters: one row per user and quota window (its start, epoch milliseconds), updated in
-- the same transaction as each issued_signatures row, so the quota check reads one row instead of
-- counting the user's signatures. Backfilled from the signatures already recorded, per UTC day.
CREATE TABLE quota_usage (
    user_id      TEXT   NOT NULL,
    window_start BIGINT NOT NULL,
    uploads      BIGINT NOT NULL CHECK (uploads >= 0),
    bytes        BIGINT NOT NULL CHECK (bytes >= 0),
    PRIMARY KEY (user_id, window_start)
);

INSERT INTO quota_usage (user_id, window_start, uploads, bytes)
SELECT user_id, (issued_at / 86400000) * 86400000, COUNT(*), COALESCE(SUM(COALESCE(file_size, 0)), 0)
FROM issued_signatures
GROUP BY user_id, (issued_at / 86400000) * 86400000;
