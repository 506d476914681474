package io.openvod.app.videos;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a VOD event says about videos, in the terms the app acts on ({@link VideoTransitions} applies it);
 * the receipt service's parser reads it from a body.
 */
public sealed interface VodEvent {
    /** The event's {@code EventType}, e.g. {@code NewFileUpload}. */
    String eventType();

    /** The media files the event is about. */
    List<String> fileIds();

    /**
     * {@code NewFileUpload}: a media file was uploaded.
     *
     * @param sourceContext the signature's {@code sourceContext}, echoed back
     * @param procedureTaskId the task flow the upload started; empty when none
     * @param reviewTaskId the {@code ReviewAudioVideo} task the upload's task flow started (its verdict
     *     comes as a {@code ReviewAudioVideoComplete}); empty when none
     * @param mediaError why the VOD found the file is not audio or video (its {@code MetaData} has no
     *     stream), empty when the event does not say so
     */
    record FileUploaded(String fileId, String name, String mediaUrl, String coverUrl, String sourceContext,
                        String procedureTaskId, String reviewTaskId, String mediaError) implements VodEvent {
        public FileUploaded {
            Objects.requireNonNull(fileId, "fileId == null");
            reviewTaskId = reviewTaskId == null ? "" : reviewTaskId;
            mediaError = mediaError == null ? "" : mediaError;
        }

        /** An upload whose event says nothing against the file. */
        public FileUploaded(String fileId, String name, String mediaUrl, String coverUrl, String sourceContext,
                            String procedureTaskId, String reviewTaskId) {
            this(fileId, name, mediaUrl, coverUrl, sourceContext, procedureTaskId, reviewTaskId, "");
        }

        @Override
        public String eventType() {
            return "NewFileUpload";
        }

        @Override
        public List<String> fileIds() {
            return List.of(fileId);
        }
    }

    /**
     * {@code ProcedureStateChanged}: a task flow progressed ({@code PROCESSING}) or ended ({@code FINISH}).
     *
     * @param sessionContext the signature's or request's {@code sessionContext}, echoed back
     * @param coverUrl the cover a CoverBySnapshot task set, if any
     * @param playbacks the transcodes and adaptive streams the flow made
     * @param review the content review's verdict
     * @param failedTasks how many media-processing tasks failed (review tasks count in {@code review})
     * @param mediaError why the VOD found the file is not audio or video (a task failed with a source
     *     file error, or the event's {@code MetaData} has no stream), empty when the event does not say so
     */
    record ProcedureChanged(String taskId, String fileId, boolean finished, long errCode, String message, String sessionContext,
                            Optional<String> coverUrl, List<Playback> playbacks, Review review, int failedTasks, String mediaError)
            implements VodEvent {
        public ProcedureChanged {
            Objects.requireNonNull(fileId, "fileId == null");
            playbacks = List.copyOf(playbacks);
            mediaError = mediaError == null ? "" : mediaError;
        }

        /** A flow report that says nothing against the file. */
        public ProcedureChanged(String taskId, String fileId, boolean finished, long errCode, String message, String sessionContext,
                                Optional<String> coverUrl, List<Playback> playbacks, Review review, int failedTasks) {
            this(taskId, fileId, finished, errCode, message, sessionContext, coverUrl, playbacks, review, failedTasks, "");
        }

        @Override
        public String eventType() {
            return "ProcedureStateChanged";
        }

        @Override
        public List<String> fileIds() {
            return List.of(fileId);
        }
    }

    /**
     * {@code ReviewAudioVideoComplete}: a {@code ReviewAudioVideo} task ended.
     *
     * @param review its verdict: the {@code Suggestion}, the highest {@code Confidence} and the {@code Label};
     *     {@link Review.Verdict#FAILED} when the task failed, {@link Review.Verdict#NONE} while it is not finished
     * @param sessionContext the request's {@code SessionContext}, echoed back
     * @param mediaError why the VOD found the file is not audio or video (the task failed with a source
     *     file error), empty when the event does not say so
     */
    record ReviewCompleted(String taskId, String fileId, Review review, String sessionContext, String mediaError)
            implements VodEvent {
        public ReviewCompleted {
            Objects.requireNonNull(taskId, "taskId == null");
            Objects.requireNonNull(fileId, "fileId == null");
            Objects.requireNonNull(review, "review == null");
            sessionContext = sessionContext == null ? "" : sessionContext;
            mediaError = mediaError == null ? "" : mediaError;
        }

        /** A verdict that says nothing against the file. */
        public ReviewCompleted(String taskId, String fileId, Review review, String sessionContext) {
            this(taskId, fileId, review, sessionContext, "");
        }

        @Override
        public String eventType() {
            return "ReviewAudioVideoComplete";
        }

        @Override
        public List<String> fileIds() {
            return List.of(fileId);
        }
    }

    /**
     * {@code FileDeleted}: media files, or parts of them, were deleted.
     *
     * @param partial the files of which only some parts were deleted (their {@code DeleteParts} name no
     *     {@code OriginalFiles}), with those parts; every other file is gone as a whole
     */
    record FilesDeleted(List<String> fileIds, Map<String, List<DeletedPart>> partial) implements VodEvent {
        public FilesDeleted {
            fileIds = List.copyOf(fileIds);
            partial = Map.copyOf(partial);
        }

        /** Whole files deleted. */
        public FilesDeleted(List<String> fileIds) {
            this(fileIds, Map.of());
        }

        @Override
        public String eventType() {
            return "FileDeleted";
        }
    }

    /**
     * One deleted part of a media file ({@code MediaDeleteItem}).
     *
     * @param type {@code TranscodeFiles}, {@code AdaptiveDynamicStreamingFiles}, a WeChat part…
     * @param definition the template whose outputs were deleted; 0: all of them
     */
    record DeletedPart(String type, long definition) {
    }

    /** Any other event type: stored and reported, not acted on. */
    record Other(String eventType, List<String> fileIds) implements VodEvent {
        public Other {
            fileIds = List.copyOf(fileIds);
        }
    }
}
