package io.openvod.platform.health;

import io.openvod.core.health.Health;
import io.openvod.core.health.HealthCheck;
import io.openvod.platform.review.ContentReviewer;
import java.util.Objects;

/**
 * The content-review engine's {@link ContentReviewer#status()}: idle before its first review (a probe
 * never starts the sidecar), up while it runs, down when its last start failed.
 */
public final class ReviewCheck implements HealthCheck {
    private final ContentReviewer reviewer;

    public ReviewCheck(ContentReviewer reviewer) {
        this.reviewer = Objects.requireNonNull(reviewer, "reviewer == null");
    }

    @Override
    public String name() {
        return "review";
    }

    @Override
    public Health check() {
        return switch (reviewer.status()) {
            case IDLE -> Health.idle();
            case UP -> Health.up();
            case DOWN -> Health.down("the review engine failed its last start; the next review tries again (see the log)");
        };
    }
}
