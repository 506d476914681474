package io.openvod.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.health.Health;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.NsfwjsSidecar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewCheckTest {
    @TempDir
    Path dir;

    @Test
    void aSidecarIsIdleUntilItsFirstStartAndDownAfterAFailedStart() throws Exception {
        Path frame = Files.write(dir.resolve("frame.jpg"), new byte[] {1});
        try (NsfwjsSidecar sidecar = new NsfwjsSidecar(dir.resolve("missing-sidecar"), "node")) {
            ReviewCheck check = new ReviewCheck(sidecar);
            assertThat(check.check()).isEqualTo(Health.idle());
            assertThat(sidecar.status()).isEqualTo(ContentReviewer.Status.IDLE);

            assertThatThrownBy(() -> sidecar.classify(List.of(frame))).isInstanceOf(StepFailure.class);

            Health down = check.check();
            assertThat(down.state()).isEqualTo(Health.State.DOWN);
            assertThat(down.ok()).isFalse();
            assertThat(sidecar.status()).isEqualTo(ContentReviewer.Status.DOWN);
        }
    }

    @Test
    void anEngineThatSaysNothingIsIdle() {
        ContentReviewer quiet = jpegs -> List.of();
        assertThat(new ReviewCheck(quiet).check().state()).isEqualTo(Health.State.IDLE);
    }
}
