package io.openvod.server.testing;

import io.openvod.platform.review.NsfwjsSidecar;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's nsfwjs review sidecar for the server's tests, which run from
 * {@code openvod-server/}, where the platform's default relative path does not resolve.
 */
public final class ReviewSidecar {
    private ReviewSidecar() {
    }

    /** {@code openvod-platform/src/main/node/review}, found upwards from the working directory. */
    public static Path directory() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("openvod-platform/src/main/node/review");
            if (Files.isRegularFile(candidate.resolve("server.mjs"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no openvod-platform/src/main/node/review above " + Path.of("").toAbsolutePath());
    }

    /** Points the platform's review step at {@link #directory()} unless a directory is configured. */
    public static void use() {
        String configured = System.getProperty(NsfwjsSidecar.DIRECTORY_PROPERTY);
        if (configured == null || configured.isBlank()) {
            System.setProperty(NsfwjsSidecar.DIRECTORY_PROPERTY, directory().toString());
        }
    }
}
