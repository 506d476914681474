package io.openvod.platform.storage.local;

import io.openvod.platform.storage.BodyMd5;
import io.openvod.core.files.OwnerOnly;
import io.openvod.platform.storage.ObjectInfo;
import io.openvod.platform.storage.RangeAssembly;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import io.openvod.platform.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * {@link RangeAssembly} on the local disk: a draft is an object file written at offsets (writes
 * to different ranges may run at once), flushed after each range, and published by truncating it
 * to its size, flushing it and renaming it onto the target.
 */
final class LocalRangeAssembly implements RangeAssembly {
    private final ObjectPaths paths;
    private final AtomicFileWriter writer;
    private final LocalDiskObjectStore store;

    LocalRangeAssembly(ObjectPaths paths, AtomicFileWriter writer, LocalDiskObjectStore store) {
        this.paths = paths;
        this.writer = writer;
        this.store = store;
    }

    @Override
    public StoredObject writeRange(String draftKey, long offset, InputStream data, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
        BodyMd5 md5 = BodyMd5.of(data);
        try (FileChannel out = openDraft(draftKey)) {
            out.position(offset);
            AtomicFileWriter.copyExactly(data, length, out, md5);
            out.force(false);
            return new StoredObject(draftKey, length, md5.hex());
        } catch (IOException e) {
            throw new StorageException(StorageError.STORAGE_FAILED, "cannot write draft " + draftKey, e);
        }
    }

    @Override
    public void copyRange(String draftKey, long offset, String sourceKey, long sourceOffset, long length) {
        Path source = paths.require(sourceKey);
        try (FileChannel out = openDraft(draftKey);
             FileChannel in = FileChannel.open(source, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            if (sourceOffset < 0 || length < 0 || sourceOffset + length > in.size()) {
                throw new StorageException(StorageError.INVALID_RANGE, "range " + sourceOffset + "+" + length
                        + " is outside object " + sourceKey);
            }
            for (long done = 0; done < length; ) {
                long n = in.transferTo(sourceOffset + done, length - done, out.position(offset + done));
                if (n <= 0) {
                    throw new IOException("source " + sourceKey + " shrank while being copied");
                }
                done += n;
            }
        } catch (NoSuchFileException e) {
            throw new StorageException(StorageError.OBJECT_NOT_FOUND, "no object under key " + sourceKey, e);
        } catch (IOException e) {
            throw new StorageException(StorageError.STORAGE_FAILED, "cannot copy into draft " + draftKey, e);
        }
    }

    @Override
    public ObjectInfo publish(String draftKey, String target, long size) {
        Path draft = paths.require(draftKey);
        Path targetPath = paths.pathOf(target);
        try (FileChannel out = FileChannel.open(draft, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            if (out.size() < size) {
                throw new StorageException(StorageError.INVALID_RANGE, "draft " + draftKey + " holds " + out.size()
                        + " bytes, fewer than " + size);
            }
            out.truncate(size);
            out.force(true);
        } catch (NoSuchFileException e) {
            throw new StorageException(StorageError.OBJECT_NOT_FOUND, "no draft under key " + draftKey, e);
        } catch (IOException e) {
            throw new StorageException(StorageError.STORAGE_FAILED, "cannot publish draft " + draftKey, e);
        }
        try {
            writer.moveIntoPlace(target, draft, targetPath);
        } catch (IOException e) {
            throw new StorageException(StorageError.STORAGE_FAILED, "cannot publish draft " + draftKey + " as " + target, e);
        }
        paths.pruneEmptyParents(draft);
        return store.stat(target).orElseThrow(() -> new StorageException(StorageError.STORAGE_FAILED,
                "object " + target + " vanished right after it was published"));
    }

    private FileChannel openDraft(String draftKey) throws IOException {
        Path draft = paths.pathOf(draftKey);
        paths.prepareParent(draftKey, draft);
        return FileChannel.open(draft, Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, LinkOption.NOFOLLOW_LINKS),
                OwnerOnly.fileAttributes(draft));
    }
}
