package io.openvod.platform.flow;

import java.util.Map;

/**
 * Why a task failed, and what its events say about it. Each failure records a code (shown by
 * {@code openvod tasks show}, in metrics and traces); events and DescribeTaskDetail carry it as
 * Tencent's {@code ErrCodeExt}, which must be one of Tencent's video-processing error codes
 * (doc 266/50368), with the deprecated numeric {@code ErrCode} of its class: {@code 40000} for
 * {@code InvalidInput…}, {@code 60000} for {@code SourceFileError…}, {@code 70000} for
 * {@code InternalError}, {@code 0} for success. Most codes are Tencent's own; the two the
 * platform keeps apart for operators ({@link #REVIEW_UNAVAILABLE}, {@link #TIMEOUT}) travel as
 * {@code InternalError}, their message telling which.
 */
public final class TaskErrors {
    /** The source is not media that can be decoded: corrupt, cut short, not audio or video at all, or empty. */
    public static final String SOURCE_MALFORMED = "SourceFileError.ContentMalformed";
    /** The source lasts longer than this platform processes ({@code platform.flows.maxDuration}). */
    public static final String SOURCE_UNSUPPORTED = "SourceFileError.ContentUnsupported";
    /** The source has no video stream, and the task needs pictures. */
    public static final String NO_VIDEO = "SourceFileError.NoVideoMedia";
    /** The media was deleted before the task ran. */
    public static final String SOURCE_GONE = "SourceFileError.DownloadNotAccessible";
    /** The task names a template ({@code Definition}) that does not exist. */
    public static final String DEFINITION_NOT_EXIST = "InvalidInput.DefinitionNotExist";
    /** A snapshot time offset that is not a time or percentage within the media. */
    public static final String INVALID_TIME_OFFSET = "InvalidInput.InvalidTimeOffset";
    /** No step of this platform runs the task's type, or a task input's value is outside what it accepts. */
    public static final String CONFIGURATION_UNSUPPORTED = "InvalidInput.ConfigurationUnsupported";
    /** FFmpeg crashed or could not start, the step failed unexpectedly, or the task's workers kept dying. */
    public static final String INTERNAL = "InternalError";
    /** The platform's code for a review engine that cannot run; sent as {@link #INTERNAL}. */
    public static final String REVIEW_UNAVAILABLE = "FailedOperation.ReviewUnavailable";
    /** The platform's code for an attempt that ran past {@code platform.flows.timeout}; sent as {@link #INTERNAL}. */
    public static final String TIMEOUT = "FailedOperation.Timeout";

    /** Codes that tasks failed with before the platform used Tencent's, as tasks stored then still carry them. */
    private static final Map<String, String> EARLIER = Map.of(
            "FailedOperation.InvalidInput", SOURCE_MALFORMED,
            "FailedOperation.MediaNotExist", SOURCE_GONE,
            "FailedOperation.UnsupportedTaskType", CONFIGURATION_UNSUPPORTED,
            "InvalidParameterValue.Definition", DEFINITION_NOT_EXIST,
            "InvalidParameterValue.TimeOffset", INVALID_TIME_OFFSET,
            "InvalidParameterValue.PositionType", CONFIGURATION_UNSUPPORTED,
            "InvalidParameterValue.PositionValue", CONFIGURATION_UNSUPPORTED);

    private TaskErrors() {
    }

    /** The {@code ErrCodeExt} events carry for a task that failed with {@code code}; {@code ""} for none. */
    public static String errCodeExt(String code) {
        if (code.isEmpty() || code.startsWith("InvalidInput") || code.startsWith("SourceFileError")) {
            return code;
        }
        return EARLIER.getOrDefault(code, INTERNAL);
    }

    /** The deprecated numeric {@code ErrCode} events carry for a task that failed with {@code code}; 0 for none. */
    public static int errCode(String code) {
        String ext = errCodeExt(code);
        if (ext.isEmpty()) {
            return 0;
        }
        if (ext.startsWith("InvalidInput")) {
            return 40000;
        }
        return ext.startsWith("SourceFileError") ? 60000 : 70000;
    }
}
