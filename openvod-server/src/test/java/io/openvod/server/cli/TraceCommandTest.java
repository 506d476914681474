package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.app.store.AppDatabase;
import io.openvod.core.TimeOrderedIds;
import io.openvod.core.sql.SqlTraceLog;
import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.TraceStep;
import io.openvod.core.trace.Tracing;
import io.openvod.core.trace.TracingConfig;
import io.openvod.platform.config.EventsConfig;
import io.openvod.platform.sql.PlatformDatabase;
import io.openvod.platform.sql.PlatformStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openvod trace}: an upload's steps, written by the two services' tracers into their own
 * databases, printed as one timeline, found by request id, trace id or FileId.
 */
class TraceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE_ID = "5285890813342811041";
    private static final Pattern ROW = Pattern.compile("(?m)^\\+(\\d+\\.\\d{3})s\\s+(\\d+\\.\\d) ms\\s+(app|platform)\\s+(.+?)\\s{2,}(\\S+)(  error: (.*))?$");
    private static final List<String> STEPS = List.of("signature", "ApplyUploadUGC", "UploadPart", "UploadPart", "CommitUploadUGC",
            "task Porn", "push NewFileUpload", "receive NewFileUpload", "process NewFileUpload");

    @TempDir
    Path dir;
    String requestId;
    TraceParent trace;

    private String platformUrl() {
        return "jdbc:sqlite:" + dir.resolve("platform.db");
    }

    private String appUrl() {
        return "jdbc:sqlite:" + dir.resolve("app.db");
    }

    private CliRun trace(String... args) {
        List<String> all = new ArrayList<>(List.of("--set", "platform.databaseUrl=" + platformUrl(), "--set", "app.database.url=" + appUrl(),
                "trace"));
        all.addAll(List.of(args));
        return CliRun.run(Map.of(), "", all.toArray(String[]::new));
    }

    /** An upload as both services trace it: the signature, Apply, two parts, Commit, a failed review, the event's push and receipt. */
    @BeforeEach
    void traceAnUpload() throws Exception {
        requestId = TimeOrderedIds.next();
        trace = TraceParent.ofRequestId(requestId).orElseThrow();
        try (PlatformDatabase platformDb = PlatformDatabase.open(platformUrl()); AppDatabase appDb = AppDatabase.open(appUrl());
             Tracing platform = Tracing.create("openvod-platform", TracingConfig.off(),
                     PlatformStores.on(platformDb, List.of(), EventsConfig.defaults(), Clock.systemUTC()).traces());
             Tracing app = Tracing.create("openvod-app", TracingConfig.off(), new SqlTraceLog(appDb.jdbi()))) {
            TraceParent signature = step(app, "signature", null, null);
            Thread.sleep(40);
            TraceParent apply = step(platform, "ApplyUploadUGC", signature, null);
            step(platform, "UploadPart", apply, null);
            step(platform, "UploadPart", apply, null);
            TraceParent commit = step(platform, "CommitUploadUGC", apply, FILE_ID);
            try (TraceStep review = platform.step("task Porn", commit)) {
                review.attribute("openvod.file_id", FILE_ID).attribute("openvod.task_id", "1250000000-procedurev2-abc");
                review.failed("FailedOperation.ReviewUnavailable");
            }
            pause();
            TraceParent push = step(platform, "push NewFileUpload", commit, FILE_ID);
            TraceParent receive = step(app, "receive NewFileUpload", push, FILE_ID);
            step(app, "process NewFileUpload", receive, FILE_ID);
        }
    }

    /** One step of {@code tracing}: the root of the trace when {@code parent} is null. */
    private TraceParent step(Tracing tracing, String name, TraceParent parent, String fileId) {
        TraceParent context;
        try (TraceStep step = parent == null ? tracing.root(name, trace) : tracing.serverStep(name, parent)) {
            step.attribute("openvod.file_id", fileId);
            context = step.context();
        }
        pause();
        return context;
    }

    private static void pause() {
        try {
            Thread.sleep(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theTimelineOfASignatureRequestListsBothServicesStepsInOrder() {
        CliRun run = trace(requestId);

        assertThat(run.status()).as(run.err()).isZero();
        List<MatchResult> rows = rows(run.out());
        assertThat(rows).extracting(m -> m.group(4)).containsExactlyElementsOf(STEPS);
        assertThat(rows).extracting(m -> m.group(3)).containsExactly("app", "platform", "platform", "platform", "platform",
                "platform", "platform", "app", "app");
        assertThat(rows.getFirst().group(1)).isEqualTo("0.000");
        List<Double> offsets = rows.stream().map(m -> Double.parseDouble(m.group(1))).toList();
        assertThat(offsets).isSorted();
        assertThat(offsets.get(1)).as("Apply started 40 ms after the signature").isGreaterThanOrEqualTo(0.040);
        assertThat(rows.get(4).group(5)).isEqualTo(FILE_ID);
        assertThat(rows.get(1).group(5)).isEqualTo("-");
        assertThat(rows.get(5).group(7)).isEqualTo("FailedOperation.ReviewUnavailable");
        assertThat(rows).filteredOn(m -> m.group(7) != null).hasSize(1);
        assertThat(run.out()).contains("trace   " + trace.traceId() + " (signature request " + requestId + ")")
                .contains("FileId  " + FILE_ID)
                .containsPattern("total   \\d+\\.\\d{3}s from signature to the end of process NewFileUpload: 9 steps "
                        + "\\(app 3, platform 6\\), 1 failed")
                .contains("read    platform jdbc:sqlite:" + dir.resolve("platform.db") + "; app jdbc:sqlite:" + dir.resolve("app.db"));
    }

    @Test
    void aTraceIdAndAFileIdNameTheSameTimeline() {
        String byRequest = trace(requestId).out();

        CliRun byTrace = trace(trace.traceId().toUpperCase(java.util.Locale.ROOT));
        CliRun byFile = trace(FILE_ID);

        assertThat(byTrace.status()).as(byTrace.err()).isZero();
        assertThat(byTrace.out()).isEqualTo(byRequest);
        assertThat(byFile.status()).as(byFile.err()).isZero();
        assertThat(byFile.out()).isEqualTo(byRequest);
    }

    @Test
    void jsonHasTheStepsAndTheSummary() throws Exception {
        CliRun run = trace(FILE_ID, "--json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        List<String> names = new ArrayList<>();
        root.get("steps").forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).containsExactlyElementsOf(STEPS);
        JsonNode first = root.get("steps").get(0);
        assertThat(first.get("offsetMs").asDouble()).isZero();
        assertThat(first.get("service").asText()).isEqualTo("app");
        assertThat(first.get("spanId").asText()).isEqualTo(trace.spanId());
        assertThat(first.get("parentSpanId").isNull()).isTrue();
        assertThat(first.get("fileId").isNull()).isTrue();
        JsonNode review = root.get("steps").get(5);
        assertThat(review.get("status").asText()).isEqualTo("error");
        assertThat(review.get("detail").asText()).isEqualTo("FailedOperation.ReviewUnavailable");
        assertThat(root.get("steps").get(1).get("offsetMs").asDouble()).isGreaterThanOrEqualTo(40.0);
        JsonNode summary = root.get("summary");
        assertThat(summary.get("traceId").asText()).isEqualTo(trace.traceId());
        assertThat(summary.get("requestId").asText()).isEqualTo(requestId);
        assertThat(summary.get("fileId").asText()).isEqualTo(FILE_ID);
        assertThat(summary.get("steps").asInt()).isEqualTo(9);
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
        assertThat(summary.get("firstStep").asText()).isEqualTo("signature");
        assertThat(summary.get("totalMs").asDouble()).isGreaterThanOrEqualTo(root.get("steps").get(8).get("offsetMs").asDouble());
        assertThat(summary.get("stepsByService").get("platform").asInt()).isEqualTo(6);
        assertThat(root.get("sources")).hasSize(2);
    }

    @Test
    void nothingFoundSaysWhatWasLookedUpWhereAndWhatToDo() {
        CliRun byFile = trace("5285890813342819999");
        CliRun byRequest = trace(TimeOrderedIds.next());

        assertThat(byFile.status()).isEqualTo(4);
        assertThat(byFile.out()).isEmpty();
        assertThat(byFile.err()).contains("NOT_FOUND", "no steps for FileId 5285890813342819999 in platform jdbc:sqlite:"
                        + dir.resolve("platform.db") + " and app jdbc:sqlite:" + dir.resolve("app.db"),
                "tracing.retention (7d)", "is this the node's configuration? try --config");
        assertThat(byRequest.status()).isEqualTo(4);
        assertThat(byRequest.err()).contains("(signature request ");
    }

    @Test
    void aServiceWithoutItsDatabaseIsNotReadNorCreated() {
        Path absent = dir.resolve("elsewhere").resolve("app.db");
        CliRun run = CliRun.run(Map.of(), "", "--set", "platform.databaseUrl=" + platformUrl(), "--set",
                "app.database.url=jdbc:sqlite:" + absent, "trace", requestId);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(rows(run.out())).extracting(m -> m.group(4)).containsExactlyElementsOf(STEPS.subList(1, 7));
        assertThat(run.out()).contains("app jdbc:sqlite:" + absent + " (not read: no such file)")
                .contains("from ApplyUploadUGC to the end of push NewFileUpload");
        assertThat(Files.exists(absent)).isFalse();
    }

    @Test
    void badIdsAreRefusedAndEveryOptionIsExplained() {
        CliRun bad = trace("not a/valid id");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("INVALID_ARGUMENT", "neither a signature request id (a UUID), a trace id (32 hex digits) nor a FileId");
        assertThat(trace("00000000000000000000000000000000").err()).contains("all zeros");

        CliRun help = CliRun.run("trace", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("Usage: openvod trace", "ID", "--json", "--help", "tracing.retention");
    }

    @Test
    void databaseUrlsAreShownWithoutCredentials() {
        assertThat(TraceSource.withoutCredentials("jdbc:postgresql://vod:pw-not-shown@db.example.com:5432/vod?password=pw-not-shown&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.example.com:5432/vod?…");
        assertThat(TraceSource.withoutCredentials("jdbc:postgresql://db:5432/vod;password=x")).isEqualTo("jdbc:postgresql://db:5432/vod?…");
        assertThat(TraceSource.withoutCredentials("jdbc:sqlite:/var/lib/openvod/platform.db"))
                .isEqualTo("jdbc:sqlite:/var/lib/openvod/platform.db");
    }

    private static List<MatchResult> rows(String out) {
        return ROW.matcher(out).results().toList();
    }
}
