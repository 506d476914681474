package io.openvod.platform.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.core.health.Health;
import io.openvod.platform.health.StorageCheck;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The readiness check of an S3 store (HeadBucket) while its bucket goes away and comes back. */
class S3StoreAvailabilityTest {

    @Test
    void theCheckFollowsTheBucket() {
        S3MockProcess s3mock = S3MockProcess.shared();
        String bucket = "health-" + UUID.randomUUID().toString().substring(0, 8);
        s3mock.createBucket(bucket);
        try (S3ObjectStore store = S3ObjectStore.open(s3mock.settings(bucket, "vod/"))) {
            StorageCheck check = new StorageCheck(store);
            assertThat(check.check()).isEqualTo(Health.up());

            store.client().deleteBucket(b -> b.bucket(bucket));
            Health down = check.check();
            assertThat(down.state()).isEqualTo(Health.State.DOWN);
            assertThat(down.error().orElseThrow()).contains("HeadBucket", bucket, "404")
                    .doesNotContain(S3MockProcess.SECRET_ACCESS_KEY.reveal());

            s3mock.createBucket(bucket);
            assertThat(check.check()).isEqualTo(Health.up());
        }
    }
}
