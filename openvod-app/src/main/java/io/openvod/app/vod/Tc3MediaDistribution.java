package io.openvod.app.vod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * {@link MediaDistribution} with API 3.0 {@code ForbidMediaDistribution} ({@code FileIds},
 * {@code Operation} {@code forbid}/{@code recover}, {@code SubAppId} when not 0), which Tencent
 * VOD and the OpenVOD platform both answer; a FileId in {@code NotExistFileIdSet} is media the VOD
 * does not have.
 */
public final class Tc3MediaDistribution implements MediaDistribution {
    private final VodApi api;
    private final long subAppId;

    public Tc3MediaDistribution(VodApi api, long subAppId) {
        this.api = api;
        this.subAppId = subAppId;
    }

    @Override
    public boolean set(String fileId, boolean forbidden) throws IOException, InterruptedException {
        ObjectNode request = VodApi.request();
        request.putArray("FileIds").add(fileId);
        request.put("Operation", forbidden ? "forbid" : "recover");
        if (subAppId != 0) {
            request.put("SubAppId", subAppId);
        }
        JsonNode response = api.call("ForbidMediaDistribution", request);
        for (JsonNode missing : response.path("NotExistFileIdSet")) {
            if (missing.asText().equals(fileId)) {
                return false;
            }
        }
        return true;
    }
}
