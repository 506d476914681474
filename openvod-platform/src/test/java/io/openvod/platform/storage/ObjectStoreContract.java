package io.openvod.platform.storage;

import static io.openvod.platform.storage.StorageTestData.bytes;
import static io.openvod.platform.storage.StorageTestData.concat;
import static io.openvod.platform.storage.StorageTestData.expectError;
import static io.openvod.platform.storage.StorageTestData.hex;
import static io.openvod.platform.storage.StorageTestData.readAll;
import static io.openvod.platform.storage.StorageTestData.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} adapter must do. An adapter's test extends this class and
 * returns a fresh, empty store from {@link #newStore()} for each test.
 */
public abstract class ObjectStoreContract {
    protected static final int MIB = 1 << 20;

    protected ObjectStore store;

    /** A new store with no objects; closed after the test. */
    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    protected StoredObject put(String key, byte[] data) {
        return store.put(key, new ByteArrayInputStream(data), data.length);
    }

    @Test
    void putShouldStoreTheBytesAndReturnTheirMd5() throws Exception {
        byte[] data = bytes(300_000, 1);

        StoredObject stored = put("media/clip.mp4", data);

        assertThat(stored.key()).isEqualTo("media/clip.mp4");
        assertThat(stored.size()).isEqualTo(data.length);
        assertThat(stored.md5Hex()).isEqualTo(hex(MessageDigest.getInstance("MD5").digest(data)));
        assertThat(readAll(store.read("media/clip.mp4", 0, data.length))).isEqualTo(data);
        assertThat(store.stat("media/clip.mp4")).hasValueSatisfying(info -> {
            assertThat(info.key()).isEqualTo("media/clip.mp4");
            assertThat(info.size()).isEqualTo(data.length);
        });
    }

    @Test
    void putShouldReplaceAnExistingObject() {
        put("a/b", bytes(5000, 1));
        byte[] second = bytes(1234, 2);

        put("a/b", second);

        assertThat(store.stat("a/b")).hasValueSatisfying(info -> assertThat(info.size()).isEqualTo(1234));
        assertThat(readAll(store.read("a/b", 0, 1234))).isEqualTo(second);
    }

    @Test
    void putOfAShortStreamShouldFailAndStoreNothing() {
        byte[] data = bytes(300_000, 3);

        expectError(() -> store.put("short", new ByteArrayInputStream(data), data.length + 1000L),
                StorageError.BODY_INCOMPLETE);

        assertThat(store.stat("short")).isEmpty();
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void putOfAShortStreamShouldKeepThePreviousObject() {
        byte[] previous = bytes(2000, 4);
        put("keep", previous);

        expectError(() -> store.put("keep", new ByteArrayInputStream(bytes(100_000, 5)), 200_000),
                StorageError.BODY_INCOMPLETE);

        assertThat(readAll(store.read("keep", 0, previous.length))).isEqualTo(previous);
    }

    @Test
    void putOfAStreamThatFailsShouldStoreNothing() {
        InputStream failing = new InputStream() {
            private int left = 200_000;

            @Override
            public int read() throws IOException {
                if (left == 0) {
                    throw new IOException("connection reset by peer");
                }
                left--;
                return 'x';
            }
        };

        expectError(() -> store.put("failing", failing, 400_000), StorageError.BODY_INCOMPLETE);

        assertThat(store.stat("failing")).isEmpty();
    }

    @Test
    void putShouldReadNoMoreThanTheLength() {
        byte[] data = bytes(10_000, 6);
        ByteArrayInputStream in = new ByteArrayInputStream(data);

        StoredObject stored = store.put("prefix-only", in, 4000);

        assertThat(stored.size()).isEqualTo(4000);
        assertThat(in.available()).isEqualTo(6000);
        assertThat(readAll(store.read("prefix-only", 0, 4000))).isEqualTo(Arrays.copyOf(data, 4000));
    }

    @Test
    void anEmptyObjectShouldBeStoredAndRead() {
        StoredObject stored = put("empty", new byte[0]);

        assertThat(stored.md5Hex()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(store.stat("empty")).hasValueSatisfying(info -> assertThat(info.size()).isZero());
        assertThat(readAll(store.read("empty", 0, 0))).isEmpty();
        assertThat(store.list("")).containsExactly("empty");
    }

    @Test
    void readShouldReturnExactlyTheRange() {
        byte[] data = bytes(1000, 7);
        put("ranged", data);

        assertThat(readAll(store.read("ranged", 0, 10))).isEqualTo(Arrays.copyOfRange(data, 0, 10));
        assertThat(readAll(store.read("ranged", 500, 100))).isEqualTo(Arrays.copyOfRange(data, 500, 600));
        assertThat(readAll(store.read("ranged", 990, 10))).isEqualTo(Arrays.copyOfRange(data, 990, 1000));
        assertThat(readAll(store.read("ranged", 999, 1))).containsExactly(data[999]);
        assertThat(readAll(store.read("ranged", 0, 1000))).isEqualTo(data);
        assertThat(readAll(store.read("ranged", 1000, 0))).isEmpty();
    }

    @Test
    void readOutsideTheObjectShouldBeAnInvalidRange() {
        put("ranged", bytes(1000, 8));

        expectError(() -> store.read("ranged", 990, 11), StorageError.INVALID_RANGE);
        expectError(() -> store.read("ranged", 0, 1001), StorageError.INVALID_RANGE);
        expectError(() -> store.read("ranged", 1000, 1), StorageError.INVALID_RANGE);
        expectError(() -> store.read("ranged", 1001, 0), StorageError.INVALID_RANGE);
        expectError(() -> store.read("ranged", -1, 5), StorageError.INVALID_RANGE);
        expectError(() -> store.read("ranged", 0, -1), StorageError.INVALID_RANGE);
    }

    @Test
    void readOfAMissingObjectShouldBeNotFound() {
        expectError(() -> store.read("missing", 0, 1), StorageError.OBJECT_NOT_FOUND);
        expectError(() -> store.read("missing", 0, 0), StorageError.OBJECT_NOT_FOUND);
    }

    @Test
    void composeOfLargePartsShouldEqualTheConcatenation() throws Exception {
        byte[] a = bytes(5 * MIB + 1, 10);
        byte[] b = bytes(5 * MIB + 1, 11);
        byte[] c = bytes(123, 12);
        put("up/1", a);
        put("up/2", b);
        put("up/3", c);

        ObjectInfo info = store.compose("media/whole", List.of("up/1", "up/2", "up/3"));

        assertThat(info.key()).isEqualTo("media/whole");
        assertThat(info.size()).isEqualTo(a.length + b.length + c.length);
        assertThat(sha256(store.read("media/whole", 0, info.size()))).isEqualTo(sha256(concat(a, b, c)));
        assertThat(store.list("up/")).containsExactly("up/1", "up/2", "up/3");
    }

    @Test
    void composeOfSmallPartsShouldEqualTheConcatenation() throws Exception {
        byte[] a = bytes(1000, 13);
        byte[] b = new byte[0];
        byte[] c = bytes(2000, 14);
        byte[] d = bytes(17, 15);
        put("p/a", a);
        put("p/b", b);
        put("p/c", c);
        put("p/d", d);

        ObjectInfo info = store.compose("p/all", List.of("p/a", "p/b", "p/c", "p/d", "p/a"));

        byte[] expected = concat(a, b, c, d, a);
        assertThat(info.size()).isEqualTo(expected.length);
        assertThat(sha256(store.read("p/all", 0, expected.length))).isEqualTo(sha256(expected));
    }

    @Test
    void composeOfOneOrNoSourcesShouldCopyOrWriteAnEmptyObject() {
        byte[] a = bytes(4000, 16);
        put("one", a);

        assertThat(store.compose("copy", List.of("one")).size()).isEqualTo(4000);
        assertThat(store.compose("none", List.of()).size()).isZero();

        assertThat(readAll(store.read("copy", 0, 4000))).isEqualTo(a);
        assertThat(store.stat("none")).hasValueSatisfying(info -> assertThat(info.size()).isZero());
    }

    @Test
    void composeMayWriteOntoOneOfItsSources() {
        byte[] a = bytes(3000, 17);
        byte[] b = bytes(5000, 18);
        put("grow", a);
        put("tail", b);

        store.compose("grow", List.of("grow", "tail"));

        assertThat(readAll(store.read("grow", 0, 8000))).isEqualTo(concat(a, b));
    }

    @Test
    void composeWithAMissingSourceShouldBeNotFoundAndWriteNothing() {
        put("here", bytes(100, 19));

        expectError(() -> store.compose("target", List.of("here", "not-here")), StorageError.OBJECT_NOT_FOUND);

        assertThat(store.stat("target")).isEmpty();
        assertThat(store.list("")).containsExactly("here");
    }

    @Test
    void listShouldReturnTheKeysWithThePrefixSorted() {
        for (String key : List.of("uploads/1/part-2", "uploads/10/x", "media/y", "uploads/1/part-1", "uploads1")) {
            put(key, bytes(10, key.hashCode()));
        }

        assertThat(store.list("")).containsExactly("media/y", "uploads/1/part-1", "uploads/1/part-2", "uploads/10/x", "uploads1");
        assertThat(store.list("uploads/1/")).containsExactly("uploads/1/part-1", "uploads/1/part-2");
        assertThat(store.list("uploads/1")).containsExactly("uploads/1/part-1", "uploads/1/part-2", "uploads/10/x");
        assertThat(store.list("uploads")).hasSize(4);
        assertThat(store.list("uploads/1/part-1")).containsExactly("uploads/1/part-1");
        assertThat(store.list("nothing/")).isEmpty();
        assertThat(store.list("../")).isEmpty();
    }

    @Test
    void deleteShouldRemoveTheObjectOnce() {
        put("d/1", bytes(10, 20));
        put("d/2", bytes(10, 21));

        assertThat(store.delete("d/1")).isTrue();
        assertThat(store.delete("d/1")).isFalse();
        assertThat(store.delete("never")).isFalse();

        assertThat(store.stat("d/1")).isEmpty();
        assertThat(store.list("d/")).containsExactly("d/2");
        expectError(() -> store.read("d/1", 0, 0), StorageError.OBJECT_NOT_FOUND);
    }

    @Test
    void everyMethodShouldRejectAnInvalidKey() {
        put("valid", bytes(10, 22));
        List<String> invalid = List.of("../x", "/a", "a/", "a//b", "a/./b", "a/../b", "", "k".repeat(1025),
                "a\\b", "vidéo.mp4", "a b", "a\u0000b");
        for (String key : invalid) {
            expectError(() -> store.put(key, new ByteArrayInputStream(new byte[1]), 1), StorageError.INVALID_OBJECT_KEY);
            expectError(() -> store.stat(key), StorageError.INVALID_OBJECT_KEY);
            expectError(() -> store.read(key, 0, 0), StorageError.INVALID_OBJECT_KEY);
            expectError(() -> store.compose(key, List.of("valid")), StorageError.INVALID_OBJECT_KEY);
            expectError(() -> store.compose("valid2", List.of("valid", key)), StorageError.INVALID_OBJECT_KEY);
            expectError(() -> store.delete(key), StorageError.INVALID_OBJECT_KEY);
            expectError(() -> store.localFile(key), StorageError.INVALID_OBJECT_KEY);
        }
        expectError(() -> store.list("a\\b"), StorageError.INVALID_OBJECT_KEY);
        assertThat(store.list("")).containsExactly("valid");
    }

    @Test
    void concurrentPutsOfOneKeyShouldLeaveOneWholeVersion() throws Exception {
        byte[] first = bytes(MIB, 23);
        byte[] second = bytes(MIB, 24);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 5; round++) {
                CountDownLatch go = new CountDownLatch(1);
                Future<?> one = pool.submit(() -> {
                    go.await();
                    return put("race", first);
                });
                Future<?> two = pool.submit(() -> {
                    go.await();
                    return put("race", second);
                });
                go.countDown();
                one.get();
                two.get();

                byte[] stored = readAll(store.read("race", 0, MIB));
                assertThat(stored).satisfiesAnyOf(s -> assertThat(s).isEqualTo(first), s -> assertThat(s).isEqualTo(second));
            }
        }
        assertThat(store.list("")).containsExactly("race");
    }

    @Test
    void describeShouldSaySomething() {
        assertThat(store.describe()).isNotBlank();
    }
}
