package io.openvod.platform.storage.s3;

import static io.openvod.platform.storage.StorageTestData.bytes;
import static io.openvod.platform.storage.StorageTestData.expectError;
import static io.openvod.platform.storage.StorageTestData.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.Secret;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.ObjectStoreContract;
import io.openvod.platform.storage.StorageError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The contract against a real S3-compatible server (S3Mock), plus what is S3-specific. */
class S3ObjectStoreTest extends ObjectStoreContract {
    private static final String BUCKET = "openvod-test";
    private static final AtomicInteger STORES = new AtomicInteger();
    private static S3MockProcess s3mock;

    @BeforeAll
    static void startS3Mock() {
        s3mock = S3MockProcess.start();
        s3mock.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3Mock() {
        if (s3mock != null) {
            s3mock.close();
        }
    }

    private String prefix;

    /** Each test gets its own folder of the bucket, so it starts empty. */
    @Override
    protected ObjectStore newStore() {
        prefix = "test-" + STORES.incrementAndGet();
        return S3ObjectStore.open(s3mock.settings(BUCKET, prefix));
    }

    private S3ObjectStore s3() {
        return (S3ObjectStore) store;
    }

    @Test
    void objectsShouldLiveBelowTheKeyPrefix() {
        put("a/b", bytes(10, 1));

        List<String> keys = s3().client().listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents()
                .stream().map(S3Object::key).toList();
        assertThat(keys).containsExactly(prefix + "/a/b");
        assertThat(store.localFile("a/b")).isEmpty();
    }

    @Test
    void composeShouldLeaveNoMultipartUploadBehind() {
        put("big/1", bytes(5 * MIB, 2));
        put("big/2", bytes(100, 3));
        put("small/1", bytes(100, 4));

        store.compose("copied", List.of("big/1", "big/2"));
        store.compose("streamed", List.of("small/1", "big/2", "small/1"));
        expectError(() -> store.compose("never", List.of("small/1", "gone")), StorageError.OBJECT_NOT_FOUND);

        assertThat(s3().client().listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
        assertThat(readAll(store.read("streamed", 100, 100))).isEqualTo(bytes(100, 3));
    }

    @Test
    void describeShouldNameTheBucketAndEndpointButNoSecret() {
        assertThat(store.describe()).startsWith("s3://" + BUCKET + "/" + prefix).endsWith(" @ " + s3mock.endpoint());
        assertThat(store.describe()).doesNotContain(S3MockProcess.SECRET_ACCESS_KEY.reveal());
        assertThat(s3mock.settings(BUCKET, "").toString()).doesNotContain(S3MockProcess.SECRET_ACCESS_KEY.reveal());
    }

    @Test
    void aMissingBucketShouldBeAStorageFailureNotAMissingObject() {
        try (ObjectStore other = S3ObjectStore.open(s3mock.settings("no-such-bucket", ""))) {
            expectError(() -> other.read("a", 0, 1), StorageError.STORAGE_FAILED);
            expectError(() -> other.put("a", new ByteArrayInputStream(new byte[1]), 1), StorageError.STORAGE_FAILED);
        }
    }

    @Test
    void settingsShouldNormalizeThePrefixAndRefuseBadValues() {
        Secret secret = S3MockProcess.SECRET_ACCESS_KEY;
        URI endpoint = URI.create("http://127.0.0.1:9000");
        assertThat(new S3StoreSettings(endpoint, "r", "b", "k", secret, true, "/media/vod/").s3Key("x"))
                .isEqualTo("media/vod/x");
        assertThat(new S3StoreSettings(null, "r", "b", "k", secret, false, null).s3Key("x")).isEqualTo("x");
        assertThatThrownBy(() -> new S3StoreSettings(endpoint, "r", "b", "k", secret, true, "../up"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new S3StoreSettings(URI.create("http://u:p@host"), "r", "b", "k", secret, true, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedRequestShouldCloseItsConnection() {
        AtomicInteger aborted = new AtomicInteger();
        SdkHttpClient failing = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws IOException {
                        throw new IOException("the body ended early");
                    }

                    @Override
                    public void abort() {
                        aborted.incrementAndGet();
                    }
                };
            }

            @Override
            public void close() {
            }
        };
        ExecutableHttpRequest request = new ClosingOnFailureHttpClient(failing).prepareRequest(null);

        assertThatThrownBy(request::call).isInstanceOf(IOException.class).hasMessage("the body ended early");
        assertThat(aborted).hasValue(1);
    }

    @Test
    void theComposePlanShouldCopyOnlyWhenEveryPartButTheLastIsLargeEnough() {
        var big = new S3Composer.Source("a", S3Composer.MIN_PART, "e1");
        var small = new S3Composer.Source("b", 10, "e2");
        var huge = new S3Composer.Source("c", S3Composer.MAX_PART + 1, "e3");

        assertThat(S3Composer.copyPlan(List.of(big, small))).hasSize(2);
        assertThat(S3Composer.copyPlan(List.of(small, big))).isNull();
        List<List<S3Composer.Range>> slices = S3Composer.copyPlan(List.of(huge));
        assertThat(slices).hasSize(2);
        assertThat(slices).allSatisfy(part -> assertThat(part.getFirst().length())
                .isBetween(S3Composer.MIN_PART, S3Composer.MAX_PART));
        assertThat(slices.stream().mapToLong(part -> part.getFirst().length()).sum()).isEqualTo(huge.size());
    }

    @Test
    void theStreamPlanShouldCutEightMebibytePartsAcrossSources() {
        var a = new S3Composer.Source("a", 5 * MIB, "e1");
        var b = new S3Composer.Source("b", 7 * MIB, "e2");
        var c = new S3Composer.Source("c", 10, "e3");

        List<List<S3Composer.Range>> plan = S3Composer.streamPlan(List.of(a, b, c));

        assertThat(plan).hasSize(2);
        assertThat(plan.getFirst()).containsExactly(new S3Composer.Range(a, 0, 5 * MIB), new S3Composer.Range(b, 0, 3 * MIB));
        assertThat(plan.get(1)).containsExactly(new S3Composer.Range(b, 3 * MIB, 4 * MIB), new S3Composer.Range(c, 0, 10));
    }
}
