package io.openvod.platform.storage.s3;

import io.openvod.core.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An S3Mock server (an S3-compatible server for tests) in a child JVM, for tests that need a real
 * S3 endpoint. The build copies its executable jar to {@code target/s3mock/s3mock-exec.jar}; the
 * system property {@code openvod.s3mock.jar} points elsewhere. Start one per test class: it takes
 * about ten seconds to answer.
 *
 * <p>The server listens for plain HTTP on a free port ({@code --http.port}); its HTTPS connector
 * ({@code --server.port}) gets a port of its own choosing. Objects live in a fresh folder below
 * {@code target/s3mock}, deleted on {@link #close()}; the output goes to a log file next to it.
 */
public final class S3MockProcess implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY_ID = "s3mock-test-key";
    public static final Secret SECRET_ACCESS_KEY = Secret.of("s3mock-test-secret");
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static S3MockProcess shared;

    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final Path data;

    private S3MockProcess(Process process, URI endpoint, Path log, Path data) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
        this.data = data;
    }

    /** Starts the jar the build copied (or {@code -Dopenvod.s3mock.jar}) and waits until it answers. */
    public static S3MockProcess start() {
        String configured = System.getProperty("openvod.s3mock.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "s3mock", "s3mock-exec.jar");
        return start(jar);
    }

    /**
     * One server for every test class of this JVM that asks for it, started on first use and
     * stopped when the JVM exits (Surefire runs a module's tests in one JVM). Each test class
     * uses buckets of its own.
     */
    public static synchronized S3MockProcess shared() {
        if (shared == null) {
            S3MockProcess started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "s3mock-stop"));
            shared = started;
        }
        return shared;
    }

    public static S3MockProcess start(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock is missing at " + jar.toAbsolutePath()
                    + "; the build's process-test-resources phase copies it there");
        }
        try {
            Path work = jar.toAbsolutePath().getParent();
            int port = freePort();
            Path log = work.resolve("s3mock-" + port + ".log");
            Path data = work.resolve("data-" + port);
            List<String> command = new ArrayList<>(List.of(javaExecutable(),
                    "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                    "--http.port=" + port,
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--com.adobe.testing.s3mock.store.root=" + data,
                    "--spring.main.banner-mode=off"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            S3MockProcess s3mock = new S3MockProcess(process, URI.create("http://127.0.0.1:" + port), log, data);
            s3mock.awaitReady();
            return s3mock;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Mock", e);
        }
    }

    /** The plain-HTTP endpoint, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Settings for an {@link S3ObjectStore} on {@code bucket} of this server. */
    public S3StoreSettings settings(String bucket, String keyPrefix) {
        return new S3StoreSettings(endpoint, REGION, bucket, ACCESS_KEY_ID, SECRET_ACCESS_KEY, true, keyPrefix);
    }

    /** Creates a bucket (the store itself never does). */
    public void createBucket(String bucket) {
        try (S3ObjectStore store = S3ObjectStore.open(settings(bucket, ""))) {
            store.client().createBucket(b -> b.bucket(bucket));
        }
    }

    /** The S3 keys of the multipart uploads in progress in {@code bucket}, sorted (for tests that check none is left). */
    public List<String> multipartUploadKeys(String bucket) {
        try (S3ObjectStore store = S3ObjectStore.open(settings(bucket, ""))) {
            return store.client().listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                    .map(software.amazon.awssdk.services.s3.model.MultipartUpload::key).sorted().toList();
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with status " + process.exitValue() + ":\n" + logTail());
            }
            if (answers()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for S3Mock", e);
            }
        }
        close();
        throw new IllegalStateException("S3Mock did not answer at " + endpoint + " within "
                + STARTUP_TIMEOUT.toSeconds() + " s:\n" + logTail());
    }

    /** True once a ListBuckets request gets a 200: the port is open and the S3 API is up. */
    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(10_000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** The last lines of S3Mock's output, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e + ")";
        }
    }

    /** Stops the server (and anything it started) and waits for it to exit. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteTree(data);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("Cannot delete S3Mock's data at " + root + ": " + e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
