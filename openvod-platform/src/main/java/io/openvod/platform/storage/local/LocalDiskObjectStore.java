package io.openvod.platform.storage.local;

import io.openvod.core.files.OwnerOnly;
import io.openvod.platform.storage.ObjectInfo;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.RangeAssembly;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import io.openvod.platform.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Objects as files on a local disk: {@code root/objects/<key>}. Every write goes to a uniquely
 * named file in {@code root/tmp} (same file system), is flushed to the disk, and is then renamed
 * into place atomically, so readers see the old object or the whole new one (see
 * {@link AtomicFileWriter}). Files left in {@code tmp} by a crash are deleted when the store
 * opens, so one store instance owns a root.
 *
 * <p>A file system cannot hold both a file {@code a} and a folder {@code a/}: writing one key
 * where the other exists fails with {@link StorageError#KEY_CONFLICT}. Symbolic links below
 * {@code objects} are never followed (see {@link ObjectPaths}). Deleting an object also removes
 * the folders it leaves empty.
 */
public final class LocalDiskObjectStore implements ObjectStore {
    private final Path root;
    private final ObjectPaths paths;
    private final AtomicFileWriter writer;

    private LocalDiskObjectStore(Path root, ObjectPaths paths, AtomicFileWriter writer) {
        this.root = root;
        this.paths = paths;
        this.writer = writer;
    }

    /** Opens (creating if needed) the store under {@code root} and clears leftover temporary files. */
    public static LocalDiskObjectStore open(Path root) {
        Objects.requireNonNull(root, "root == null");
        try {
            Path realRoot = OwnerOnly.createDirectories(root.toAbsolutePath().normalize()).toRealPath();
            ObjectPaths paths = new ObjectPaths(realDir(realRoot.resolve("objects")));
            AtomicFileWriter writer = new AtomicFileWriter(realDir(realRoot.resolve("tmp")), paths);
            writer.clearLeftovers();
            return new LocalDiskObjectStore(realRoot, paths, writer);
        } catch (IOException e) {
            throw new StorageException(StorageError.STORAGE_FAILED, "cannot open the object store at " + root, e);
        }
    }

    private static Path realDir(Path dir) throws IOException {
        OwnerOnly.createDirectories(dir);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " must be a folder, not a symbolic link");
        }
        return dir;
    }

    /**
     * {@inheritDoc}
     *
     * <p>An {@link IOException} thrown by {@code data} itself (a client that went away) is
     * {@link StorageError#BODY_INCOMPLETE}, like a stream that ends early; a failure of the disk
     * is {@link StorageError#STORAGE_FAILED}. Either way the temporary file is removed.
     */
    @Override
    public StoredObject put(String key, InputStream data, long length) {
        Path target = paths.pathOf(key);
        Objects.requireNonNull(data, "data == null");
        if (length < 0) {
            throw new IllegalArgumentException("length < 0");
        }
        return new StoredObject(key, length, writer.write(key, target, data, length));
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return paths.existing(key).flatMap(path -> {
            try {
                BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return Optional.of(new ObjectInfo(key, attrs.size(), attrs.lastModifiedTime().toInstant()));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new StorageException(StorageError.STORAGE_FAILED, "cannot stat object " + key, e);
            }
        });
    }

    /** {@inheritDoc} The stream keeps the file open: a later replace does not change what it reads. */
    @Override
    public InputStream read(String key, long offset, long length) {
        Path path = paths.require(key);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            long size = channel.size();
            if (offset < 0 || length < 0 || offset > size || length > size - offset) {
                throw new StorageException(StorageError.INVALID_RANGE, "range " + offset + "+" + length
                        + " is outside object " + key + " of " + size + " bytes");
            }
            return new FileRangeInputStream(channel, offset, length);
        } catch (NoSuchFileException e) {
            closeQuietly(channel);
            throw new StorageException(StorageError.OBJECT_NOT_FOUND, "no object under key " + key, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException(StorageError.STORAGE_FAILED, "cannot read object " + key, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** {@inheritDoc} The bytes are copied by the kernel ({@link FileChannel#transferTo}). */
    @Override
    public ObjectInfo compose(String target, List<String> sources) {
        Path targetPath = paths.pathOf(target);
        sources.forEach(paths::pathOf); // every key is valid before any is looked up
        List<Path> sourcePaths = new ArrayList<>(sources.size());
        for (String source : sources) {
            sourcePaths.add(paths.require(source));
        }
        writer.concatenate(target, targetPath, sources, sourcePaths);
        return stat(target).orElseThrow(() -> new StorageException(StorageError.STORAGE_FAILED,
                "object " + target + " vanished right after it was written"));
    }

    @Override
    public boolean delete(String key) {
        Optional<Path> path = paths.existing(key);
        if (path.isEmpty()) {
            return false;
        }
        try {
            boolean deleted = Files.deleteIfExists(path.get());
            paths.pruneEmptyParents(path.get());
            return deleted;
        } catch (IOException e) {
            throw new StorageException(StorageError.STORAGE_FAILED, "cannot delete object " + key, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        try {
            return ObjectLister.list(paths.dir(), prefix);
        } catch (IOException | UncheckedIOException e) {
            throw new StorageException(StorageError.STORAGE_FAILED, "cannot list objects", e);
        }
    }

    /** {@inheritDoc} The file is the object itself: read it, never write it. */
    @Override
    public Optional<Path> localFile(String key) {
        return paths.existing(key);
    }

    @Override
    public Optional<RangeAssembly> rangeAssembly() {
        return Optional.of(new LocalRangeAssembly(paths, writer, this));
    }

    /** {@inheritDoc} Creates and removes a probe file in the store's temporary directory; a removed directory is not recreated. */
    @Override
    public void checkAvailable() {
        Path tmp = root.resolve("tmp");
        try {
            Path probe = Files.createTempFile(tmp, ".health-", ".probe");
            Files.delete(probe);
        } catch (IOException e) {
            throw new StorageException(StorageError.STORAGE_FAILED, "cannot write to " + tmp + ": " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String describe() {
        return "local disk " + root;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
