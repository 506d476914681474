package io.openvod.platform.events.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.core.trace.TraceParent;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A push continues the trace stored with its event: its {@code traceparent} header, over real HTTP to a receiver on loopback. */
class PushTraceparentHttpTest {
    @TempDir
    Path dir;

    @Test
    void aPushShouldCarryTheUploadsTraceWithASpanOfItsOwn() throws Exception {
        try (TestReceiver receiver = TestReceiver.start(n -> n == 1 ? TestReceiver.Answer.status(503) : TestReceiver.Answer.ok());
             PlatformFixture platform = PlatformFixture.start(dir, PushDeliveryHttpTest.events(false))) {
            platform.node().eventConfigs().put(new EventConfig(PlatformFixture.APP_ID, "PUSH", receiver.url(), "ON", "ON", "OFF"));
            String request = UUID.randomUUID().toString();
            String fileId = Uploads.uploadSmall(platform, new byte[] {1, 2, 3}, b -> b.sourceContext("uid=dave&req=" + request))
                    .get("fileId").asText();

            var posts = receiver.await(2, Duration.ofSeconds(10));
            StoredEvent stored = platform.node().catalog().events(fileId).getFirst();
            TraceParent written = stored.event().traceparent().orElseThrow();
            TraceParent first = TraceParent.parse(posts.get(0).header("traceparent")).orElseThrow();
            TraceParent retried = TraceParent.parse(posts.get(1).header("traceparent")).orElseThrow();

            assertThat(written.traceId()).as("stored in the upload's trace").isEqualTo(request.replace("-", ""));
            assertThat(first.traceId()).isEqualTo(written.traceId());
            assertThat(retried.traceId()).isEqualTo(written.traceId());
            assertThat(first.spanId()).as("the push step's own span").isNotEqualTo(written.spanId());
            assertThat(retried.spanId()).as("each attempt a step of its own").isNotEqualTo(first.spanId()).isNotEqualTo(written.spanId());
        }
    }
}
