package io.openvod.app.videos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A video's OpenVOD media URLs are answered on the platform's current media base; other URLs as stored. */
class VideoUrlsTest {
    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");
    private static final String OLD = "http://127.0.0.1:8082/vod1250000000-1250000000/1250000000/5285890813342811041/";
    private static final String TENCENT = "http://1500012345.vod2.myqcloud.com/7d3c31f7vodtranscq1500012345/3ad8f5c85285890813342811041/";

    private static Video video(String media, String cover, String playback) {
        return new Video("5285890813342811041", Optional.of("demo"), "r", "clip", VideoState.PUBLISHED, media, cover, "t",
                List.of(new Playback("mp4", 100010, playback, 320, 240)), "pass", 1, "", Optional.empty(), 3, T, T,
                Video.Awaited.NOTHING, "");
    }

    @Test
    void openVodUrlsMoveToTheCurrentBaseAndNothingElseChanges() {
        VideoUrls urls = new VideoUrls("http://127.0.0.1:40123/");
        Video stored = video(OLD + "a.mp4", OLD + "cover.jpg", OLD + "v.f100010.mp4");
        Video answered = urls.current(stored);
        String now = "http://127.0.0.1:40123/vod1250000000-1250000000/1250000000/5285890813342811041/";
        assertThat(answered.mediaUrl()).isEqualTo(now + "a.mp4");
        assertThat(answered.coverUrl()).isEqualTo(now + "cover.jpg");
        assertThat(answered.playbacks()).containsExactly(new Playback("mp4", 100010, now + "v.f100010.mp4", 320, 240));
        assertThat(answered.state()).isEqualTo(stored.state());
        assertThat(answered.lastSequence()).isEqualTo(3);

        Video tencent = video(TENCENT + "a.mp4", "", TENCENT + "v.f100010.mp4");
        assertThat(urls.current(tencent)).as("Tencent's URLs are not the platform's").isEqualTo(tencent);
        assertThat(urls.current("https://cdn.example.com/media/vod1-2/1/3/x.jpg")).isEqualTo("http://127.0.0.1:40123/vod1-2/1/3/x.jpg");
    }

    @Test
    void withoutABaseEveryUrlIsAnsweredAsStored() {
        Video stored = video(OLD + "a.mp4", OLD + "cover.jpg", OLD + "v.f100010.mp4");
        assertThat(VideoUrls.AS_RECEIVED.current(stored)).isEqualTo(stored);
        assertThat(new VideoUrls("").current(OLD + "a.mp4")).isEqualTo(OLD + "a.mp4");
    }
}
