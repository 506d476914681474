-- One trace per upload (docs/operations.md#tracing): the signature request's id names it. The
-- audit row keeps the trace id it handed out, and every received event the trace it arrived in
-- (its traceparent header, or the one its sourceContext names).
ALTER TABLE issued_signatures ADD COLUMN trace_id TEXT;
ALTER TABLE received_events ADD COLUMN trace_id TEXT;

CREATE INDEX issued_signatures_trace ON issued_signatures (trace_id);
CREATE INDEX received_events_trace ON received_events (trace_id);

-- The steps (spans) this service ran, for `openvod trace`; the same table as the platform's.
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
