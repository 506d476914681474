-- Every FileId the platform has handed out, so that two nodes never hand out the same one: a node
-- makes a FileId from its clock and its own counter, then reserves it here (the primary key decides)
-- before the upload session that carries it is created, and tries the next one when it is taken.
CREATE TABLE file_ids (
    file_id     TEXT   NOT NULL PRIMARY KEY,
    reserved_at BIGINT NOT NULL
);

INSERT INTO file_ids (file_id, reserved_at)
SELECT file_id, MIN(created_at) FROM (
    SELECT file_id, created_at FROM media
    UNION ALL
    SELECT file_id, created_at FROM upload_sessions
) AS handed_out
GROUP BY file_id;
