-- The last sequence number of each FileId's events. An event takes the next one with an upsert on
-- this row, which holds the row until the event's transaction ends: two nodes writing events of
-- one FileId at once take turns instead of both reading the same MAX(seq) and colliding on
-- event_outbox's UNIQUE (file_id, seq).

CREATE TABLE event_sequences (
    file_id  TEXT   NOT NULL PRIMARY KEY,
    last_seq BIGINT NOT NULL
);

INSERT INTO event_sequences (file_id, last_seq)
SELECT file_id, MAX(seq) FROM event_outbox GROUP BY file_id;
