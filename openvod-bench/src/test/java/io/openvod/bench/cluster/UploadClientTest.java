package io.openvod.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.bench.upload.PlatformUploadServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole small uploads through a real platform node on loopback (SQLite, no probing), one client and one closed loop. */
class UploadClientTest {
    private static final byte[] BODY = new byte[64 * 1024];

    @TempDir
    static Path dir;
    static PlatformUploadServer platform;

    @BeforeAll
    static void start() {
        platform = PlatformUploadServer.start(dir.resolve("platform"), "127.0.0.1", 0, false);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static UploadClient client(List<String> nodes, String secretKey) {
        return new UploadClient(UploadClient.httpClient(), nodes, PlatformUploadServer.SECRET_ID, secretKey, BODY, Duration.ofSeconds(10));
    }

    @Test
    void anUploadIsAppliedStoredAndCommitted() throws Exception {
        UploadClient.Upload upload = client(List.of(platform.url(), platform.url()), PlatformUploadServer.SECRET_KEY).upload(1);
        assertThat(upload.fileId()).matches("[0-9]{19}");
        assertThat(upload.apply()).isPositive();
        assertThat(upload.put()).isPositive();
        assertThat(upload.commit()).isPositive();
    }

    @Test
    void aFailedRequestIsNamedWithItsStatusOrError() throws Exception {
        assertThatThrownBy(() -> client(List.of(platform.url()), "NotTheBenchKey000000000000000000").upload(0))
                .isInstanceOf(UploadClient.UploadFailure.class).hasMessageStartingWith("ApplyUploadUGC code ");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String down = "http://127.0.0.1:" + closedPort;
        assertThatThrownBy(() -> client(List.of(down), PlatformUploadServer.SECRET_KEY).upload(0))
                .hasMessage("ApplyUploadUGC ConnectException");
        assertThatThrownBy(() -> client(List.of(platform.url(), down), PlatformUploadServer.SECRET_KEY).upload(0))
                .as("the PUT goes to the second node").hasMessage("PUT Object ConnectException");
    }

    @Test
    void aWorkerCountsTheCommitsOfTheMeasuredPeriodAndRemembersEveryFileId() throws Exception {
        ConcurrentMap<String, Long> commits = new ConcurrentHashMap<>();
        long now = System.nanoTime();
        UploadWorker worker = new UploadWorker(client(List.of(platform.url()), PlatformUploadServer.SECRET_KEY), 0,
                now + 300_000_000L, now + 1_300_000_000L, commits);
        Thread t = Thread.ofPlatform().start(worker);
        t.join(30_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(worker.errors).isEmpty();
        assertThat(worker.measured).isPositive();
        assertThat(worker.latencies.count()).isEqualTo(worker.measured);
        assertThat(worker.puts.count()).isEqualTo(worker.measured);
        assertThat(commits).hasSizeGreaterThanOrEqualTo((int) (worker.measured + worker.warmup));
        assertThat(worker.repeatedFileIds).isZero();
        RunResult.Deliveries d = ClusterThroughput.deliveries("jdbc:sqlite:" + dir.resolve("platform").resolve("platform.db"));
        assertThat(d.outbox()).as("a NewFileUpload event per commit").isGreaterThanOrEqualTo(commits.size());
        assertThat(d.delivered() + d.other()).as("no callback URL: nothing is pushed").isZero();
    }
}
