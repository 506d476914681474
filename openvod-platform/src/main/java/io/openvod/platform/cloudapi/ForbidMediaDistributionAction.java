package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.MediaCatalog;
import java.util.List;

/**
 * {@code ForbidMediaDistribution}: {@code Operation} {@code forbid} marks up to 20 media files
 * ({@code FileIds}) {@code Forbidden}, {@code recover} marks them {@code Normal} again. A
 * forbidden media's files (original, cover, task-flow outputs) are refused with
 * {@code AccessDenied} unless {@code platform.review.serveForbidden} is set; a content review
 * whose result is {@code block} forbids the media the same way. FileIds the application does
 * not have are answered in {@code NotExistFileIdSet}.
 */
public final class ForbidMediaDistributionAction implements CloudAction {
    static final int MAX_FILE_IDS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MediaCatalog catalog;

    public ForbidMediaDistributionAction(MediaCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "ForbidMediaDistribution";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        RequestFields fields = new RequestFields(request);
        List<String> fileIds = fields.texts("FileIds")
                .orElseThrow(() -> new CloudApiException("MissingParameter", "The request is missing the required parameter FileIds."));
        if (fileIds.isEmpty() || fileIds.size() > MAX_FILE_IDS) {
            throw new CloudApiException("InvalidParameterValue.FileIds", "FileIds names 1 to " + MAX_FILE_IDS + " media files.");
        }
        String status = switch (fields.requiredText("Operation")) {
            case "forbid" -> Media.FORBIDDEN;
            case "recover" -> Media.NORMAL;
            default -> throw new CloudApiException("InvalidParameterValue.Operation", "Operation must be forbid or recover.");
        };
        long subAppId = call.subAppId(fields.subAppId());
        ObjectNode response = JSON.createObjectNode();
        ArrayNode missing = response.putArray("NotExistFileIdSet");
        for (String fileId : fileIds) {
            if (!catalog.setStatus(fileId, subAppId, status)) {
                missing.add(fileId);
            }
        }
        return response;
    }
}
