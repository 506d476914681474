package io.openvod.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.platform.media.TestClips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload page in headless Chromium against the platform and the app backend: the Node script
 * {@code src/test/browser/upload.spec.mjs} (playwright-core driving the system's chromium) signs
 * in, uploads a clip with the page's own UGC + COS uploader, waits until "My videos" shows it
 * published (events pushed by the platform after the real review flow) and plays it.
 *
 * <p>It needs Node.js 20+, the {@code chromium} package and {@code npm ci} in
 * {@code openvod-server/src/test/browser}; {@code .ci/run} installs chromium and {@code ./openvod test}
 * runs npm ci. Without them the test fails saying so: it is not skipped.
 */
class WebUploadBrowserTest {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aUserUploadsInChromiumAndWatchesTheVideoGetPublished() throws Exception {
        Path browserTests = repository().resolve("openvod-server/src/test/browser");
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        requireTools(browserTests, chromium);
        Path clip = TestClips.mp4(dir.resolve("holiday.mp4"), Duration.ofSeconds(2), 320, 240);
        Path screenshot = repository().resolve("openvod-server/target/browser/upload.png");
        Files.deleteIfExists(screenshot);

        try (WebStack stack = WebStack.start(dir)) {
            Path log = dir.resolve("browser.log");
            ProcessBuilder node = new ProcessBuilder("node", "upload.spec.mjs", stack.app().url().toString(), clip.toString(),
                    screenshot.toString()).directory(browserTests.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            node.environment().put("OPENVOD_WEB_USER", WebStack.USER);
            node.environment().put("OPENVOD_WEB_PASSWORD", WebStack.PASSWORD);
            node.environment().put("CHROMIUM", chromium.toString());
            node.environment().put("OPENVOD_WEB_TIMEOUT_MS", Long.toString(Duration.ofMinutes(2).toMillis()));
            long started = System.nanoTime();
            Process process = node.start();
            boolean ended = process.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log);
            System.out.println("upload.spec.mjs (" + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms):\n" + output);
            assertThat(ended).as("upload.spec.mjs ends within " + SCRIPT_TIMEOUT + ":\n" + output).isTrue();
            assertThat(process.exitValue()).as("upload.spec.mjs exits 0:\n" + output).isZero();
            assertThat(output).contains("ok - the badge says published", "ok - the player has a src: http");

            assertThat(screenshot).as("the screenshot").isRegularFile();
            assertThat(Files.size(screenshot)).isPositive();
            List<Video> videos = stack.app().services().videos().ofUser(WebStack.USER, 10);
            assertThat(videos).as("the app's database has the user's upload, published").hasSize(1);
            Video video = videos.getFirst();
            assertThat(video.state()).isEqualTo(VideoState.PUBLISHED);
            assertThat(output).contains("committed as FileId " + video.fileId());
            assertThat(video.name()).isEqualTo("holiday");
        }
    }

    /** Fails, naming the fix, when Node.js, Chromium or playwright-core is missing. */
    private static void requireTools(Path browserTests, Path chromium) throws InterruptedException {
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
        if (!Files.isRegularFile(browserTests.resolve("node_modules/playwright-core/package.json"))) {
            missing.add("playwright-core (cd " + browserTests + " && npm ci)");
        }
        if (!missing.isEmpty()) {
            fail("the browser test needs " + String.join(", ", missing) + ". Run .ci/run, which installs chromium and runs "
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
