package io.openvod.app.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * What an event body says about whether the uploaded file is audio or video at all, as the
 * {@code mediaError} of {@link io.openvod.app.videos.VodEvent}: empty when it says nothing against it.
 * <ul>
 *   <li>A {@code MetaData} object without any video or audio stream and without a duration: the VOD
 *       found no media in the file (OpenVOD's platform sends its size-only MetaData for a file ffprobe
 *       cannot read). An absent or {@code null} MetaData says nothing.</li>
 *   <li>A failed task whose {@code ErrCodeExt} is Tencent's {@code SourceFileError} ("the source file
 *       is bad, e.g. its video data is damaged") or {@code SourceFileError.ContentMalformed} ("the file
 *       cannot be decoded"). Other codes — OpenVOD's {@code FailedOperation.InvalidInput}, which also
 *       means "too long" or "no picture to take", and {@code SourceFileError.NoVideoMedia} (audio) —
 *       say the task failed, not that the file is not media.</li>
 * </ul>
 */
final class MediaReports {
    /** The task error codes that say the source file is not media that can be decoded. */
    static final Set<String> SOURCE_FILE_ERRORS = Set.of("SourceFileError", "SourceFileError.ContentMalformed");

    private MediaReports() {
    }

    /** The report of a {@code MetaData} object; empty when it is absent, null, or shows a stream or a duration. */
    static String ofMetaData(JsonNode metaData) {
        if (metaData == null || !metaData.isObject()) {
            return "";
        }
        boolean streams = !metaData.path("VideoStreamSet").isEmpty() || !metaData.path("AudioStreamSet").isEmpty();
        boolean lasts = metaData.path("Duration").asDouble(0) > 0;
        return streams || lasts ? "" : "MetaData: no audio or video stream";
    }

    /** The report of one task ({@code …Task} object, or a whole task event) that failed with a source file error; else empty. */
    static String ofTask(String type, JsonNode task) {
        String code = EventParser.text(task, "ErrCodeExt");
        return SOURCE_FILE_ERRORS.contains(code) ? type + ": " + code : "";
    }

    /** The first non-empty report. */
    static String first(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
