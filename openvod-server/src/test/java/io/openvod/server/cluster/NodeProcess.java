package io.openvod.server.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One OpenVOD command ({@code openvod platform}, {@code openvod app}, or an administration command) in
 * a JVM of its own, started by a {@link Launcher}: the test's class path, or an installed release's
 * {@code bin/openvod}. Its output goes to a log file under {@code target/test-logs/}, where the
 * suite's log scan reads it. {@link #kill()} is {@code kill -9}.
 */
final class NodeProcess implements AutoCloseable {
    private static final Pattern PLATFORM_READY = Pattern.compile("this node listens on (http://\\S+) behind");
    private static final Pattern PLATFORM_ALONE_READY = Pattern.compile("UGC upload API on (http://\\S+?)/v3/index.php");
    private static final Pattern APP_READY = Pattern.compile("signature service on (http://\\S+?)/?api/v1/upload-signature");

    private final String name;
    private final Process process;
    private final CompletableFuture<String> url = new CompletableFuture<>();
    private final Thread reader;

    private NodeProcess(String name, Process process, Path log, Pattern ready) {
        this.name = name;
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().name("output-" + name).start(() -> copy(log, ready));
    }

    /**
     * How a command is started: the command line before openvod's own arguments, and the working
     * directory ({@code null}: the test's).
     */
    record Launcher(List<String> command, Path directory) {
        Launcher {
            command = List.copyOf(command);
        }

        /** {@code io.openvod.server.Main} on the test's class path, in a small JVM. */
        static Launcher testClassPath() {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new Launcher(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), "io.openvod.server.Main"), null);
        }
    }

    /** {@code openvod platform} with {@code config}; answers once it listens. */
    static NodeProcess platform(String name, Path config, Path logs) {
        return start(name, Launcher.testClassPath(), logs, PLATFORM_READY, List.of("--config", config.toString(), "platform", "--port", "0"));
    }

    /**
     * {@code openvod platform} with {@code config}, started by {@code launcher}, where no
     * {@code platform.http.publicUrl} is set (the node is reached directly); answers once it listens.
     */
    static NodeProcess platformAlone(String name, Launcher launcher, Path config, Path logs) {
        return start(name, launcher, logs, PLATFORM_ALONE_READY, List.of("--config", config.toString(), "platform", "--port", "0"));
    }

    /** {@code openvod app} with {@code config}; answers once it listens. */
    static NodeProcess app(String name, Path config, Path logs) {
        return app(name, Launcher.testClassPath(), config, logs);
    }

    /** {@code openvod app} with {@code config}, started by {@code launcher}; answers once it listens. */
    static NodeProcess app(String name, Launcher launcher, Path config, Path logs) {
        return start(name, launcher, logs, APP_READY, List.of("--config", config.toString(), "app", "--port", "0"));
    }

    /**
     * Runs an administration command to its end and answers its output (standard output and error),
     * which is not kept in a log: it may show a secret once, as {@code events secrets create} does.
     */
    static String run(String name, String stdin, List<String> args) {
        return run(name, Launcher.testClassPath(), stdin, args);
    }

    /** {@link #run(String, String, List)} with {@code launcher}. */
    static String run(String name, Launcher launcher, String stdin, List<String> args) {
        try {
            Process process = builder(launcher, args).start();
            try (Writer in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
                in.write(stdin);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed (" + process.exitValue() + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static NodeProcess start(String name, Launcher launcher, Path logs, Pattern ready, List<String> args) {
        try {
            Files.createDirectories(logs);
            return new NodeProcess(name, builder(launcher, args).start(), logs.resolve(name + ".log"), ready);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static ProcessBuilder builder(Launcher launcher, List<String> args) {
        List<String> command = new ArrayList<>(launcher.command());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (launcher.directory() != null) {
            builder.directory(launcher.directory().toFile());
        }
        return builder;
    }

    /** The node's URL, once it listens (at most {@code seconds}). */
    String awaitUrl(int seconds) {
        try {
            return url.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + " is not listening after " + seconds + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String name() {
        return name;
    }

    /** Whether one of the node's child processes (at any depth) runs a program named {@code program}. */
    boolean runsChild(String program) {
        return process.descendants().anyMatch(p -> p.info().command()
                .map(c -> Path.of(c).getFileName().toString().equals(program)).orElse(false));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** {@code kill -9}: the JVM stops at once, without running its shutdown hooks. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            kill();
        }
        reader.join(5_000);
    }

    private void copy(Path log, Pattern ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.write(line);
                out.write('\n');
                out.flush();
                Matcher m = ready.matcher(line);
                if (!url.isDone() && m.find()) {
                    url.complete(m.group(1));
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
        url.completeExceptionally(new IllegalStateException(name + " exited before listening; see " + log));
    }
}
