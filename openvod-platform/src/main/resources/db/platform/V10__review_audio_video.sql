-- ReviewAudioVideo tasks. One runs as a flow of its own (TaskId <subAppId>-ReviewAudioVideo-…) with
-- a single task of type ReviewAudioVideo; its request keeps Tencent's {Definition, ReviewContents}.
-- A procedure template may hold a ReviewAudioVideoTask besides its other tasks.

ALTER TABLE flow_requests ADD COLUMN review_audio_video_task TEXT;
ALTER TABLE procedure_templates ADD COLUMN review_audio_video_task TEXT;
