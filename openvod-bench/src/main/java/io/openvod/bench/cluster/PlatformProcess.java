package io.openvod.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One platform node: {@code java -jar openvod-server.jar --config FILE platform --port 0} in a JVM of
 * its own, with a fixed heap. Its output goes to a log file; it is ready once it prints the URL its
 * UGC upload API listens on.
 */
final class PlatformProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("UGC upload API on (http://[0-9.]+:[0-9]+)/v3/index\\.php");

    private final String name;
    private final Process process;
    private final Path log;

    private PlatformProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts a node; answers at once (see {@link #awaitUrl(int)}). */
    static PlatformProcess start(String name, Path serverJar, Path config, String heap, List<String> jvmOptions, Path log)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", serverJar.toString(), "--config", config.toString(), "platform", "--port", "0"));
        Process process = new ProcessBuilder(command).directory(config.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new PlatformProcess(name, process, log);
    }

    /** The node's base URL (no trailing slash), once it listens; waits at most {@code seconds}. */
    String awaitUrl(int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() - deadline < 0) {
            Matcher m = READY.matcher(Files.readString(log));
            if (m.find()) {
                return m.group(1);
            }
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " before listening; see " + log);
            }
            Thread.sleep(100);
        }
        throw new IOException(name + " is not listening after " + seconds + " s; see " + log);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** Stops the node: SIGTERM, then SIGKILL after 15 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
