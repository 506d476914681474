package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openvod dev}, {@code platform} and {@code app} on a port another process holds (here a
 * {@link ServerSocket}): exit status 5, one line naming the service, the port, the flag and the
 * configuration key that pick another, and no stack trace.
 */
class PortInUseTest {
    @TempDir
    Path dir;
    ServerSocket held;
    String port;

    @BeforeEach
    void holdAPort() throws IOException {
        held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        port = Integer.toString(held.getLocalPort());
    }

    @AfterEach
    void release() throws IOException {
        held.close();
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("--set", "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"),
                "--set", "platform.storage.path=" + dir.resolve("objects"), "--set", "app.database.url=jdbc:sqlite:" + dir.resolve("app.db")));
        all.addAll(List.of(args));
        return CliRun.run(all.toArray(String[]::new));
    }

    private static void assertOneClearLine(CliRun run, String... parts) {
        assertThat(run.status()).as(run.err()).isEqualTo(5);
        assertThat(run.err().lines()).as("one line, no stack trace").singleElement().asString()
                .startsWith("error: PORT_IN_USE: ").contains(parts);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void devSaysWhichOfItsPortsIsTakenAndHowToPickAnother() {
        assertOneClearLine(run("dev", "--platform-port", port, "--app-port", "0", "--state", dir.resolve("state").toString()),
                "the platform's port " + port + " (on 127.0.0.1) is in use", "another openvod dev running?", "--platform-port N",
                "platform.http.port (OPENVOD_PLATFORM_HTTP_PORT)");
        assertOneClearLine(run("dev", "--platform-port", "0", "--app-port", port, "--state", dir.resolve("state").toString()),
                "the app backend's port " + port + " (on 127.0.0.1) is in use", "--app-port N", "app.http.port (OPENVOD_APP_HTTP_PORT)");
    }

    @Test
    void platformAndAppAloneSayTheSame() {
        assertOneClearLine(run("platform", "--port", port), "the platform's port " + port, "--port N (0 picks a free one)",
                "platform.http.port");
        assertOneClearLine(run("app", "--port", port), "the app backend's port " + port, "--port N", "app.http.port");
    }

    @Test
    void aBindFailureOfTheWebServerIsThePortInUseToo() {
        RuntimeException started = new IllegalStateException("Failed to start", new IOException("Failed to bind", new java.net.BindException()));

        assertThat(io.openvod.server.config.PortInUseException.causing(started, "platform", "127.0.0.1", 8082, "platform.http.port"))
                .hasValueSatisfying(e -> assertThat(e.withAdvice("--port", "").getMessage())
                        .isEqualTo("the platform's port 8082 (on 127.0.0.1) is in use by another process; pick another port with --port N "
                                + "(0 picks a free one), or set platform.http.port (OPENVOD_PLATFORM_HTTP_PORT)"));
        assertThat(io.openvod.server.config.PortInUseException.causing(new IllegalStateException("no"), "platform", "127.0.0.1", 8082,
                "platform.http.port")).isEmpty();
    }
}
