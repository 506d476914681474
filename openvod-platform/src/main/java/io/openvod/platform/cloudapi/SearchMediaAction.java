package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.MediaCatalog;
import java.util.List;
import java.util.Optional;

/**
 * {@code SearchMedia}, minimal: a page of an application's media, newest first (or oldest first
 * with {@code Sort {Field: CreateTime, Order: Asc}}). {@code Offset} (default 0) and {@code Limit}
 * (default 10) page through at most {@value #MAX_RESULTS} media, as with Tencent ({@code Offset + Limit}
 * above that is {@code InvalidParameterValue}); {@code TotalCount} is the number of media, capped at
 * {@value #MAX_RESULTS}. Each {@code MediaInfoSet} entry is the {@code MediaInfo} that
 * DescribeMediaInfos answers (same {@code Filters}). Tencent's search conditions ({@code Text},
 * {@code Names}, {@code ClassIds}, {@code CreateTime}, …) are not supported: a request naming one
 * is {@code UnsupportedOperation} rather than answered unfiltered.
 */
public final class SearchMediaAction implements CloudAction {
    /** Tencent's limit on {@code Offset + Limit}. */
    public static final int MAX_RESULTS = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SearchMedia's search conditions, none of which this platform applies. */
    private static final List<String> CONDITIONS = List.of("FileIds", "Text", "Names", "NamePrefixes", "Descriptions", "ClassIds",
            "Tags", "Categories", "SourceTypes", "StreamIds", "Vids", "CreateTime", "ExpireTime", "StorageRegions",
            "StorageClasses", "MediaTypes", "Status", "ReviewResults", "TrtcSdkAppIds", "TrtcRoomIds", "StreamId", "Vid",
            "StartTime", "EndTime", "SourceType", "ClassId", "TagSet", "Keywords");

    private final MediaCatalog catalog;
    private final DescribeMediaInfosAction describe;

    /** @param describe answers the {@code MediaInfo} of each media found */
    public SearchMediaAction(MediaCatalog catalog, DescribeMediaInfosAction describe) {
        this.catalog = catalog;
        this.describe = describe;
    }

    @Override
    public String name() {
        return "SearchMedia";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        RequestFields fields = new RequestFields(request);
        for (String condition : CONDITIONS) {
            JsonNode value = request.get(condition);
            boolean given = value != null && !value.isNull() && (value.isContainerNode() ? !value.isEmpty() : !value.asText().isEmpty());
            if (given) {
                throw new CloudApiException("UnsupportedOperation", "SearchMedia's " + condition
                        + " is not supported by this platform; it pages through all media with Offset, Limit and Sort.");
            }
        }
        long offset = fields.integer("Offset").orElse(0L);
        long limit = fields.integer("Limit").orElse(10L);
        if (offset < 0 || limit < 1 || offset + limit > MAX_RESULTS) {
            throw new CloudApiException("InvalidParameterValue", "Offset is at least 0, Limit at least 1, and Offset + Limit at most "
                    + MAX_RESULTS + ".");
        }
        boolean newestFirst = newestFirst(request.get("Sort"));
        long subAppId = call.subAppId(fields.subAppId());

        List<Media> all = catalog.list(subAppId, MAX_RESULTS);
        List<Media> ordered = newestFirst ? all : all.reversed();
        List<Media> page = ordered.subList((int) Math.min(offset, ordered.size()), (int) Math.min(offset + limit, ordered.size()));

        ObjectNode response = JSON.createObjectNode();
        response.put("TotalCount", all.size());
        ArrayNode infos = response.putArray("MediaInfoSet");
        for (int from = 0; from < page.size(); from += DescribeMediaInfosAction.MAX_FILE_IDS) {
            ObjectNode describeRequest = JSON.createObjectNode();
            ArrayNode ids = describeRequest.putArray("FileIds");
            page.subList(from, Math.min(from + DescribeMediaInfosAction.MAX_FILE_IDS, page.size())).forEach(m -> ids.add(m.fileId()));
            describeRequest.put("SubAppId", subAppId);
            Optional.ofNullable(request.get("Filters")).ifPresent(f -> describeRequest.set("Filters", f));
            describe.handle(call, describeRequest).get("MediaInfoSet").forEach(infos::add);
        }
        return response;
    }

    /** {@code Sort}: absent or {@code {Field: CreateTime, Order: Desc}} is newest first, {@code Order: Asc} oldest first. */
    private static boolean newestFirst(JsonNode sort) {
        if (sort == null || sort.isNull()) {
            return true;
        }
        if (!sort.isObject()) {
            throw new CloudApiException("InvalidParameter", "Sort must be an object.");
        }
        RequestFields fields = new RequestFields((ObjectNode) sort);
        String field = fields.text("Field").orElse("CreateTime");
        if (!field.equals("CreateTime")) {
            throw new CloudApiException("InvalidParameterValue", "Sort.Field must be CreateTime.");
        }
        String order = fields.text("Order").orElse("Desc");
        if (!order.equals("Desc") && !order.equals("Asc")) {
            throw new CloudApiException("InvalidParameterValue", "Sort.Order must be Desc or Asc.");
        }
        return order.equals("Desc");
    }
}
