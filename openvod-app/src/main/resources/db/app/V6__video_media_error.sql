-- What the VOD reported that shows a video's file is not audio or video: a MetaData without any
-- stream (OpenVOD's platform sends its size-only MetaData for a file ffprobe cannot read) or a task
-- that failed with SourceFileError. Such a video is failed ("not a playable video"). '' when
-- nothing did; videos recorded before this column have ''.
ALTER TABLE videos ADD COLUMN media_error TEXT NOT NULL DEFAULT '';
