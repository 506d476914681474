package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.TimeOrderedIds;
import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.TraceStep;
import io.openvod.core.trace.Tracing;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.catalog.OutboxEvent;
import io.openvod.platform.events.FileUploadEvents;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.trace.TraceSteps;
import io.openvod.platform.trace.UploadTrace;
import io.openvod.platform.ugc.StorageLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DeleteMedia}: removes a media file of an application. The catalog row goes and the
 * {@code FileDeleted} event is written to the outbox in one transaction; the stored objects (the
 * original file and the cover) are deleted after that transaction has committed. A failure to
 * delete an object does not fail the call (the media is gone from the catalog, and the event is
 * out): it is logged with the object's key, and the orphaned object stays in the store until an
 * operator removes it.
 *
 * <p>Without {@code DeleteParts}, or when they name {@code OriginalFiles}, the whole media is
 * deleted — the original, the cover and every task-flow output under {@code <SubAppId>/<FileId>/} —
 * and the event reports {@code [{"Type":"OriginalFiles","Definition":0}]}. {@code TranscodeFiles}
 * and {@code AdaptiveDynamicStreamingFiles} delete the transcodes or HLS streams of one template
 * ({@code Definition}; 0: all of them), and the event reports those parts; DescribeMediaInfos no
 * longer lists them. The WeChat parts name nothing the platform has: they delete nothing.
 */
public final class DeleteMediaAction implements CloudAction {
    public static final String FILE_DELETED = "FileDeleted";
    private static final Logger LOG = LoggerFactory.getLogger(DeleteMediaAction.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORIGINAL_FILES = "OriginalFiles";
    /** The part types of Tencent's {@code MediaDeleteItem}. */
    private static final Set<String> PART_TYPES = Set.of(ORIGINAL_FILES, "TranscodeFiles", "AdaptiveDynamicStreamingFiles",
            "WechatPublishFiles", "WechatMiniProgramPublishFiles");

    private final MediaCatalog catalog;
    private final ObjectStore store;
    private final Tracing tracing;

    public DeleteMediaAction(MediaCatalog catalog, ObjectStore store, Tracing tracing) {
        this.catalog = catalog;
        this.store = store;
        this.tracing = tracing;
    }

    @Override
    public String name() {
        return "DeleteMedia";
    }

    /**
     * Deletes in a step {@code DeleteMedia} of the call's trace ({@code traceparent}), else of the
     * trace of the upload that made the media, which its FileDeleted event then carries.
     */
    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        String fileId = new RequestFields(request).requiredText("FileId");
        Optional<TraceParent> parent = call.traceparent().or(() -> UploadTrace.rootOf(catalog.uploadTrace(fileId)));
        try (TraceStep step = TraceSteps.server(tracing, name(), parent)) {
            step.attribute(TraceSteps.FILE_ID, fileId);
            return TraceSteps.run(step, () -> delete(call, request, fileId, step.context()));
        }
    }

    private ObjectNode delete(CloudCall call, ObjectNode request, String fileId, TraceParent step) {
        RequestFields fields = new RequestFields(request);
        Optional<List<ObjectNode>> parts = fields.objects("DeleteParts").filter(p -> !p.isEmpty());
        boolean wholeMedia = parts.isEmpty();
        for (ObjectNode part : parts.orElse(List.of())) {
            RequestFields item = new RequestFields(part);
            String type = item.requiredText("Type");
            if (!PART_TYPES.contains(type)) {
                throw new CloudApiException("InvalidParameterValue", "DeleteParts.Type " + type + " is not one of " + PART_TYPES + ".");
            }
            item.integer("Definition");
            wholeMedia |= type.equals(ORIGINAL_FILES);
        }
        long subAppId = call.subAppId(fields.subAppId());
        Media media = catalog.find(fileId).filter(m -> m.subAppId() == subAppId).orElseThrow(() -> notFound(fileId));
        String mediaPrefix = subAppId + "/" + fileId + "/";
        if (!wholeMedia) {
            List<ObjectNode> deleted = new ArrayList<>();
            for (ObjectNode part : parts.orElseThrow()) {
                String type = part.get("Type").asText();
                long definition = new RequestFields(part).integer("Definition").orElse(0L);
                String outputs = switch (type) {
                    case "TranscodeFiles" -> definition == 0 ? "transcode/" : "transcode/" + definition + ".mp4";
                    case "AdaptiveDynamicStreamingFiles" -> definition == 0 ? "hls/" : "hls/" + definition + "/";
                    default -> null;
                };
                if (outputs != null) {
                    deleteUnder(media, mediaPrefix + outputs);
                    deleted.add(JSON.createObjectNode().put("Type", type).put("Definition", definition));
                }
            }
            if (!deleted.isEmpty()) {
                catalog.recordEvent(new OutboxEvent(TimeOrderedIds.next(), media.appId(), subAppId, fileId, FILE_DELETED,
                        FileUploadEvents.text(fileDeleted(fileId, deleted))).withTrace(step));
            }
            return JSON.createObjectNode();
        }
        OutboxEvent event = new OutboxEvent(TimeOrderedIds.next(), media.appId(), subAppId, fileId, FILE_DELETED,
                FileUploadEvents.text(fileDeleted(fileId, List.of(JSON.createObjectNode().put("Type", ORIGINAL_FILES)
                        .put("Definition", 0))))).withTrace(step);
        Media gone = catalog.delete(fileId, subAppId, event).orElseThrow(() -> notFound(fileId));
        deleteObject(gone, gone.mediaKey());
        gone.coverKey().ifPresent(key -> deleteObject(gone, key));
        deleteUnder(gone, mediaPrefix);
        return JSON.createObjectNode();
    }

    /** The v3 {@code FileDeleted} event body of a whole media file. */
    static ObjectNode fileDeleted(String fileId) {
        return fileDeleted(fileId, List.of(JSON.createObjectNode().put("Type", ORIGINAL_FILES).put("Definition", 0)));
    }

    /** The v3 {@code FileDeleted} event body of the deleted parts of a media file. */
    static ObjectNode fileDeleted(String fileId, List<ObjectNode> parts) {
        ObjectNode body = JSON.createObjectNode();
        body.put("EventType", FILE_DELETED);
        ObjectNode task = body.putObject("FileDeleteEvent");
        task.putArray("FileIdSet").add(fileId);
        ObjectNode result = task.putArray("FileDeleteResultInfo").addObject();
        result.put("FileId", fileId);
        parts.forEach(result.putArray("DeleteParts")::add);
        return body;
    }

    /** Deletes every object of the media whose key starts with {@code keyPrefix} (its task-flow outputs). */
    private void deleteUnder(Media media, String keyPrefix) {
        try {
            for (String storeKey : store.list(StorageLayout.storeKey(media.bucket(), keyPrefix))) {
                store.delete(storeKey);
            }
        } catch (RuntimeException e) {
            LOG.warn("media {}: its objects under {} could not all be deleted; they stay in the store: {}", media.fileId(), keyPrefix,
                    e.toString());
        }
    }

    private void deleteObject(Media media, String key) {
        String storeKey = StorageLayout.storeKey(media.bucket(), key);
        try {
            store.delete(storeKey);
        } catch (RuntimeException e) {
            LOG.warn("media {} was deleted, but its object {} could not be; it stays in the store: {}", media.fileId(), storeKey,
                    e.toString());
        }
    }

    private static CloudApiException notFound(String fileId) {
        return new CloudApiException("ResourceNotFound.FileNotExist", "The media " + fileId + " does not exist.");
    }
}
