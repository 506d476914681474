package io.openvod.server.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.openvod.app.receipt.StoredEvent;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.platform.media.TestClips;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tencent's recommended moderation path end to end over real HTTP, one verdict each: alice's
 * upload names {@code ReviewAudioVideo} (a procedure that holds only a review task), the platform
 * reviews the frames with an external classifier (a loopback service that scores every frame as
 * given) and pushes {@code ReviewAudioVideoComplete}, and the app's video ends blocked, pending
 * review or published by that verdict alone.
 */
class ReviewAudioVideoVerdictEndToEndTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "porn {0} → {1}")
    @CsvSource({"0.95, BLOCKED, block", "0.70, PENDING_REVIEW, review", "0.01, PUBLISHED, pass"})
    void thePlatformsOwnReviewDecidesTheVideo(double porn, VideoState expected, String suggestion) throws Exception {
        HttpServer classifier = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        classifier.createContext("/classify", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = String.format(Locale.ROOT, "[{\"className\":\"Porn\",\"probability\":%.2f},"
                    + "{\"className\":\"Neutral\",\"probability\":%.2f},{\"className\":\"Hentai\",\"probability\":0},"
                    + "{\"className\":\"Sexy\",\"probability\":0},{\"className\":\"Drawing\",\"probability\":0}]", porn, 1 - porn)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        classifier.start();
        Path clip = TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240);
        try (ReceiptStack stack = ReceiptStack.start(dir, "ReviewAudioVideo", List.of("platform.review.engine=http",
                "platform.review.http.url=http://127.0.0.1:" + classifier.getAddress().getPort() + "/classify"),
                platformUrl -> List.of())) {
            stack.call("ModifyEventConfig", "\"Mode\":\"PUSH\",\"NotificationUrl\":\"" + stack.notificationUrl() + "\"");

            String fileId = stack.uploadAsAlice(clip);
            Video video = stack.awaitState(fileId, expected, Duration.ofSeconds(45));

            assertThat(video.review()).isEqualTo(suggestion);
            List<StoredEvent> received = stack.app().services().receivedEvents().recent(10);
            assertThat(received).extracting(StoredEvent::eventType).containsExactlyInAnyOrder("NewFileUpload",
                    "ReviewAudioVideoComplete");
            StoredEvent verdict = received.stream().filter(e -> e.eventType().equals("ReviewAudioVideoComplete")).findFirst()
                    .orElseThrow();
            assertThat(ReceiptStack.JSON.readTree(verdict.body()).path("ReviewAudioVideoCompleteEvent").path("Output")
                    .path("Suggestion").asText()).isEqualTo(suggestion);
            Thread.sleep(500);
            assertThat(stack.app().services().videos().find(fileId).orElseThrow().state()).as("and stays so").isEqualTo(expected);
        } finally {
            classifier.stop(0);
        }
    }
}
