package io.openvod.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.videos.Playback;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.server.app.AppBackend;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's review queue in headless Chromium ({@code src/test/browser/moderation.spec.mjs}): before
 * anyone signs in (and after signing out) the page shows the sign-in form and no "Signed in as"; a
 * moderator sees a video that waits for review with its cover and review result, plays it (HLS
 * only where the browser has it built in), approves it from the keyboard, and its owner then sees
 * it published; a video that is not playable is not queued, and its owner sees it failed with the
 * reason. See {@link BrowserSpecs} for what it needs.
 */
class WebModerationBrowserTest {
    private static final String FILE_ID = "5285890813342811041";
    private static final String NOT_PLAYABLE_ID = "5285890813342811042";
    /** Media URLs that fail fast (nothing listens on the discard port): only the page's behaviour is under test. */
    private static final String MEDIA = "http://127.0.0.1:9/" + FILE_ID + "/";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aModeratorApprovesAQueuedVideoAndItsOwnerSeesItPublished() throws Exception {
        Path file = dir.resolve("openvod.yaml");
        Files.writeString(file, """
                app:
                  policy:
                    defaultRole: user
                    roles:
                      user: {}
                      moderator: {}
                """);
        try (AppBackend app = AppBackend.start(new ConfigLoader().load(ConfigSources.resolve(file, dir, Map.of(), List.of(
                "app.http.port=0", "app.database.url=jdbc:sqlite:" + dir.resolve("app.db")))).app(), Clock.systemUTC())) {
            var accounts = app.services().accounts();
            accounts.createUser("demo", "", Optional.of("demo-password".toCharArray()));
            accounts.createUser("mia", "moderator", Optional.of("mia-password".toCharArray()));
            Instant now = Instant.now();
            app.services().videos().save(new Video(FILE_ID, Optional.of("demo"), "req-1", "holiday", VideoState.PENDING_REVIEW,
                    MEDIA + "holiday.mp4", MEDIA + "cover.jpg", "task-1", List.of(
                    new Playback("mp4", 100010, MEDIA + "holiday.f100010.mp4", 320, 240),
                    new Playback("hls", 12, MEDIA + "master.m3u8", 0, 0)),
                    "review", 72.5, "porn", Optional.empty(), 1, now, now, new Video.Awaited(true, "success", "", "")));
            app.services().videos().save(new Video(NOT_PLAYABLE_ID, Optional.of("demo"), "req-2", "notes", VideoState.FAILED,
                    MEDIA + "notes.mp4", "", "task-2", List.of(), "failed", 0, "", Optional.empty(), 3, now, now,
                    new Video.Awaited(true, "failed", "review-2", "failed"), "MetaData: no audio or video stream"));

            Path screenshot = BrowserSpecs.screenshot("moderation.png");
            Files.deleteIfExists(screenshot);
            String output = BrowserSpecs.run(dir, "moderation.spec.mjs", Duration.ofMinutes(2), Map.of(
                    "OPENVOD_WEB_MODERATOR", "mia", "OPENVOD_WEB_MODERATOR_PASSWORD", "mia-password",
                    "OPENVOD_WEB_USER", "demo", "OPENVOD_WEB_PASSWORD", "demo-password"),
                    app.url().toString(), FILE_ID, screenshot.toString(), NOT_PLAYABLE_ID);

            assertThat(output).contains("ok - before anyone signs in, the page shows the sign-in form",
                    "ok - before anyone signs in, the page shows no \"Signed in as\" and no \"Sign out\"",
                    "ok - after signing out, the page shows no \"Signed in as\" and no \"Sign out\"",
                    "ok - a video that is not playable is not queued",
                    "ok - approved with the keyboard", "ok - its owner sees the approved video published",
                    "ok - its owner sees the unplayable video failed, with the reason, and nothing to play");
            assertThat(screenshot).isRegularFile();
            Video decided = app.services().videos().find(FILE_ID).orElseThrow();
            assertThat(decided.state()).isEqualTo(VideoState.PUBLISHED);
            assertThat(decided.moderation()).hasValueSatisfying(m -> {
                assertThat(m.decision()).isEqualTo("approved");
                assertThat(m.moderator()).isEqualTo("mia");
            });
        }
    }
}
