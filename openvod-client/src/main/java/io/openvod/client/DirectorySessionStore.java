package io.openvod.client;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Session records as small properties files {@code <dir>/<key>.properties}, written atomically
 * (a temporary file renamed into place). The default directory is {@code ~/.openvod/uploads}.
 * A record that cannot be read is treated as absent. The files hold the vodSessionKey, which lets
 * whoever reads them continue that one upload, so a directory it creates is readable by its owner
 * only (on POSIX file systems) and each record is written as an owner-only temporary file.
 */
public final class DirectorySessionStore implements SessionStore {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    private final Path dir;

    public DirectorySessionStore(Path dir) {
        this.dir = dir;
    }

    /** {@code ~/.openvod/uploads}. */
    public static DirectorySessionStore inHome() {
        return new DirectorySessionStore(Path.of(System.getProperty("user.home"), ".openvod", "uploads"));
    }

    public Path dir() {
        return dir;
    }

    @Override
    public Optional<SessionRecord> load(String key) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file(key), StandardCharsets.UTF_8)) {
            p.load(in);
            String uploadId = p.getProperty("uploadId");
            return Optional.of(new SessionRecord(p.getProperty("vodSessionKey"), uploadId == null || uploadId.isEmpty() ? null : uploadId,
                    Long.parseLong(p.getProperty("partSize", "0")), Boolean.parseBoolean(p.getProperty("videoComplete"))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void save(String key, SessionRecord record) {
        Properties p = new Properties();
        p.setProperty("vodSessionKey", record.vodSessionKey());
        p.setProperty("uploadId", record.uploadId() == null ? "" : record.uploadId());
        p.setProperty("partSize", Long.toString(record.partSize()));
        p.setProperty("videoComplete", Boolean.toString(record.videoComplete()));
        Path target = file(key);
        try {
            createPrivately(dir);
            Path temp = Files.createTempFile(dir, key, ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "OpenVOD upload session");
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the upload session record " + target, e);
        }
    }

    @Override
    public void remove(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the upload session record " + file(key), e);
        }
    }

    /** Creates the directory (and its parents) readable by its owner only where the file system has POSIX permissions. */
    private static void createPrivately(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(directory);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // Made by another run in the meantime.
        }
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not an upload key: " + key);
        }
        return dir.resolve(key + ".properties");
    }
}
