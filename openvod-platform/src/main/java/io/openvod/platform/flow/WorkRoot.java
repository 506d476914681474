package io.openvod.platform.flow;

import io.openvod.core.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where steps get their work directories ({@code openvod-task-*}, one per attempt, removed after
 * it): {@link FlowSettings#workRoot()}.
 */
final class WorkRoot {
    private static final Logger LOG = LoggerFactory.getLogger(WorkRoot.class);
    private static final String PREFIX = "openvod-task-";

    private final Path root;

    WorkRoot(Path root) {
        this.root = root;
    }

    /**
     * Creates the root and removes the work directories that a node killed while its tasks ran
     * left in it. Not in the JVM's shared temporary directory, where another process's tasks may
     * be running.
     */
    void removeLeftovers() {
        Path absolute = root.toAbsolutePath().normalize();
        try {
            OwnerOnly.createDirectories(absolute);
            if (absolute.equals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize())) {
                return;
            }
            try (Stream<Path> leftovers = Files.list(absolute)) {
                leftovers.filter(p -> p.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(p)).forEach(p -> {
                    LOG.info("removing the work directory {} left by an earlier run", p.getFileName());
                    delete(p);
                });
            }
        } catch (IOException e) {
            LOG.warn("cannot clean the work directory {}: {}", absolute, e.toString());
        }
    }

    /** A new, empty, private directory for one attempt. */
    Path newDirectory() throws IOException {
        return Files.createTempDirectory(root, PREFIX);
    }

    /** Deletes {@code dir} and what it holds; logs what cannot be deleted. Nothing for {@code null}. */
    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot remove the work directory {}: {}", dir, e.toString());
        }
    }
}
