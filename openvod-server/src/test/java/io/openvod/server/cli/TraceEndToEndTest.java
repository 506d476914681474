package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.openvod.app.videos.Video;
import io.openvod.core.trace.LogContext;
import io.openvod.platform.media.TestClips;
import io.openvod.server.dev.DevStack;
import io.openvod.server.dev.DevUploads;
import io.openvod.server.testing.ReviewSidecar;
import io.openvod.testing.OtlpCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * One upload, one trace, from the signature to the event: an upload through {@code openvod dev}
 * (the demo user, {@code ReviewAudioVideoTranscodeCover} with the real FFmpeg and nsfwjs, events
 * pushed to the app) keeps the signature request's trace id in the app's audit row, the
 * platform's task flows and events, the pushed events the app received and its receipt log lines;
 * both services export the steps to an OTLP collector; and {@code openvod trace} prints the
 * timeline from the two databases.
 */
class TraceEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void oneUploadIsOneTraceFromTheSignatureToTheLastEvent() throws Exception {
        ReviewSidecar.use();
        byte[] clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240));
        OtlpCollector collector = OtlpCollector.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        String fileId;
        Video video;
        try {
            var config = DevUploads.config(dir, "tracing.otlpEndpoint=" + collector.endpoint());
            try (DevStack dev = DevStack.start(config, dir.resolve("state"), Clock.systemUTC())) {
                DevUploads.remember(dev);
                fileId = DevUploads.uploadAsDemo(dev, clip, "mp4");
                video = DevUploads.awaitPublished(dev, fileId, Duration.ofSeconds(90));
            } // closing flushes the spans to the databases and the collector
        } finally {
            root.detachAppender(logs);
            collector.close();
        }
        String traceId = video.requestId().replace("-", "");

        assertThat(column("app.db", "SELECT trace_id FROM issued_signatures WHERE request_id = ?", video.requestId()))
                .as("the signature's audit row").containsExactly(traceId);
        assertThat(column("platform.db", "SELECT trace_id FROM upload_sessions WHERE file_id = ?", fileId))
                .as("the upload session").containsExactly(traceId);
        assertThat(column("platform.db", "SELECT trace_id FROM task_flows WHERE file_id = ?", fileId))
                .as("the task records: the procedure's flow and ReviewAudioVideo's").hasSize(2).containsOnly(traceId);
        List<String> stored = column("platform.db", "SELECT traceparent FROM event_outbox WHERE file_id = ?", fileId);
        assertThat(stored).as("every stored event").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(tp -> assertThat(tp).startsWith("00-" + traceId + "-"));
        List<String> received = column("app.db", "SELECT trace_id FROM received_events WHERE file_ids LIKE ?", "%" + fileId + "%");
        assertThat(received).as("every event the app received by push, traced by its traceparent header").hasSize(stored.size())
                .containsOnly(traceId);
        assertThat(column("app.db", "SELECT source FROM received_events WHERE file_ids LIKE ?", "%" + fileId + "%")).containsOnly("push");

        List<ILoggingEvent> receiptLines = logs.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("received ") && e.getFormattedMessage().contains(fileId)).toList();
        assertThat(receiptLines).as("the receipt log").hasSize(stored.size())
                .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry(LogContext.TRACE_ID, traceId));

        assertThat(collector.exported()).as("both services export their steps").contains("openvod-app", "openvod-platform", "signature",
                "CommitUploadUGC", "task ", "push ", "receive ");
        assertThat(collector.hasTrace(traceId)).as("in the upload's trace").isTrue();

        CliRun trace = CliRun.run(Map.of(), "", "--set", "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"),
                "--set", "app.database.url=jdbc:sqlite:" + dir.resolve("app.db"), "trace", video.requestId());
        assertThat(trace.status()).as(trace.err()).isZero();
        String out = trace.out();
        assertThat(out).contains(traceId, fileId);
        // The commit starts both the task flows and the NewFileUpload push, at the same time: either may come first.
        List<String> order = List.of("signature", "ApplyUploadUGC", "PutObject", "CommitUploadUGC", "push NewFileUpload",
                "receive NewFileUpload", "process ");
        int last = -1;
        for (String step : order) {
            int at = out.indexOf(step);
            assertThat(at).as("'%s' after the previous step in:%n%s", step, out).isGreaterThan(last);
            last = at;
        }
        assertThat(out.indexOf("task ")).as("the first task after the commit in:%n%s", out).isGreaterThan(out.indexOf("CommitUploadUGC"));
        assertThat(out).as("where the upload stands now").contains("now     video published",
                "now     task flow " + video.procedureTaskId() + " FINISH");
        assertThat(out).contains("push ProcedureStateChanged", "receive ProcedureStateChanged", "task ReviewAudioVideo", "receive ReviewAudioVideoComplete");
        CliRun byFile = CliRun.run(Map.of(), "", "--set", "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"),
                "--set", "app.database.url=jdbc:sqlite:" + dir.resolve("app.db"), "trace", fileId);
        assertThat(byFile.out()).as("the same timeline by FileId").contains(traceId, "signature", "receive NewFileUpload");
    }

    private List<String> column(String database, String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(database));
             var statement = c.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }
}
