package io.openvod.platform.storage.local;

import io.openvod.platform.storage.BodyMd5;
import io.openvod.platform.storage.BufferedBody;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes object files atomically: the bytes go to a uniquely named file in the temporary folder
 * (on the same file system), are flushed to the disk, and the file is then renamed onto the
 * object's path. The temporary file is removed whatever happens.
 */
final class AtomicFileWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFileWriter.class);
    private static final int BUFFER_SIZE = 128 * 1024;
    private static final int MOVE_ATTEMPTS = 3;

    private final Path tmpDir;
    private final ObjectPaths paths;

    AtomicFileWriter(Path tmpDir, ObjectPaths paths) {
        this.tmpDir = tmpDir;
        this.paths = paths;
    }

    /** Deletes what a crash left in the temporary folder. */
    void clearLeftovers() throws IOException {
        try (var leftovers = Files.list(tmpDir)) {
            for (Path file : leftovers.toList()) {
                if (Files.deleteIfExists(file)) {
                    LOG.info("Deleted the leftover temporary file {}", file.getFileName());
                }
            }
        }
    }

    /**
     * Stores exactly {@code length} bytes of {@code data} at {@code target} and returns their
     * hex MD5. A stream that ends early or throws is BODY_INCOMPLETE; a disk failure is
     * STORAGE_FAILED.
     */
    String write(String key, Path target, InputStream data, long length) {
        BodyMd5 md5 = BodyMd5.of(data);
        Path tmp = newTmpFile();
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                copyExactly(data, length, out, md5);
                out.force(true);
            }
            String md5Hex = md5.hex();
            moveIntoPlace(key, tmp, target);
            return md5Hex;
        } catch (IOException e) {
            throw new StorageException(StorageError.STORAGE_FAILED, "cannot write object " + key, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Stores the concatenation of the {@code sources} files at {@code target}, copied by the kernel. */
    void concatenate(String key, Path target, List<String> sourceKeys, List<Path> sources) {
        Path tmp = newTmpFile();
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                for (int i = 0; i < sources.size(); i++) {
                    append(sourceKeys.get(i), sources.get(i), out);
                }
                out.force(true);
            }
            moveIntoPlace(key, tmp, target);
        } catch (IOException e) {
            throw new StorageException(StorageError.STORAGE_FAILED, "cannot compose object " + key, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Copies exactly {@code length} bytes of {@code data} to {@code out}, digesting them; a body
     * that hands out buffers ({@link BufferedBody}) is written from its own buffers.
     */
    static void copyExactly(InputStream data, long length, FileChannel out, BodyMd5 md5)
            throws IOException {
        if (data instanceof BufferedBody body) {
            copyBuffers(body, length, out, md5);
            return;
        }
        byte[] buffer = new byte[(int) Math.min(BUFFER_SIZE, Math.max(1, length))];
        long remaining = length;
        while (remaining > 0) {
            int n;
            try {
                n = data.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            } catch (IOException e) {
                throw incomplete(length, length - remaining, e);
            }
            if (n < 0) {
                throw incomplete(length, length - remaining, null);
            }
            md5.update(buffer, 0, n);
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
            remaining -= n;
        }
    }

    private static void copyBuffers(BufferedBody body, long length, FileChannel out, BodyMd5 md5) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            int n;
            try {
                n = body.read(remaining, bytes -> digestAndWrite(bytes, out, md5));
            } catch (WriteFailed e) {
                throw e.getCause();
            } catch (IOException e) {
                throw incomplete(length, length - remaining, e);
            }
            if (n < 0) {
                throw incomplete(length, length - remaining, null);
            }
            remaining -= n;
        }
    }

    private static void digestAndWrite(ByteBuffer bytes, FileChannel out, BodyMd5 md5) {
        md5.update(bytes);
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
    }

    /** A failed write to the file, told apart from a failed read of the body. */
    private static final class WriteFailed extends RuntimeException {
        WriteFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static StorageException incomplete(long length, long got, IOException cause) {
        String message = "the data ended after " + got + " of " + length + " bytes";
        return new StorageException(StorageError.BODY_INCOMPLETE, cause == null ? message
                : message + " (reading it failed: " + cause.getMessage() + ")", cause);
    }

    private static void append(String key, Path source, FileChannel out) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = in.size();
            for (long done = 0; done < size; ) {
                long n = in.transferTo(done, size - done, out);
                if (n <= 0) {
                    throw new IOException("source " + key + " shrank while being copied");
                }
                done += n;
            }
        } catch (NoSuchFileException e) {
            throw new StorageException(StorageError.OBJECT_NOT_FOUND, "no object under key " + key, e);
        }
    }

    private Path newTmpFile() {
        try {
            return Files.createTempFile(tmpDir, "object-", ".tmp");
        } catch (IOException e) {
            throw new StorageException(StorageError.STORAGE_FAILED, "cannot create a temporary file in " + tmpDir, e);
        }
    }

    /** Renames {@code tmp} onto {@code target}; tries again when a delete pruned the folder meanwhile. */
    void moveIntoPlace(String key, Path tmp, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            paths.prepareParent(key, target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                break;
            } catch (NoSuchFileException e) {
                if (attempt == MOVE_ATTEMPTS || !Files.exists(tmp)) {
                    throw e;
                }
            } catch (FileSystemException e) {
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw ObjectPaths.conflict(key);
                }
                throw e;
            }
        }
        syncDir(target.getParent());
    }

    /** Makes the rename itself durable (where the platform can flush a folder). */
    private static void syncDir(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot flush folder {}: {}", dir, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete the temporary file {}: {}", file, e.toString());
        }
    }
}
