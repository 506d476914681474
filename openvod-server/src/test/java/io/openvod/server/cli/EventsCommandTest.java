package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.openvod.platform.config.EventsConfig;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openvod events list|redeliver} on a platform database with a dead PUSH event and an event naming a task flow. */
class EventsCommandTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.onPlatformDatabase(dir, args);
    }

    @Test
    void deadEventsAreListedAndRedelivered() throws Exception {
        HttpServer failing = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        failing.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        failing.start();
        EventsConfig d = EventsConfig.defaults();
        EventsConfig events = new EventsConfig(d.mode(), d.notificationUrl(), d.uploadSwitch(), d.deleteSwitch(),
                new EventsConfig.Push(Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofMillis(400), 20, 8, false,
                        true, false), d.pull());
        String dead;
        String quiet;
        String withFlow;
        String taskId;
        try (PlatformFixture platform = PlatformFixture.start(dir, events)) {
            quiet = Uploads.uploadSmall(platform, new byte[] {1}, b -> b).get("fileId").asText();
            withFlow = Uploads.uploadSmall(platform, new byte[] {3}, b -> b.procedure("TranscodeCover")).get("fileId").asText();
            taskId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(platform.node().catalog().events(withFlow).getFirst()
                    .event().body()).get("FileUploadEvent").get("ProcedureTaskId").asText();
            platform.node().eventConfigs().put(new EventConfig(PlatformFixture.APP_ID, "PUSH",
                    "http://127.0.0.1:" + failing.getAddress().getPort() + "/hook", "ON", "ON", "OFF"));
            dead = Uploads.uploadSmall(platform, new byte[] {2}, b -> b).get("fileId").asText();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (platform.node().push().deliveries().list(java.util.Optional.of("DEAD"), java.util.Optional.empty(), 1).isEmpty()) {
                assertThat(System.nanoTime()).as("the event is dead-lettered").isLessThan(deadline);
                Thread.sleep(20);
            }
        } finally {
            failing.stop(0);
        }

        CliRun all = run("events", "list");
        assertThat(all.status()).as(all.err()).isZero();
        assertThat(all.out()).contains("EVENT ID", "TASK ID").containsPattern(quiet + "\\s+-\\s+1\\s+NONE\\s+DELIVERED")
                .containsPattern(dead + "\\s+-\\s+1\\s+PUSH\\s+DEAD\\s+\\d+\\s+\\S+\\s+HTTP 500")
                .containsPattern("NewFileUpload\\s+" + withFlow + "\\s+" + taskId + "\\s+1\\s+");
        CliRun deadOnly = run("events", "list", "--state", "dead", "--limit", "5");
        assertThat(deadOnly.out()).contains(dead).doesNotContain(quiet);
        assertThat(run("events", "list", "--file-id", quiet).out()).contains(quiet).doesNotContain(dead);
        assertThat(run("events", "list", "--state", "LOST").status()).isEqualTo(2);

        String eventId = deadOnly.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        CliRun redeliver = run("events", "redeliver", eventId);
        assertThat(redeliver.out()).contains("redelivering " + eventId);
        assertThat(run("events", "list", "--file-id", dead).out()).containsPattern(dead + "\\s+-\\s+1\\s+PUSH\\s+PENDING\\s+0");
        CliRun unknown = run("events", "redeliver", "no-such-event");
        assertThat(unknown.status()).isEqualTo(4);
        assertThat(unknown.err()).contains("no-such-event");
        assertThat(run("events", "redeliver", "--all-dead", "--sub-app-id", "1250000000").out()).contains("redelivering 0 dead events");
        assertThat(run("events", "redeliver").status()).isEqualTo(2);
    }
}
