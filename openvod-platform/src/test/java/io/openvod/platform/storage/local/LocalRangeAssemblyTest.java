package io.openvod.platform.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.platform.storage.BufferedBody;
import io.openvod.platform.storage.DigestedBody;
import io.openvod.platform.storage.RangeAssembly;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import io.openvod.platform.storage.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts on the local disk: ranges written in any order, copied in, and published atomically. */
class LocalRangeAssemblyTest {
    @TempDir
    Path dir;

    @Test
    void rangesInAnyOrderAndCopiesMakeTheObjectAndTheDraftGoes() throws Exception {
        LocalDiskObjectStore store = LocalDiskObjectStore.open(dir);
        RangeAssembly assembly = store.rangeAssembly().orElseThrow();
        StoredObject third = assembly.writeRange("_d/draft", 8, stream("ijkl"), 4);
        assembly.writeRange("_d/draft", 0, stream("abcd"), 4);
        store.put("_d/part", stream("xxefxx"), 6);
        assembly.copyRange("_d/draft", 4, "_d/part", 2, 2);
        assembly.writeRange("_d/draft", 6, stream("gh"), 2);
        assertThat(third.md5Hex()).isEqualTo(md5("ijkl"));

        assembly.publish("_d/draft", "bucket-1/video.mp4", 10);

        try (InputStream in = store.read("bucket-1/video.mp4", 0, 10)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("abcdefghij");
        }
        assertThat(store.stat("_d/draft")).isEmpty();
        assertThat(store.stat("bucket-1/video.mp4").orElseThrow().size()).as("truncated to the published size").isEqualTo(10);
    }

    /** A body that takes its own MD5 (as one checked against its Content-MD5 does), counting how often it was asked. */
    private static final class SelfDigestingBody extends ByteArrayInputStream implements DigestedBody {
        private final String md5Hex;
        private int asked;

        SelfDigestingBody(String text, String md5Hex) {
            super(text.getBytes(StandardCharsets.US_ASCII));
            this.md5Hex = md5Hex;
        }

        @Override
        public String md5Hex() {
            asked++;
            return md5Hex;
        }
    }

    @Test
    void aBodyThatTakesItsOwnMd5IsNotDigestedAgain() throws Exception {
        LocalDiskObjectStore store = LocalDiskObjectStore.open(dir);
        RangeAssembly assembly = store.rangeAssembly().orElseThrow();
        // The body answers a value no digest of its bytes gives: the store must have taken it from the body.
        String ownMd5 = "0123456789abcdef0123456789abcdef";
        SelfDigestingBody range = new SelfDigestingBody("abcd", ownMd5);
        SelfDigestingBody object = new SelfDigestingBody("efgh", ownMd5);

        assertThat(assembly.writeRange("_d/draft", 0, range, 4).md5Hex()).isEqualTo(ownMd5);
        assertThat(store.put("bucket-1/cover.jpg", object, 4).md5Hex()).isEqualTo(ownMd5);

        assertThat(range.asked).isEqualTo(1);
        assertThat(object.asked).isEqualTo(1);
        try (InputStream in = store.read("bucket-1/cover.jpg", 0, 4)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("efgh");
        }
        assertThat(assembly.writeRange("_d/draft", 4, stream("ijkl"), 4).md5Hex()).as("a plain body is digested")
                .isEqualTo(md5("ijkl"));
    }

    @Test
    void aShortStreamFailsAndPublishingTooLittleOrNothingIsRefused() {
        LocalDiskObjectStore store = LocalDiskObjectStore.open(dir);
        RangeAssembly assembly = store.rangeAssembly().orElseThrow();
        assertThatThrownBy(() -> assembly.writeRange("_d/draft", 0, stream("ab"), 5))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.error()).isEqualTo(StorageError.BODY_INCOMPLETE));
        assertThatThrownBy(() -> assembly.publish("_d/draft", "b-1/x", 100))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.error()).isEqualTo(StorageError.INVALID_RANGE));
        assertThatThrownBy(() -> assembly.publish("_d/none", "b-1/x", 1))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.error()).isEqualTo(StorageError.OBJECT_NOT_FOUND));
        assertThatThrownBy(() -> assembly.copyRange("_d/draft", 0, "_d/missing", 0, 1))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.error()).isEqualTo(StorageError.OBJECT_NOT_FOUND));
        assertThat(store.stat("b-1/x")).isEmpty();
    }

    @Test
    void aBodyThatHandsOutBuffersIsWrittenFromThemWithItsMd5() throws Exception {
        LocalDiskObjectStore store = LocalDiskObjectStore.open(dir);
        RangeAssembly assembly = store.rangeAssembly().orElseThrow();
        Buffers body = new Buffers("abcdefghij", 3);
        StoredObject written = assembly.writeRange("_d/draft", 0, body, 10);
        assertThat(body.buffersRead).as("read as buffers, not as a stream").isEqualTo(4);
        assertThat(written.md5Hex()).isEqualTo(md5("abcdefghij"));
        assembly.publish("_d/draft", "bucket-1/video.mp4", 10);
        try (InputStream in = store.read("bucket-1/video.mp4", 0, 10)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("abcdefghij");
        }
        assertThatThrownBy(() -> assembly.writeRange("_d/other", 0, new Buffers("abc", 2), 5))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.error()).isEqualTo(StorageError.BODY_INCOMPLETE));
    }

    /** A body handing out its bytes in direct buffers of {@code size} bytes, like Jetty's network buffers. */
    private static final class Buffers extends InputStream implements BufferedBody {
        private final ByteBuffer bytes;
        private final int size;
        int buffersRead;

        Buffers(String text, int size) {
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            this.bytes = ByteBuffer.allocateDirect(b.length).put(b).flip();
            this.size = size;
        }

        @Override
        public int read(long max, BufferSink sink) throws java.io.IOException {
            if (!bytes.hasRemaining()) {
                return -1;
            }
            int n = (int) Math.min(Math.min(size, max), bytes.remaining());
            sink.accept(bytes.slice(bytes.position(), n));
            bytes.position(bytes.position() + n);
            buffersRead++;
            return n;
        }

        @Override
        public int read() {
            throw new AssertionError("the store should take the buffers");
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
