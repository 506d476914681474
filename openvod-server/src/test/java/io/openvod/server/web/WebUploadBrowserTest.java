package io.openvod.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.platform.media.TestClips;
import io.openvod.server.receipt.ReceiptStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload page in headless Chromium against the platform and the app backend
 * ({@code src/test/browser/upload.spec.mjs}): the user signs in, uploads a clip with the page's
 * own UGC + COS uploader, waits until "My videos" shows it published (events pushed by the
 * platform after the real transcode, cover and review flow) and plays it; then the uploader's
 * multipart path with a cover (1 MiB parts) is committed and the platform serves the assembled
 * object. See {@link BrowserSpecs}
 * for what it needs.
 */
class WebUploadBrowserTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aUserUploadsInChromiumAndWatchesTheVideoGetPublished() throws Exception {
        Path clip = TestClips.mp4(dir.resolve("holiday.mp4"), Duration.ofSeconds(2), 320, 240);
        Path screenshot = BrowserSpecs.screenshot("upload.png");
        Files.deleteIfExists(screenshot);

        try (ReceiptStack stack = ReceiptStack.start(dir, "ReviewTranscodeCover",
                platformUrl -> List.of("app.web.platformUrl=" + platformUrl))) {
            stack.call("ModifyEventConfig", "\"Mode\":\"PUSH\",\"NotificationUrl\":\"" + stack.notificationUrl() + "\"");
            String output = BrowserSpecs.run(dir, "upload.spec.mjs", Duration.ofMinutes(4), Map.of(
                    "OPENVOD_WEB_USER", ReceiptStack.USER, "OPENVOD_WEB_PASSWORD", ReceiptStack.PASSWORD,
                    "OPENVOD_WEB_TIMEOUT_MS", Long.toString(Duration.ofMinutes(2).toMillis())),
                    stack.app().url().toString(), clip.toString(), screenshot.toString());
            assertThat(output).contains("ok - the badge says published", "ok - the player has a src: http");

            assertThat(screenshot).as("the screenshot").isRegularFile();
            assertThat(Files.size(screenshot)).isPositive();
            Matcher committed = Pattern.compile("ok - the upload was committed as FileId (\\d+)").matcher(output);
            assertThat(committed.find()).as(output).isTrue();
            Video video = stack.app().services().videos().find(committed.group(1)).orElseThrow();
            assertThat(video.state()).as("the app's database has the clip published").isEqualTo(VideoState.PUBLISHED);
            assertThat(video.userId()).contains(ReceiptStack.USER);
            assertThat(video.name()).isEqualTo("holiday");
            assertThat(output).contains("ok - a multipart upload with a cover is committed",
                    "ok - the platform serves the assembled object (2621440 bytes)");
        }
    }
}
