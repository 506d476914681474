-- What a video's state waits for. upload_seen: whether its NewFileUpload has arrived (it announces
-- the task flow and the ReviewAudioVideo task to wait for). flow_outcome: '' until its task flow
-- finished, then 'success' or 'failed'. review_task_id: the ReviewAudioVideo task announced (or
-- reported); review_task_verdict: '' until that task's ReviewAudioVideoComplete arrived, then
-- pass/review/block/failed. Videos recorded before these columns count as uploaded, and their
-- flow as finished when their state is a flow's outcome.
ALTER TABLE videos ADD COLUMN upload_seen INTEGER NOT NULL DEFAULT 1;
ALTER TABLE videos ADD COLUMN flow_outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE videos ADD COLUMN review_task_id TEXT NOT NULL DEFAULT '';
ALTER TABLE videos ADD COLUMN review_task_verdict TEXT NOT NULL DEFAULT '';

UPDATE videos SET flow_outcome = 'failed' WHERE state = 'failed';
UPDATE videos SET flow_outcome = 'success' WHERE state IN ('published', 'pending_review', 'blocked');
