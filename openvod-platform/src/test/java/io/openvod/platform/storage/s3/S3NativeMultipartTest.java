package io.openvod.platform.storage.s3;

import static io.openvod.platform.storage.StorageTestData.bytes;
import static io.openvod.platform.storage.StorageTestData.concat;
import static io.openvod.platform.storage.StorageTestData.expectError;
import static io.openvod.platform.storage.StorageTestData.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.storage.NativeMultipart;
import io.openvod.platform.storage.NativeMultipart.PartEtag;
import io.openvod.platform.storage.NativeMultipart.StoredPart;
import io.openvod.platform.storage.ObjectInfo;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.local.LocalDiskObjectStore;
import io.openvod.platform.testing.Uploads;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** S3's own multipart upload behind {@link NativeMultipart}, against a real S3-compatible server (S3Mock). */
class S3NativeMultipartTest {
    private static final String BUCKET = "native-multipart";
    private static final int MIB = 1024 * 1024;
    private static final AtomicInteger STORES = new AtomicInteger();
    private static S3MockProcess s3mock;

    private S3ObjectStore store;
    private NativeMultipart multipart;
    private String prefix;

    @BeforeAll
    static void startS3Mock() {
        s3mock = S3MockProcess.shared();
        s3mock.createBucket(BUCKET);
    }

    @BeforeEach
    void openStore() {
        prefix = "test-" + STORES.incrementAndGet();
        store = S3ObjectStore.open(s3mock.settings(BUCKET, prefix));
        multipart = store.nativeMultipart().orElseThrow();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void onlyTheS3StoreShouldHaveANativeMultipartUpload(@TempDir Path dir) {
        try (LocalDiskObjectStore local = LocalDiskObjectStore.open(dir)) {
            assertThat(local.nativeMultipart()).isEmpty();
            assertThat(local.rangeAssembly()).isPresent();
        }
        assertThat(store.rangeAssembly()).isEmpty();
    }

    @Test
    void partsShouldBecomeTheObjectOnlyWhenCompleted() {
        byte[] first = bytes(5 * MIB, 1);
        byte[] last = bytes(1000, 2);
        String id = multipart.begin("media/a.mp4");

        StoredPart one = multipart.uploadPart("media/a.mp4", id, 1, new ByteArrayInputStream(first), first.length);
        StoredPart two = multipart.uploadPart("media/a.mp4", id, 2, new ByteArrayInputStream(last), last.length);

        assertThat(one.md5Hex()).isEqualTo(Uploads.md5Hex(first));
        assertThat(two.size()).isEqualTo(1000);
        assertThat(store.stat("media/a.mp4")).as("nothing is visible before Complete").isEmpty();
        assertThat(store.list("")).isEmpty();
        ObjectInfo info = multipart.complete("media/a.mp4", id, List.of(one.tag(), two.tag()));
        assertThat(info.size()).isEqualTo(first.length + last.length);
        assertThat(readAll(store.read("media/a.mp4", 0, info.size()))).isEqualTo(concat(first, last));
        assertThat(openUploads()).isEmpty();
    }

    @Test
    void aPartUploadedAgainShouldReplaceTheEarlierOne() {
        byte[] wrong = bytes(MIB, 3);
        byte[] right = bytes(MIB, 4);
        String id = multipart.begin("retried");
        multipart.uploadPart("retried", id, 1, new ByteArrayInputStream(wrong), wrong.length);

        StoredPart again = multipart.uploadPart("retried", id, 1, new ByteArrayInputStream(right), right.length);
        multipart.complete("retried", id, List.of(again.tag()));

        assertThat(readAll(store.read("retried", 0, right.length))).isEqualTo(right);
    }

    @Test
    void aBodyThatEndsEarlyShouldKeepThePartStoredBefore() {
        byte[] good = bytes(1000, 5);
        String id = multipart.begin("cut");
        StoredPart stored = multipart.uploadPart("cut", id, 1, new ByteArrayInputStream(good), good.length);

        InputStream shortBody = new ByteArrayInputStream(bytes(500, 6));
        expectError(() -> multipart.uploadPart("cut", id, 1, shortBody, 1000), StorageError.BODY_INCOMPLETE);

        multipart.complete("cut", id, List.of(stored.tag()));
        assertThat(readAll(store.read("cut", 0, good.length))).isEqualTo(good);
    }

    @Test
    void completeShouldRefuseASmallPartThatIsNotTheLast() {
        String id = multipart.begin("small");
        StoredPart one = multipart.uploadPart("small", id, 1, new ByteArrayInputStream(bytes(MIB, 7)), MIB);
        StoredPart two = multipart.uploadPart("small", id, 2, new ByteArrayInputStream(bytes(10, 8)), 10);

        expectError(() -> multipart.complete("small", id, List.of(one.tag(), two.tag())), StorageError.PARTS_REJECTED);
        expectError(() -> multipart.complete("small", id, List.of(new PartEtag(1, "\"" + "0".repeat(32) + "\""))),
                StorageError.PARTS_REJECTED);
        assertThat(store.stat("small")).isEmpty();
        multipart.abort("small", id);
    }

    @Test
    void aCompleteRepeatedAfterItsSuccessShouldAnswerTheObjectAgain() {
        byte[] data = bytes(2000, 9);
        String id = multipart.begin("twice");
        StoredPart part = multipart.uploadPart("twice", id, 1, new ByteArrayInputStream(data), data.length);
        ObjectInfo first = multipart.complete("twice", id, List.of(part.tag()));

        assertThat(multipart.complete("twice", id, List.of(part.tag())).size()).isEqualTo(first.size());
    }

    @Test
    void aCompleteWhoseUploadIsGoneShouldAnswerTheObjectOnlyIfThosePartsMadeIt() {
        byte[] data = bytes(3000, 14);
        String id = multipart.begin("gone");
        StoredPart part = multipart.uploadPart("gone", id, 1, new ByteArrayInputStream(data), data.length);
        multipart.complete("gone", id, List.of(part.tag()));

        // As S3 answers a Complete retried after the upload ended: NoSuchUpload.
        String gone = java.util.UUID.randomUUID().toString();
        assertThat(multipart.complete("gone", gone, List.of(part.tag())).size()).isEqualTo(data.length);
        expectError(() -> multipart.complete("gone", gone, List.of(new PartEtag(1, "\"" + "1".repeat(32) + "\""))),
                StorageError.MULTIPART_UPLOAD_NOT_FOUND);
        expectError(() -> multipart.complete("never", gone, List.of(part.tag())), StorageError.MULTIPART_UPLOAD_NOT_FOUND);
    }

    @Test
    void anAbortedUploadShouldTakeNoMorePartsAndMayBeAbortedAgain() {
        String id = multipart.begin("aborted");
        StoredPart part = multipart.uploadPart("aborted", id, 1, new ByteArrayInputStream(bytes(100, 10)), 100);
        assertThat(openUploads()).extracting(MultipartUpload::uploadId).containsExactly(id);

        multipart.abort("aborted", id);
        multipart.abort("aborted", id);

        assertThat(openUploads()).isEmpty();
        expectError(() -> multipart.uploadPart("aborted", id, 2, new ByteArrayInputStream(bytes(100, 11)), 100),
                StorageError.MULTIPART_UPLOAD_NOT_FOUND);
        expectError(() -> multipart.complete("aborted", id, List.of(part.tag())), StorageError.MULTIPART_UPLOAD_NOT_FOUND);
        assertThat(store.stat("aborted")).isEmpty();
    }

    @Test
    void copyPartShouldTakeAWholeObjectInAsTheLastPart() {
        byte[] first = bytes(5 * MIB, 12);
        byte[] tail = bytes(300, 13);
        store.put("tail", new ByteArrayInputStream(tail), tail.length);
        String id = multipart.begin("copied");
        StoredPart one = multipart.uploadPart("copied", id, 1, new ByteArrayInputStream(first), first.length);

        PartEtag two = multipart.copyPart("copied", id, 2, "tail");
        multipart.complete("copied", id, List.of(one.tag(), two));

        assertThat(readAll(store.read("copied", 0, first.length + tail.length))).isEqualTo(concat(first, tail));
        expectError(() -> multipart.copyPart("copied", multipart.begin("copied"), 1, "no-such-object"), StorageError.OBJECT_NOT_FOUND);
    }

    @Test
    void theMultipartEtagShouldBeTheMd5OfThePartMd5s() {
        String a = Uploads.md5Hex(new byte[] {1});
        String b = Uploads.md5Hex(new byte[] {2});
        String expected = Uploads.md5Hex(concat(HexFormat.of().parseHex(a), HexFormat.of().parseHex(b))) + "-2";
        List<PartEtag> parts = List.of(new PartEtag(1, "\"" + a + "\""), new PartEtag(2, b));

        assertThat(S3NativeMultipart.sameEtag("\"" + expected + "\"", parts)).isTrue();
        assertThat(S3NativeMultipart.sameEtag(expected.replace("-2", "-3"), parts)).isFalse();
        assertThat(S3NativeMultipart.sameEtag(expected, List.of(new PartEtag(1, "not-an-md5")))).isFalse();
    }

    private List<MultipartUpload> openUploads() {
        return store.client().listMultipartUploads(b -> b.bucket(BUCKET).prefix(prefix + "/")).uploads();
    }
}
