package io.openvod.server.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.app.videos.Video;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.server.testing.ReviewSidecar;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The media URLs of an upload follow the platform to its next address: after {@code openvod dev}
 * restarts on another platform port, DescribeMediaInfos and the app's video API answer the media,
 * cover and rendition URLs of the earlier upload on the new port, and they serve the bytes — though
 * the catalog and the app keep the URLs as they were made.
 */
class MediaUrlsAfterRestartTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void anEarlierUploadsUrlsUseTheNewPortAndServeTheBytes() throws Exception {
        ReviewSidecar.use();
        byte[] clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240));
        int first = freePort();
        String fileId;
        try (DevStack dev = DevStack.start(DevUploads.config(dir, "platform.http.port=" + first), dir.resolve("state"), Clock.systemUTC())) {
            DevUploads.remember(dev);
            fileId = DevUploads.uploadAsDemo(dev, clip, "mp4");
            Video published = DevUploads.awaitPublished(dev, fileId, Duration.ofSeconds(90));
            assertThat(published.mediaUrl()).startsWith("http://127.0.0.1:" + first + "/");
            assertThat(published.playbacks()).isNotEmpty();
            assertThat(published.coverUrl()).startsWith("http://127.0.0.1:" + first + "/");
        }
        int second = freePort();
        while (second == first) {
            second = freePort();
        }
        try (DevStack dev = DevStack.start(DevUploads.config(dir, "platform.http.port=" + second), dir.resolve("state"), Clock.systemUTC())) {
            DevUploads.remember(dev);
            String now = "http://127.0.0.1:" + second + "/";
            assertThat(dev.platform().node().mediaBaseUrl()).isEqualTo("http://127.0.0.1:" + second);
            assertThat(dev.platform().node().catalog().find(fileId).orElseThrow().mediaUrl()).as("stored as made")
                    .startsWith("http://127.0.0.1:" + first + "/");

            JsonNode info = new Tc3TestClient(dev.platform().url(), Clock.systemUTC()).call("DescribeMediaInfos", "2018-07-17",
                    dev.key().secretId(), dev.key().secretKey(), Clock.systemUTC().instant().getEpochSecond(),
                    "{\"FileIds\":[\"" + fileId + "\"]}").response().path("MediaInfoSet").path(0);
            String mediaUrl = info.path("BasicInfo").path("MediaUrl").asText();
            assertThat(mediaUrl).startsWith(now);
            assertThat(get(mediaUrl)).as(mediaUrl).isEqualTo(clip);
            assertThat(info.path("BasicInfo").path("CoverUrl").asText()).startsWith(now);
            assertThat(get(info.path("BasicInfo").path("CoverUrl").asText())).isNotEmpty();
            JsonNode transcodes = info.path("TranscodeInfo").path("TranscodeSet");
            assertThat(transcodes).isNotEmpty();
            for (JsonNode transcode : transcodes) {
                assertThat(transcode.path("Url").asText()).startsWith(now);
                assertThat(get(transcode.path("Url").asText())).isNotEmpty();
            }

            String demo = DevUploads.login(dev, DevStack.DEMO_USER, DevStack.DEMO_PASSWORD);
            JsonNode video = DevUploads.get(dev, "api/v1/videos/" + fileId, demo).body().path("data").path("video");
            assertThat(video.path("state").asText()).isEqualTo("published");
            assertThat(video.path("mediaUrl").asText()).isEqualTo(mediaUrl);
            assertThat(get(video.path("mediaUrl").asText())).isEqualTo(clip);
            List<String> urls = new ArrayList<>(List.of(video.path("coverUrl").asText()));
            video.path("playbacks").forEach(p -> urls.add(p.path("url").asText()));
            assertThat(urls).hasSizeGreaterThan(1).allSatisfy(url -> assertThat(url).startsWith(now));
            for (String url : urls) {
                assertThat(get(url)).as(url).isNotEmpty();
            }
            assertThat(dev.app().services().videos().find(fileId).orElseThrow().mediaUrl()).as("the app keeps what the event said")
                    .startsWith("http://127.0.0.1:" + first + "/");
        }
    }

    private static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
