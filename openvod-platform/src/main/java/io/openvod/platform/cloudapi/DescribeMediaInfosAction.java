package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.events.FileUploadEvents;
import io.openvod.platform.flow.TaskQueue;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code DescribeMediaInfos}: the catalog's information on up to 20 media of an application.
 * {@code Filters} selects parts by Tencent's names — {@code basicInfo}, {@code metaData},
 * {@code transcodeInfo}, {@code adaptiveDynamicStreamingInfo}, {@code sampleSnapshotInfo},
 * {@code snapshotByTimeOffsetInfo} (without filters: all); the processing parts come from the
 * media's task flows ({@link MediaProcessingInfo}) and are {@code null} when there is nothing,
 * as are the parts the platform never makes (animated graphics, sprites, key frames, subtitles,
 * review). FileIds the application does not have are listed in {@code NotExistFileIdSet} rather
 * than refused, as Tencent does.
 */
public final class DescribeMediaInfosAction implements CloudAction {
    /** Tencent's limit on {@code FileIds}. */
    public static final int MAX_FILE_IDS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The parts of {@code MediaInfo} after BasicInfo and MetaData, in the SDK's declaration order. */
    private static final List<String> PARTS = List.of("TranscodeInfo", "AnimatedGraphicsInfo", "SampleSnapshotInfo",
            "ImageSpriteInfo", "SnapshotByTimeOffsetInfo", "KeyFrameDescInfo", "AdaptiveDynamicStreamingInfo",
            "MiniProgramReviewInfo", "SubtitleInfo");

    private final MediaCatalog catalog;
    private final Optional<MediaProcessingInfo> processing;

    /** Without task flows: the processing parts are always {@code null}. */
    public DescribeMediaInfosAction(MediaCatalog catalog) {
        this.catalog = catalog;
        this.processing = Optional.empty();
    }

    public DescribeMediaInfosAction(MediaCatalog catalog, TaskQueue flows, ObjectStore store) {
        this.catalog = catalog;
        this.processing = Optional.of(new MediaProcessingInfo(flows, store));
    }

    @Override
    public String name() {
        return "DescribeMediaInfos";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        RequestFields fields = new RequestFields(request);
        List<String> requested = fields.texts("FileIds")
                .orElseThrow(() -> new CloudApiException("MissingParameter", "The request is missing the required parameter FileIds."));
        if (requested.isEmpty()) {
            throw new CloudApiException("InvalidParameterValue.FileIdsEmpty", "FileIds must name at least one FileId.");
        }
        if (requested.size() > MAX_FILE_IDS) {
            throw new CloudApiException("InvalidParameterValue.FileIdsTooMany", "FileIds may name at most " + MAX_FILE_IDS
                    + " FileIds, not " + requested.size() + ".");
        }
        Optional<List<String>> filters = fields.texts("Filters").filter(f -> !f.isEmpty());
        Predicate<String> wanted = part -> filters.map(f -> f.contains(Character.toLowerCase(part.charAt(0)) + part.substring(1)))
                .orElse(true);
        long subAppId = call.subAppId(fields.subAppId());

        ObjectNode response = JSON.createObjectNode();
        ArrayNode infos = response.putArray("MediaInfoSet");
        ArrayNode missing = response.putArray("NotExistFileIdSet");
        Set<String> fileIds = new LinkedHashSet<>(requested);
        for (String fileId : fileIds) {
            Optional<Media> media = catalog.find(fileId).filter(m -> m.subAppId() == subAppId);
            if (media.isEmpty()) {
                missing.add(fileId);
                continue;
            }
            infos.add(info(media.get(), wanted));
        }
        return response;
    }

    private ObjectNode info(Media media, Predicate<String> wanted) {
        ObjectNode info = JSON.createObjectNode();
        if (wanted.test("BasicInfo")) {
            info.set("BasicInfo", FileUploadEvents.basicInfo(media));
        } else {
            info.putNull("BasicInfo");
        }
        if (wanted.test("MetaData")) {
            info.set("MetaData", metaData(media));
        } else {
            info.putNull("MetaData");
        }
        Map<String, ObjectNode> made = PARTS.stream().anyMatch(wanted)
                ? processing.map(p -> p.parts(media)).orElse(Map.of()) : Map.of();
        for (String part : PARTS) {
            ObjectNode value = wanted.test(part) ? made.get(part) : null;
            if (value == null) {
                info.putNull(part);
            } else {
                info.set(part, value);
            }
        }
        info.put("FileId", media.fileId());
        info.putNull("ReviewInfo");
        return info;
    }

    /** The stored MetaData; for media FFmpeg could not read, one with only its size. */
    private static JsonNode metaData(Media media) {
        if (media.metadataJson().isPresent()) {
            try {
                return JSON.readTree(media.metadataJson().get());
            } catch (IOException e) {
                throw new UncheckedIOException("stored MetaData of " + media.fileId() + " is not JSON", e);
            }
        }
        return MediaMetadata.sizeOnly(media.size()).toJson();
    }
}
