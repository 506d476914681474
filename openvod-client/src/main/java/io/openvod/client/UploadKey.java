package io.openvod.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The key of an upload's {@link SessionRecord}: the hex SHA-256 of each file's absolute path, size
 * and modification time (the video's, then the cover's). A file that changes gets a new key, so a
 * changed file is never resumed onto old parts.
 */
final class UploadKey {
    private UploadKey() {
    }

    static String of(Path video, Path cover) throws IOException {
        StringBuilder text = new StringBuilder();
        append(text, video);
        if (cover != null) {
            append(text, cover);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder text, Path file) throws IOException {
        text.append(file.toAbsolutePath().normalize()).append('\n').append(Files.size(file)).append('\n')
                .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
    }
}
