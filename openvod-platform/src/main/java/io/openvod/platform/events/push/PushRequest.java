package io.openvod.platform.events.push;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The headers of one callback POST, gathered before it is handed to the HTTP client. */
final class PushRequest {
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();

    PushRequest header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    List<Map.Entry<String, String>> headers() {
        return List.copyOf(headers);
    }
}
