package io.openvod.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code openvod media …}: an application's media on a running platform, over API 3.0 —
 * {@code list} (SearchMedia), {@code show} (DescribeMediaInfos) and {@code delete} (DeleteMedia).
 * The platform and key come from the flags, the environment or {@code .openvod/dev.json}
 * ({@link MediaApiOptions}). A table or text by default, {@code --json} prints the API's
 * {@code Response} for scripts.
 */
@Command(name = "media", description = {"List, show and delete an application's media on a running platform (API 3.0).",
        "Defaults to the platform and dev key of a running openvod dev (.openvod/dev.json)."},
        subcommands = {MediaCommand.ListMedia.class, MediaCommand.Show.class, MediaCommand.Delete.class})
final class MediaCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    OpenVodCommand root;

    static ObjectNode request(MediaApiOptions api) {
        ObjectNode request = JSON.createObjectNode();
        if (api.subAppId != null) {
            request.put("SubAppId", api.subAppId);
        }
        return request;
    }

    static void printJson(PrintWriter out, JsonNode response) {
        try {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(response));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Command(name = "list", description = "List the application's media, newest first: FileId, type, status, size, duration, created, name.")
    static final class ListMedia implements Callable<Integer> {
        @ParentCommand MediaCommand media;
        @Spec CommandSpec spec;
        @Mixin MediaApiOptions api;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N media (default: 20).") int limit;
        @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the N newest (default: 0).") int offset;
        @Option(names = "--json", description = "Print SearchMedia's Response as JSON.") boolean json;

        @Override
        public Integer call() {
            if (limit < 1 || offset < 0 || (long) offset + limit > 5000) {
                throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--limit is at least 1, --offset at least 0, "
                        + "and --offset + --limit at most 5000");
            }
            ObjectNode request = request(api).put("Offset", offset).put("Limit", limit);
            request.putObject("Sort").put("Field", "CreateTime").put("Order", "Desc");
            JsonNode response = api.client(media.root).call("SearchMedia", request);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                printJson(out, response);
                return 0;
            }
            out.printf("%-24s %-6s %-10s %12s %9s %-20s %s%n", "FILE ID", "TYPE", "STATUS", "SIZE", "DURATION", "CREATED", "NAME");
            for (JsonNode info : response.path("MediaInfoSet")) {
                JsonNode basic = info.path("BasicInfo");
                JsonNode meta = info.path("MetaData");
                out.printf("%-24s %-6s %-10s %12d %8.1fs %-20s %s%n", info.path("FileId").asText(), basic.path("Type").asText("-"),
                        basic.path("Status").asText("-"), meta.path("Size").asLong(), meta.path("Duration").asDouble(),
                        basic.path("CreateTime").asText("-"), basic.path("Name").asText(""));
            }
            int shown = response.path("MediaInfoSet").size();
            out.println(shown + " of " + response.path("TotalCount").asLong() + " media"
                    + (shown == 0 ? "" : " (from " + (offset + 1) + ")"));
            return 0;
        }
    }

    @Command(name = "show", description = {"Show one media's MediaInfo (DescribeMediaInfos) and its task flows (DescribeTasks).",
            "The task flows follow the JSON: TaskId, type and status of each, for openvod tasks show|rerun."})
    static final class Show implements Callable<Integer> {
        @ParentCommand MediaCommand media;
        @Spec CommandSpec spec;
        @Mixin MediaApiOptions api;
        @Parameters(paramLabel = "FILE_ID", description = "The media's FileId.") String fileId;
        @Option(names = "--json", description = "Print DescribeMediaInfos' whole Response, with DescribeTasks' TaskSet added, "
                + "instead of the media's MediaInfo and task flows.") boolean json;

        @Override
        public Integer call() {
            ObjectNode request = request(api);
            request.putArray("FileIds").add(fileId);
            CloudApiClient client = api.client(media.root);
            JsonNode response = client.call("DescribeMediaInfos", request);
            JsonNode infos = response.path("MediaInfoSet");
            if (infos.isEmpty()) {
                throw new OpenVodException(CommonError.NOT_FOUND, "no media " + fileId + " in the application"
                        + (api.subAppId == null ? "" : " " + api.subAppId));
            }
            MediaTasks.Lookup tasks = MediaTasks.with(client, Optional.ofNullable(api.subAppId)).of(fileId);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                tasks.tasks().ifPresent(set -> ((ObjectNode) response).set("TaskSet", set));
                printJson(out, response);
                if (tasks.tasks().isEmpty()) {
                    spec.commandLine().getErr().println("warning: no TaskSet: " + tasks.unknown());
                }
                return 0;
            }
            printJson(out, infos.get(0));
            MediaTasks.print(out, "task flows: ", tasks);
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a media (DeleteMedia) with its files and task-flow outputs; a FileDeleted event follows.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand MediaCommand media;
        @Spec CommandSpec spec;
        @Mixin MediaApiOptions api;
        @Parameters(paramLabel = "FILE_ID", description = "The media's FileId.") String fileId;
        @Option(names = "--json", description = "Print DeleteMedia's Response as JSON.") boolean json;

        @Override
        public Integer call() {
            JsonNode response = api.client(media.root).call("DeleteMedia", request(api).put("FileId", fileId));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                printJson(out, response);
            } else {
                out.println("deleted " + fileId);
            }
            return 0;
        }
    }
}
