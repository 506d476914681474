package io.openvod.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node scripts of {@code openvod-server/src/test/browser} (playwright-core driving the
 * system's headless chromium). They need Node.js 20+, the {@code chromium} package and
 * {@code npm ci} in that directory: {@code .ci/run} installs chromium and {@code ./openvod test}
 * runs npm ci. Without them a test fails saying so; it is not skipped.
 */
final class BrowserSpecs {
    private BrowserSpecs() {
    }

    /** The directory of the browser specs. */
    static Path directory() {
        return repository().resolve("openvod-server/src/test/browser");
    }

    /** Where a spec's screenshot goes: {@code openvod-server/target/browser/<name>}. */
    static Path screenshot(String name) {
        return repository().resolve("openvod-server/target/browser").resolve(name);
    }

    /**
     * Runs {@code node <script> <args…>} with {@code environment} added; answers its output after
     * checking that it ended within {@code timeout} with exit code 0.
     */
    static String run(Path workDir, String script, Duration timeout, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        requireTools(chromium);
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(workDir, "browser", ".log");
        ProcessBuilder node = new ProcessBuilder(command).directory(directory().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().putAll(environment);
        node.environment().put("CHROMIUM", chromium.toString());
        long started = System.nanoTime();
        Process process = node.start();
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        System.out.println(script + " (" + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms):\n" + output);
        assertThat(ended).as(script + " ends within " + timeout + ":\n" + output).isTrue();
        assertThat(process.exitValue()).as(script + " exits 0:\n" + output).isZero();
        return output;
    }

    /** Fails, naming the fix, when Node.js, Chromium or playwright-core is missing. */
    private static void requireTools(Path chromium) throws InterruptedException {
        List<String> missing = new ArrayList<>();
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
                missing.add("Node.js (node --version failed)");
            }
        } catch (IOException e) {
            missing.add("Node.js >= 20 (node is not on the PATH)");
        }
        if (!Files.isExecutable(chromium)) {
            missing.add("Chromium at " + chromium + " (Debian/Ubuntu: apt-get install chromium; or set CHROMIUM)");
        }
        if (!Files.isRegularFile(directory().resolve("node_modules/playwright-core/package.json"))) {
            missing.add("playwright-core (cd " + directory() + " && npm ci)");
        }
        if (!missing.isEmpty()) {
            fail("the browser tests need " + String.join(", ", missing) + ". Run .ci/run, which installs chromium and runs "
                    + "./openvod test (that runs npm ci in openvod-server/src/test/browser).");
        }
    }

    /** The repository's root: the first directory above the working directory with openvod-server/src/test/browser. */
    static Path repository() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("openvod-server/src/test/browser/upload.spec.mjs"))) {
                return d;
            }
        }
        throw new IllegalStateException("no openvod-server/src/test/browser/upload.spec.mjs above " + Path.of("").toAbsolutePath());
    }
}
