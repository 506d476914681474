-- One trace per upload (docs/operations.md#tracing). The trace an upload session belongs to is
-- kept with it, with its task flows and with every event, so that any node that later takes a part,
-- a Commit, a task or a delivery continues the same trace.
ALTER TABLE upload_sessions ADD COLUMN trace_id TEXT;
ALTER TABLE task_flows ADD COLUMN trace_id TEXT;
-- The W3C traceparent of the step that wrote the event; pushes carry it as their traceparent header.
ALTER TABLE event_outbox ADD COLUMN traceparent TEXT;

CREATE INDEX upload_sessions_trace ON upload_sessions (trace_id);

-- The steps (spans) this service ran, for `openvod trace`: one row per ended span, swept after
-- platform.tracing retention. Times in epoch microseconds.
CREATE TABLE trace_spans (
    span_id        TEXT   NOT NULL PRIMARY KEY,
    trace_id       TEXT   NOT NULL,
    parent_span_id TEXT,
    service        TEXT   NOT NULL,
    name           TEXT   NOT NULL,
    file_id        TEXT,
    started_at     BIGINT NOT NULL,
    ended_at       BIGINT NOT NULL,
    status         TEXT   NOT NULL CHECK (status IN ('ok', 'error')),
    detail         TEXT   NOT NULL
);

CREATE INDEX trace_spans_trace ON trace_spans (trace_id, started_at);
CREATE INDEX trace_spans_file ON trace_spans (file_id);
CREATE INDEX trace_spans_ended ON trace_spans (ended_at);
