package io.openvod.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.media.MediaMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Builds the v3 {@code NewFileUpload} event body ({@code {"EventType":"NewFileUpload",
 * "FileUploadEvent":{…}}}) from a catalog row, with Tencent's field names, types and order
 * (spec: event-protocol §5). Nulls are omitted; empty strings and arrays are sent. The
 * {@code MetaData} of a file ffprobe could not read has its {@code Size} only — no container, no
 * stream, duration 0, as DescribeMediaInfos reports it — so that a receiver sees from the event
 * that the upload is not audio or video.
 */
public final class FileUploadEvents {
    public static final String NEW_FILE_UPLOAD = "NewFileUpload";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FileUploadEvents() {
    }

    /**
     * @param procedureTaskId the task id of the flow the upload started, or {@code ""}
     */
    public static ObjectNode newFileUpload(Media media, String procedureTaskId) {
        return newFileUpload(media, procedureTaskId, "");
    }

    /**
     * @param procedureTaskId the task id of the Procedure flow the upload started, or {@code ""}
     * @param reviewAudioVideoTaskId the task id of the ReviewAudioVideo task it started, or {@code ""}
     */
    public static ObjectNode newFileUpload(Media media, String procedureTaskId, String reviewAudioVideoTaskId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("EventType", NEW_FILE_UPLOAD);
        ObjectNode task = body.putObject("FileUploadEvent");
        task.put("FileId", media.fileId());
        task.set("MediaBasicInfo", basicInfo(media));
        task.put("ProcedureTaskId", procedureTaskId);
        task.put("ReviewAudioVideoTaskId", reviewAudioVideoTaskId);
        task.set("MetaData", media.metadataJson().map(FileUploadEvents::parse)
                .orElseGet(() -> MediaMetadata.sizeOnly(media.size()).toJson()));
        return body;
    }

    /** Tencent's MediaBasicInfo of a catalog row. */
    public static ObjectNode basicInfo(Media media) {
        ObjectNode info = JSON.createObjectNode();
        info.put("Name", media.name());
        info.put("Description", media.description());
        info.put("CreateTime", EventTimes.format(media.createdAt()));
        info.put("UpdateTime", EventTimes.format(media.updatedAt()));
        info.put("ExpireTime", media.expireAt().map(EventTimes::format).orElse(EventTimes.NEVER));
        info.put("ClassId", media.classId());
        info.put("ClassName", media.classId() == 0 ? "Other" : "");
        info.put("ClassPath", media.classId() == 0 ? "Other" : "");
        info.put("CoverUrl", media.coverUrl());
        info.put("Type", media.type());
        info.put("MediaUrl", media.mediaUrl());
        info.putArray("TagSet");
        info.put("StorageRegion", media.storageRegion());
        ObjectNode source = info.putObject("SourceInfo");
        source.put("SourceType", "Upload");
        source.put("SourceContext", media.sourceContext());
        info.put("Vid", media.fileId());
        info.put("Category", category(media));
        info.put("Status", media.status());
        info.put("StorageClass", "STANDARD");
        return info;
    }

    /** {@code Audio} for media whose metadata shows audio streams only, else {@code Video}. */
    private static String category(Media media) {
        return media.metadataJson().map(FileUploadEvents::parse)
                .filter(meta -> meta.path("VideoStreamSet").isEmpty() && !meta.path("AudioStreamSet").isEmpty())
                .map(meta -> "Audio").orElse("Video");
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored MetaData is not JSON", e);
        }
    }

    /** The body as compact JSON text. */
    public static String text(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
