-- Procedure templates an application defined (CreateProcedureTemplate), by name. The tasks are
-- kept as Tencent's request objects: MediaProcessTask and AiContentReviewTask as JSON.

CREATE TABLE procedure_templates (
    sub_app_id             BIGINT NOT NULL,
    name                   TEXT   NOT NULL,
    comment                TEXT   NOT NULL,
    media_process_task     TEXT,
    ai_content_review_task TEXT,
    created_at             BIGINT NOT NULL,
    updated_at             BIGINT NOT NULL,
    PRIMARY KEY (sub_app_id, name)
);
