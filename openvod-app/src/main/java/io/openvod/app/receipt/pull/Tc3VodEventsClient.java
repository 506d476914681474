package io.openvod.app.receipt.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.vod.VodApi;
import io.openvod.signature.Credential;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link VodEventsClient} over TencentCloud API 3.0 (event-protocol §10.3, §12): JSON POSTs to
 * {@code app.receipt.pull.endpoint} — Tencent's {@code https://vod.tencentcloudapi.com} or an
 * OpenVOD platform — signed with {@code TC3-HMAC-SHA256} by the app's active VOD key, with
 * {@code X-TC-Version 2018-07-17}, {@code X-TC-Region} when configured and {@code SubAppId} in
 * the body when not 0. An error envelope ({@code Response.Error}, HTTP 200) becomes a
 * {@link io.openvod.app.vod.VodApiException} with its Code; the key itself is never logged or put in a message.
 */
public final class Tc3VodEventsClient implements VodEventsClient {
    private final ReceiptConfig.Pull config;
    private final VodApi api;

    public Tc3VodEventsClient(ReceiptConfig.Pull config, Credential credential, Clock clock) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.api = new VodApi(config.endpoint(), config.region(), config.timeout(), credential, clock);
    }

    @Override
    public List<PulledEvent> pull() throws IOException, InterruptedException {
        JsonNode response = api.call("PullEvents", request());
        List<PulledEvent> events = new ArrayList<>();
        for (JsonNode event : response.path("EventSet")) {
            JsonNode handle = event.get("EventHandle");
            if (handle == null || !handle.isTextual() || handle.asText().isEmpty()) {
                throw new IOException("PullEvents answered an event without EventHandle (RequestId "
                        + response.path("RequestId").asText() + ")");
            }
            events.add(new PulledEvent(handle.asText(), event));
        }
        return events;
    }

    @Override
    public void confirm(List<String> handles) throws IOException, InterruptedException {
        if (handles.isEmpty() || handles.size() > MAX_HANDLES) {
            throw new IllegalArgumentException("ConfirmEvents takes 1 to " + MAX_HANDLES + " handles, not " + handles.size());
        }
        ObjectNode request = request();
        handles.forEach(request.putArray("EventHandles")::add);
        api.call("ConfirmEvents", request);
    }

    private ObjectNode request() {
        ObjectNode request = VodApi.request();
        if (config.subAppId() != 0) {
            request.put("SubAppId", config.subAppId());
        }
        return request;
    }

    @Override
    public String toString() {
        return "Tc3VodEventsClient[" + api + ", subAppId=" + config.subAppId() + "]";
    }
}
