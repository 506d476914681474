package io.openvod.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK against a real platform on loopback: multipart, cover, signature refresh, cancel and resume. */
class UploaderTest {
    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void aMultipartUploadStoresTheFileByteForByte() throws Exception {
        Path file = TestClips.bytes(dir.resolve("big.mp4"), 12 * MIB + 12345, 7);
        AtomicInteger calls = new AtomicInteger();
        List<UploadProgress> seen = new CopyOnWriteArrayList<>();
        DirectorySessionStore sessions = new DirectorySessionStore(dir.resolve("sessions"));
        try (PlatformFixture platform = PlatformFixture.start(dir.resolve("platform"))) {
            UploadResult result = Uploader.builder().platform(platform.url()).signatures(PlatformUploads.counting(calls))
                    .partSize(5 * MIB).concurrency(3).sessions(sessions).progress(seen::add).build().upload(file, null);

            assertThat(result.fileId()).matches("[0-9]{19}");
            assertThat(result.partsUploaded()).isEqualTo(3);
            assertThat(result.partsResumed()).isZero();
            assertThat(result.bytesUploaded()).isEqualTo(Files.size(file));
            assertThat(result.coverUrl()).isNull();
            assertThat(PlatformUploads.sha256(result.mediaUrl())).isEqualTo(PlatformUploads.sha256(file));
            assertThat(seen).anySatisfy(p -> assertThat(p.partsDone()).isEqualTo(3));
            assertThat(seen).allSatisfy(p -> assertThat(p.partsTotal()).isEqualTo(3));
            assertThat(seen).anySatisfy(p -> assertThat(p.bytesDone()).isEqualTo(Files.size(file)));
            assertThat(calls.get()).as("one signature serves Apply and Commit when it is not one-time").isEqualTo(1);
            try (var records = Files.list(sessions.dir())) {
                assertThat(records).as("the session record is removed after Commit").isEmpty();
            }
        }
    }

    @Test
    void aCoverIsUploadedWithTheVideo() throws Exception {
        Path file = TestClips.bytes(dir.resolve("v.mp4"), 2 * MIB + 1, 1);
        Path cover = TestClips.bytes(dir.resolve("c.jpg"), 40_000, 2);
        try (PlatformFixture platform = PlatformFixture.start(dir.resolve("platform"))) {
            UploadResult result = uploader(platform, new AtomicInteger()).upload(file, cover);

            assertThat(result.coverUrl()).isNotNull().endsWith(".jpg");
            assertThat(PlatformUploads.sha256(result.coverUrl())).isEqualTo(PlatformUploads.sha256(cover));
            assertThat(PlatformUploads.sha256(result.mediaUrl())).isEqualTo(PlatformUploads.sha256(file));
        }
    }

    @Test
    void aSignatureThePlatformCallsExpiredIsReplacedByAFreshOne() throws Exception {
        // The platform's clock runs two hours ahead: the first signature, valid for an hour by the
        // client's clock, has expired by the platform's, which answers 10010.
        TestClock ahead = new TestClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()).plus(Duration.ofHours(2)));
        Path file = TestClips.bytes(dir.resolve("v.mp4"), 3 * MIB, 3);
        AtomicInteger calls = new AtomicInteger();
        SignatureSupplier supplier = () -> calls.incrementAndGet() == 1
                ? PlatformUploads.signature(Instant.now().getEpochSecond())
                : PlatformUploads.signature(ahead.instant().getEpochSecond());
        try (PlatformFixture platform = PlatformFixture.start(dir.resolve("platform"), PlatformFixture.defaultUpload(), ahead)) {
            UploadResult result = Uploader.builder().platform(platform.url()).signatures(supplier).partSize(MIB)
                    .sessions(new DirectorySessionStore(dir.resolve("sessions"))).build().upload(file, null);

            assertThat(PlatformUploads.sha256(result.mediaUrl())).isEqualTo(PlatformUploads.sha256(file));
            assertThat(calls.get()).as("the expired one, then one for Apply and Commit").isEqualTo(2);
        }
    }

    @Test
    void cosCredentialsThatExpireMidUploadAreRenewed() throws Exception {
        // After the first part the platform's clock jumps past the temporary credentials' validity
        // (an hour): COS refuses the next part as expired, the SDK applies again with its session
        // for fresh credentials and goes on.
        TestClock platformClock = TestClock.atNow();
        Path file = TestClips.bytes(dir.resolve("v.mp4"), 3 * MIB, 5);
        AtomicInteger calls = new AtomicInteger();
        SignatureSupplier supplier = () -> {
            calls.incrementAndGet();
            return PlatformUploads.signature(platformClock.instant().getEpochSecond());
        };
        AtomicInteger jumps = new AtomicInteger();
        ProgressListener jumpAfterFirstPart = p -> {
            if (p.partsDone() == 1 && jumps.getAndIncrement() == 0) {
                platformClock.advance(Duration.ofHours(2));
            }
        };
        try (PlatformFixture platform = PlatformFixture.start(dir.resolve("platform"), PlatformFixture.defaultUpload(), platformClock)) {
            UploadResult result = Uploader.builder().platform(platform.url()).signatures(supplier).partSize(MIB).concurrency(1)
                    .signatureMaxAge(Duration.ZERO).progress(jumpAfterFirstPart)
                    .sessions(new DirectorySessionStore(dir.resolve("sessions"))).build().upload(file, null);

            assertThat(result.partsUploaded()).isEqualTo(3);
            assertThat(PlatformUploads.sha256(result.mediaUrl())).isEqualTo(PlatformUploads.sha256(file));
            assertThat(calls.get()).as("Apply, the renewing Apply, Commit").isEqualTo(3);
        }
    }

    @Test
    void aCancelledUploadCommitsNothingAndALaterRunResumesIt() throws Exception {
        Path file = TestClips.bytes(dir.resolve("v.mp4"), 6 * MIB + 7, 4);
        DirectorySessionStore sessions = new DirectorySessionStore(dir.resolve("sessions"));
        CountDownLatch firstPartStored = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        ProgressListener pauseAfterFirstPart = p -> {
            if (p.partsDone() == 1 && firstPartStored.getCount() == 1) {
                firstPartStored.countDown();
                try {
                    cancelled.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (PlatformFixture platform = PlatformFixture.start(dir.resolve("platform"))) {
            Uploader first = Uploader.builder().platform(platform.url()).signatures(PlatformUploads.counting(new AtomicInteger()))
                    .partSize(MIB).concurrency(1).sessions(sessions).progress(pauseAfterFirstPart).build();
            UploadHandle handle = first.start(file, null);
            assertThat(firstPartStored.await(30, TimeUnit.SECONDS)).isTrue();
            handle.cancel();
            cancelled.countDown();

            assertThatThrownBy(() -> handle.future().get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(UploadException.class, e -> assertThat(e.error()).isEqualTo(UploadError.CANCELLED));
            try (var records = Files.list(sessions.dir())) {
                assertThat(records).as("the session record is kept").hasSize(1);
            }

            UploadResult resumed = Uploader.builder().platform(platform.url()).signatures(PlatformUploads.counting(new AtomicInteger()))
                    .partSize(2 * MIB).sessions(sessions).build().upload(file, null);
            assertThat(resumed.partsResumed()).as("the part stored before the cancel; none was committed").isGreaterThanOrEqualTo(1);
            assertThat(resumed.partsResumed() + resumed.partsUploaded()).as("the 1 MiB parts of the first run").isEqualTo(7);
            assertThat(PlatformUploads.sha256(resumed.mediaUrl())).isEqualTo(PlatformUploads.sha256(file));
        }
    }

    @Test
    void aResumedUploadsProgressStartsAtThePartsAlreadyStored() throws Exception {
        Path file = TestClips.bytes(dir.resolve("v.mp4"), 6 * MIB + 7, 5);
        DirectorySessionStore sessions = new DirectorySessionStore(dir.resolve("sessions"));
        CountDownLatch threePartsStored = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        ProgressListener pauseAfterThreeParts = p -> {
            if (p.partsDone() == 3 && threePartsStored.getCount() == 1) {
                threePartsStored.countDown();
                try {
                    cancelled.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (PlatformFixture platform = PlatformFixture.start(dir.resolve("platform"))) {
            UploadHandle handle = Uploader.builder().platform(platform.url()).signatures(PlatformUploads.counting(new AtomicInteger()))
                    .partSize(MIB).concurrency(1).sessions(sessions).progress(pauseAfterThreeParts).build().start(file, null);
            assertThat(threePartsStored.await(30, TimeUnit.SECONDS)).isTrue();
            handle.cancel();
            cancelled.countDown();
            assertThatThrownBy(() -> handle.future().get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

            List<UploadProgress> seen = new CopyOnWriteArrayList<>();
            UploadResult resumed = Uploader.builder().platform(platform.url()).signatures(PlatformUploads.counting(new AtomicInteger()))
                    .concurrency(1).sessions(sessions).progress(seen::add).build().upload(file, null);

            assertThat(resumed.partsResumed()).isEqualTo(3);
            assertThat(seen.getFirst()).as("the first line counts the stored parts and their bytes")
                    .extracting(UploadProgress::partsDone, UploadProgress::bytesDone, UploadProgress::partsTotal)
                    .containsExactly(3, 3 * MIB, 7);
            assertThat(seen.getLast().partsDone()).isEqualTo(7);
        }
    }

    @Test
    void aRefusedSignatureIsNotRetryableAndAnUnreachableOneSaysWhatFailed() throws Exception {
        Path file = TestClips.bytes(dir.resolve("v.mp4"), 10, 6);
        SignatureSupplier refusing = () -> {
            throw new AppRefusedException("USER_BANNED", "/api/v1/upload-signature refused (USER_BANNED): banned");
        };
        SignatureSupplier unreachable = () -> {
            throw new java.net.ConnectException();
        };
        try (PlatformFixture platform = PlatformFixture.start(dir.resolve("platform"))) {
            assertThatThrownBy(() -> Uploader.builder().platform(platform.url()).signatures(refusing)
                    .sessions(new DirectorySessionStore(dir.resolve("sessions"))).build().upload(file, null))
                    .isInstanceOfSatisfying(UploadException.class, e -> {
                        assertThat(e.error()).isEqualTo(UploadError.SIGNATURE_REFUSED);
                        assertThat(e.error().retryable()).isFalse();
                        assertThat(e.getMessage()).contains("USER_BANNED");
                    });
            assertThatThrownBy(() -> Uploader.builder().platform(platform.url()).signatures(unreachable)
                    .sessions(new DirectorySessionStore(dir.resolve("sessions"))).build().upload(file, null))
                    .isInstanceOfSatisfying(UploadException.class, e -> {
                        assertThat(e.error()).isEqualTo(UploadError.SIGNATURE_UNAVAILABLE);
                        assertThat(e.error().retryable()).isTrue();
                        assertThat(e.getMessage()).endsWith("the signature supplier failed: connection refused");
                    });
        }
    }

    private Uploader uploader(PlatformFixture platform, AtomicInteger calls) {
        return Uploader.builder().platform(platform.url()).signatures(PlatformUploads.counting(calls)).partSize(MIB)
                .sessions(new DirectorySessionStore(dir.resolve("sessions"))).build();
    }
}
