package io.openvod.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test bytes and checks shared by the object store tests. */
public final class StorageTestData {
    private StorageTestData() {
    }

    /** {@code size} pseudo-random bytes, the same for the same seed. */
    public static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Reads the stream to its end and closes it. */
    public static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] data) {
        return hex(digest("SHA-256").digest(data));
    }

    /** The SHA-256 of the stream's bytes (read in pieces, then closed). */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest sha = digest("SHA-256");
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return hex(sha.digest());
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Asserts that {@code call} throws a {@link StorageException} with {@code error}. */
    public static void expectError(ThrowingCallable call, StorageError error) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.error()).as(e.toString()).isEqualTo(error));
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
