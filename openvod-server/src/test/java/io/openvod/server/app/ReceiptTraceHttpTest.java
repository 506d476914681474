package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.sun.net.httpserver.HttpServer;
import io.openvod.app.config.AppConfig;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.core.TimeOrderedIds;
import io.openvod.core.trace.LogContext;
import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.TracingConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Received events join the trace of their upload, over real HTTP on a real SQLite inbox: a pushed
 * {@code traceparent} names it, else the signature request its context names ({@code req}); the
 * trace id is stored with the event, the receipt's and the processing's INFO lines carry it, and
 * the forwarded event continues it. Pulled events join it through their context too.
 */
class ReceiptTraceHttpTest {
    private static final long OWN_APP = 1_500_000_001L;

    @TempDir
    Path dir;
    private AppBackend backend;
    private HttpServer hook;
    private final List<Map<String, List<String>>> forwarded = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
        if (hook != null) {
            hook.stop(0);
        }
    }

    private URI start(ReceiptConfig.Pull pull, ReceiptConfig.Forward forward) {
        AppConfig base = AppFixture.config(dir, AppFixture.keyA(), Map.of("user", AppFixture.role(List.of(), "", List.of(), null,
                -1, -1, -1)), Map.of(), new RateLimitConfig(0, 0), AppFixture.noJwt());
        ReceiptConfig receipt = new ReceiptConfig(null, List.of(), Duration.ofMinutes(5), 1_048_576, pull, forward,
                List.of("moderator"), ReceiptConfig.ForbidAtVod.defaults(), OWN_APP);
        backend = AppBackend.start(new AppConfig(base.http(), base.database(), base.vod(), base.auth(), base.policy(),
                base.rateLimit(), receipt), TracingConfig.off(), Clock.systemUTC());
        return backend.url();
    }

    private URI startPushOnly() {
        return start(ReceiptConfig.Pull.defaults(), ReceiptConfig.Forward.defaults());
    }

    /** An upload of {@code fileId} by alice without a task flow, whose signature request was {@code requestId}. */
    private static String upload(String fileId, String requestId) {
        return VodEventBodies.plainUpload(fileId, "alice").replace("req=r-" + fileId, "req=" + requestId);
    }

    private static AppFixture.Reply push(URI base, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("api/v1/vod/events"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        headers.forEach(b::header);
        AppFixture.Reply reply = AppFixture.send(b.build());
        assertThat(reply.status()).as(reply.body().toString()).isIn(200, 403);
        return reply;
    }

    private static String eventId(AppFixture.Reply reply) {
        return reply.body().path("data").path("id").asText();
    }

    private static String traceOf(String requestId) {
        return TraceParent.ofRequestId(requestId).orElseThrow().traceId();
    }

    @Test
    void aPushedTraceparentNamesTheEventsTraceInTheInboxAndOnItsLogLines() throws Exception {
        URI base = startPushOnly();
        TraceParent pushedFrom = TraceParent.newTrace();
        String fileId = "5285890800000000201";
        try (AppLogLines logs = new AppLogLines()) {
            String body = upload(fileId, TimeOrderedIds.next()); // its context names another request: the header wins
            AppFixture.Reply pushed = push(base, body, Map.of("traceparent", pushedFrom.header()));
            AppFixture.Reply again = push(base, body, Map.of("traceparent", TraceParent.newTrace().header()));

            assertThat(again.body().path("data").path("duplicate").asBoolean()).isTrue();

            assertThat(storedTraceId(eventId(pushed))).isEqualTo(pushedFrom.traceId());
            ILoggingEvent received = logs.await("received NewFileUpload for FileId " + fileId + " (push)");
            assertThat(received.getLevel()).isEqualTo(Level.INFO);
            assertThat(received.getMDCPropertyMap()).containsEntry(LogContext.TRACE_ID, pushedFrom.traceId())
                    .containsEntry(LogContext.REQUEST_ID, pushed.raw().headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(received.getMDCPropertyMap().get(LogContext.SPAN_ID)).as("a step of its own").isNotEqualTo(pushedFrom.spanId());
            ILoggingEvent processed = logs.await("video " + fileId + ": none → published (NewFileUpload)");
            assertThat(processed.getLevel()).isEqualTo(Level.INFO);
            assertThat(processed.getMDCPropertyMap()).containsEntry(LogContext.TRACE_ID, pushedFrom.traceId());
            assertThat(logs.lines()).as("one INFO line per stored event; the repeat is not stored again")
                    .filteredOn(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().startsWith("received NewFileUpload for FileId "
                            + fileId)).hasSize(1);
        }
    }

    @Test
    void withoutAValidHeaderAnEventJoinsTheTraceItsContextNamesElseNone() throws Exception {
        URI base = startPushOnly();
        String requestId = TimeOrderedIds.next();
        String fileId = "5285890800000000202";
        String flow = VodEventBodies.upload(fileId, "alice", "clip").replace("req=r-" + fileId, "req=" + requestId);
        String finish = VodEventBodies.finish(fileId, "alice", "pass").replace("req=r-" + fileId, "req=" + requestId);
        try (AppLogLines logs = new AppLogLines()) {
            String uploadEvent = eventId(push(base, flow, Map.of()));
            String finishEvent = eventId(push(base, finish, Map.of("traceparent", "00-not-a-trace-01")));
            String untraced = eventId(push(base, VodEventBodies.plainUpload("5285890800000000203", "bob"), Map.of()));

            assertThat(storedTraceId(uploadEvent)).isEqualTo(traceOf(requestId));
            assertThat(storedTraceId(finishEvent)).as("SessionContext names it").isEqualTo(traceOf(requestId));
            assertThat(storedTraceId(untraced)).as("req=r-… is no request id of this app").isNull();
            assertThat(logs.await("received ProcedureStateChanged for FileId " + fileId).getMDCPropertyMap())
                    .containsEntry(LogContext.TRACE_ID, traceOf(requestId));
            assertThat(logs.await("video " + fileId + ": processing → published (ProcedureStateChanged)").getMDCPropertyMap())
                    .containsEntry(LogContext.TRACE_ID, traceOf(requestId));
            assertThat(logs.await("received NewFileUpload for FileId 5285890800000000203").getMDCPropertyMap())
                    .doesNotContainKey(LogContext.TRACE_ID).containsKey(LogContext.REQUEST_ID);
        }
    }

    @Test
    void aRefusedPushIsLoggedWithItsRequestId() throws Exception {
        URI base = startPushOnly();
        try (AppLogLines logs = new AppLogLines()) {
            String body = VodEventBodies.plainUpload("5285890800000000204", "alice")
                    .replaceFirst("^\\{\"EventType\":\"NewFileUpload\",", "{\"EventType\":\"NewFileUpload\",\"SubAppId\":1500000002,");
            AppFixture.Reply refused = push(base, body, Map.of());

            assertThat(refused.error()).isEqualTo("EVENT_OTHER_APPLICATION");
            assertThat(logs.await("event push refused").getMDCPropertyMap())
                    .containsEntry(LogContext.REQUEST_ID, refused.raw().headers().firstValue("X-Request-Id").orElseThrow());
        }
    }

    @Test
    void aForwardedEventCarriesATraceparentInItsTrace() throws Exception {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            forwarded.add(Map.copyOf(exchange.getRequestHeaders()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        URI base = start(ReceiptConfig.Pull.defaults(), new ReceiptConfig.Forward("http://127.0.0.1:" + hook.getAddress().getPort()
                + "/hook", List.of(), Duration.ofSeconds(5), 3));
        TraceParent pushedFrom = TraceParent.newTrace();

        push(base, upload("5285890800000000205", TimeOrderedIds.next()), Map.of("traceparent", pushedFrom.header()));
        push(base, VodEventBodies.plainUpload("5285890800000000206", "bob"), Map.of());
        VodEventBodies.await("both events forwarded", Duration.ofSeconds(20), () -> forwarded.size() == 2);

        Map<String, List<String>> traced = forwardedFor("5285890800000000205");
        TraceParent sent = TraceParent.parse(header(traced, "traceparent")).orElseThrow();
        assertThat(sent.traceId()).isEqualTo(pushedFrom.traceId());
        assertThat(sent.spanId()).as("the forwarding step's own").isNotEqualTo(pushedFrom.spanId());
        assertThat(header(forwardedFor("5285890800000000206"), "traceparent")).as("an event of no trace").isNull();
    }

    @Test
    void aPulledEventJoinsTheTraceItsSourceContextNames() throws Exception {
        String requestId = TimeOrderedIds.next();
        String fileId = "5285890800000000207";
        try (TencentApiStandIn tencent = new TencentApiStandIn(); AppLogLines logs = new AppLogLines()) {
            start(new ReceiptConfig.Pull(true, tencent.url(), "ap-guangzhou", 0, Duration.ofSeconds(10)), ReceiptConfig.Forward.defaults());
            String handle = tencent.offer(upload(fileId, requestId));
            VodEventBodies.await("the pulled upload confirmed", Duration.ofSeconds(20), () -> tencent.confirmed.contains(handle));

            var stored = backend.services().receivedEvents().recent(10);
            assertThat(stored).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo("pull");
                assertThat(e.traceId()).contains(traceOf(requestId));
            });
            assertThat(storedTraceId(stored.getFirst().id())).isEqualTo(traceOf(requestId));
            assertThat(logs.await("received NewFileUpload for FileId " + fileId + " (pull)").getMDCPropertyMap())
                    .containsEntry(LogContext.TRACE_ID, traceOf(requestId));
            stop(); // before the stand-in goes away under the pull loop
            backend = null;
        }
    }

    private Map<String, List<String>> forwardedFor(String fileId) {
        return forwarded.stream().filter(h -> fileId.equals(header(h, "X-OpenVOD-File-Id"))).findFirst().orElseThrow();
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                .map(e -> e.getValue().getFirst()).orElse(null);
    }

    private String storedTraceId(String eventId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
             PreparedStatement s = c.prepareStatement("SELECT trace_id FROM received_events WHERE id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("the stored event " + eventId).isTrue();
                return rs.getString(1);
            }
        }
    }
}
