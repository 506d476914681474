-- Fair claiming of flow tasks across applications: when each application last had a task
-- claimed. Workers take the application with the fewest running tasks, then the one served
-- longest ago, so one application's backlog never starves another's flows.

CREATE TABLE flow_app_turns (
    sub_app_id    BIGINT NOT NULL PRIMARY KEY,
    last_claim_at BIGINT NOT NULL
);
