-- The SessionId of task-flow submissions (ProcessMedia, ProcessMediaByProcedure, ReviewAudioVideo):
-- when each application's SessionId last started a flow. One row per application and SessionId makes
-- the deduplication window a single atomic statement (an upsert that only takes an expired row), so two
-- nodes that receive the same SessionId at once start one flow.
CREATE TABLE flow_sessions (
    sub_app_id BIGINT NOT NULL,
    session_id TEXT   NOT NULL,
    started_at BIGINT NOT NULL,
    PRIMARY KEY (sub_app_id, session_id)
);

INSERT INTO flow_sessions (sub_app_id, session_id, started_at)
SELECT sub_app_id, session_id, MAX(created_at) FROM flow_requests
WHERE session_id IS NOT NULL
GROUP BY sub_app_id, session_id;
