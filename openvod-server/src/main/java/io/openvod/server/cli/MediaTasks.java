package io.openvod.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.OpenVodException;
import io.openvod.signature.Credential;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task flows of one media, as {@code DescribeTasks} lists them (its {@code TaskSet}): what
 * {@code openvod upload} and {@code openvod media show} print, so that a TaskId is at hand for
 * {@code openvod tasks show|rerun}. The call needs an API key; without one, or when the call fails,
 * {@link #of} says why instead ({@link Lookup#unknown()}).
 */
final class MediaTasks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LIMIT = 100;

    private final Optional<CloudApiClient> client;
    private final Optional<Long> subAppId;
    private final String noClient;

    private MediaTasks(Optional<CloudApiClient> client, Optional<Long> subAppId, String noClient) {
        this.client = client;
        this.subAppId = subAppId;
        this.noClient = noClient;
    }

    /** What a lookup found: the tasks ({@code TaskSet} entries), or why they are unknown. */
    record Lookup(Optional<ArrayNode> tasks, String unknown) {
    }

    static MediaTasks with(CloudApiClient client, Optional<Long> subAppId) {
        return new MediaTasks(Optional.of(client), subAppId, "");
    }

    /**
     * For an upload to {@code platformUrl}: signed with {@code $OPENVOD_SECRET_ID}/{@code $OPENVOD_SECRET_KEY},
     * else with dev.json's key when the platform is dev.json's.
     */
    static MediaTasks forUpload(String platformUrl, Optional<JsonNode> dev, Map<String, String> env) {
        Optional<JsonNode> sameDev = dev.filter(d -> UploadCommand.withSlash(d.path("platformUrl").asText(""))
                .equals(UploadCommand.withSlash(platformUrl)));
        Optional<String> id = nonBlank(env.get(MediaApiOptions.SECRET_ID_ENV))
                .or(() -> sameDev.flatMap(d -> nonBlank(d.path("secretId").asText(""))));
        Optional<String> key = nonBlank(env.get(MediaApiOptions.SECRET_KEY_ENV)).or(() -> sameDev
                .filter(d -> id.isPresent() && id.get().equals(d.path("secretId").asText()))
                .flatMap(d -> nonBlank(d.path("secretKey").asText(""))));
        if (id.isEmpty() || key.isEmpty()) {
            return new MediaTasks(Optional.empty(), Optional.empty(), "listing them needs an API key: set "
                    + MediaApiOptions.SECRET_ID_ENV + " and " + MediaApiOptions.SECRET_KEY_ENV + " (openvod dev's key is used by default)");
        }
        return new MediaTasks(Optional.of(new CloudApiClient(platformUrl, new Credential(id.get(), key.get()), Clock.systemUTC())),
                Optional.empty(), "");
    }

    /** The media's task flows, newest first; never throws. */
    Lookup of(String fileId) {
        if (client.isEmpty()) {
            return new Lookup(Optional.empty(), noClient);
        }
        ObjectNode request = JSON.createObjectNode().put("FileId", fileId).put("Limit", LIMIT);
        subAppId.ifPresent(id -> request.put("SubAppId", id));
        try {
            JsonNode set = client.get().call("DescribeTasks", request).path("TaskSet");
            return new Lookup(Optional.of(set.isArray() ? (ArrayNode) set : JSON.createArrayNode()), "");
        } catch (OpenVodException e) {
            return new Lookup(Optional.empty(), "DescribeTasks failed: " + e.getMessage());
        }
    }

    /** One line per task: {@code LABEL TaskId (TaskType, Status)}, or why they are unknown, or that there are none. */
    static void print(PrintWriter out, String label, Lookup lookup) {
        if (lookup.tasks().isEmpty()) {
            out.println(label + "unknown: " + lookup.unknown());
            return;
        }
        if (lookup.tasks().get().isEmpty()) {
            out.println(label + "none (no task flow runs on it)");
            return;
        }
        for (String line : lines(lookup.tasks().get())) {
            out.println(label + line);
        }
        out.println(" ".repeat(label.length()) + "(details: openvod tasks show TASK_ID, on the platform's database)");
    }

    static List<String> lines(ArrayNode tasks) {
        List<String> lines = new ArrayList<>();
        for (JsonNode task : tasks) {
            lines.add(task.path("TaskId").asText() + " (" + task.path("TaskType").asText("?") + ", " + task.path("Status").asText("?")
                    + ")");
        }
        return lines;
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
