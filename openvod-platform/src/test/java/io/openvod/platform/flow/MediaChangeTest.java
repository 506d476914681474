package io.openvod.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaChangeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET_URL = "http://media.example/bucket-1250000000/";

    @Test
    void aCoverInTheMediasBucketShouldBecomeItsCoverWithItsKey() {
        ObjectNode output = JSON.createObjectNode().put("CoverUrl", BUCKET_URL + "1/f/coverBySnapshot/c_10_0.jpg");

        MediaChange change = MediaChange.afterSuccess("CoverBySnapshot", output, BUCKET_URL);

        assertThat(change.cover()).contains(new MediaChange.Cover(BUCKET_URL + "1/f/coverBySnapshot/c_10_0.jpg",
                Optional.of("1/f/coverBySnapshot/c_10_0.jpg")));
        assertThat(change.forbid()).isFalse();
    }

    @Test
    void aCoverElsewhereShouldBecomeTheCoverWithoutAKey() {
        ObjectNode output = JSON.createObjectNode().put("CoverUrl", "http://covers.example/3.jpg");

        assertThat(MediaChange.afterSuccess("CoverBySnapshot", output, BUCKET_URL).cover())
                .contains(new MediaChange.Cover("http://covers.example/3.jpg", Optional.empty()));
    }

    @Test
    void onlyACoverBySnapshotWithACoverUrlShouldChangeTheCover() {
        ObjectNode withUrl = JSON.createObjectNode().put("CoverUrl", BUCKET_URL + "x.jpg");

        assertThat(MediaChange.afterSuccess("SnapshotByTimeOffset", withUrl, BUCKET_URL)).isEqualTo(MediaChange.NONE);
        assertThat(MediaChange.afterSuccess("CoverBySnapshot", JSON.createObjectNode(), BUCKET_URL)).isEqualTo(MediaChange.NONE);
        assertThat(MediaChange.afterSuccess("CoverBySnapshot", JSON.createObjectNode().put("CoverUrl", 7), BUCKET_URL))
                .isEqualTo(MediaChange.NONE);
    }

    @Test
    void aReviewThatSaysBlockShouldForbidTheMedia() {
        ObjectNode block = JSON.createObjectNode().put("Suggestion", "block");
        ObjectNode review = JSON.createObjectNode().put("Suggestion", "review");

        assertThat(MediaChange.afterSuccess("Porn", block, BUCKET_URL).forbid()).isTrue();
        assertThat(MediaChange.afterSuccess(ReviewAudioVideoEvents.TYPE, block, BUCKET_URL).forbid()).isTrue();
        assertThat(MediaChange.afterSuccess("Porn", review, BUCKET_URL).forbid()).isFalse();
        assertThat(MediaChange.afterSuccess("Transcode", block, BUCKET_URL).forbid()).as("only reviews forbid").isFalse();
    }
}
