-- Task flows (procedures). A flow is one run of a procedure template on one media file, named by
-- its TaskId (the ProcedureTaskId of NewFileUpload); its tasks are the sub-tasks of the template
-- (a Transcode of one definition, a CoverBySnapshot, ...). Workers claim a due task with a lease
-- (lease_owner, lease_until) and renew it while the step runs; a task whose lease ran out is
-- claimed again. A flow is FINISH when every task is SUCCESS or FAIL.

CREATE TABLE task_flows (
    task_id         TEXT    NOT NULL PRIMARY KEY,
    file_id         TEXT    NOT NULL,
    app_id          BIGINT  NOT NULL,
    sub_app_id      BIGINT  NOT NULL,
    procedure_name  TEXT    NOT NULL,
    priority        INTEGER NOT NULL,
    notify_mode     TEXT    NOT NULL CHECK (notify_mode IN ('Finish', 'Change', 'None')),
    session_context TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('PROCESSING', 'FINISH')),
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    finished_at     BIGINT
);

CREATE INDEX task_flows_file ON task_flows (file_id);
CREATE INDEX task_flows_app_status ON task_flows (sub_app_id, status, created_at);

CREATE TABLE flow_tasks (
    id              TEXT    NOT NULL PRIMARY KEY,
    task_id         TEXT    NOT NULL REFERENCES task_flows (task_id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    type            TEXT    NOT NULL,
    input           TEXT    NOT NULL,
    priority        INTEGER NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('WAITING', 'PROCESSING', 'SUCCESS', 'FAIL')),
    progress        INTEGER NOT NULL,
    attempts        INTEGER NOT NULL,
    lease_owner     TEXT,
    lease_until     BIGINT,
    err_code_ext    TEXT    NOT NULL,
    message         TEXT    NOT NULL,
    output          TEXT,
    begin_time      BIGINT,
    finish_time     BIGINT,
    next_attempt_at BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    UNIQUE (task_id, position)
);

-- The queue: due waiting tasks and expired leases, highest priority first.
CREATE INDEX flow_tasks_due ON flow_tasks (status, priority, next_attempt_at);
