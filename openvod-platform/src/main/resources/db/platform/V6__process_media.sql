-- Flows asked for by ProcessMedia carry their own tasks instead of a template's: Tencent's
-- MediaProcessTask and AiContentReviewTask objects as JSON (procedure_name is then empty).
-- session_id is the caller's SessionId: a second submission with the same one within the
-- deduplication window is refused; the flow keeps it to echo it in its events.

ALTER TABLE flow_requests ADD COLUMN media_process_task TEXT;
ALTER TABLE flow_requests ADD COLUMN ai_content_review_task TEXT;
ALTER TABLE flow_requests ADD COLUMN session_id TEXT;

CREATE INDEX flow_requests_session ON flow_requests (sub_app_id, session_id, created_at);

ALTER TABLE task_flows ADD COLUMN session_id TEXT NOT NULL DEFAULT '';
