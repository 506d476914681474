package io.openvod.platform.storage.local;

import io.openvod.core.files.OwnerOnly;
import io.openvod.platform.storage.ObjectKeys;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Maps object keys to files under the {@code objects} folder and refuses every path that would
 * leave it. A valid key is already a safe relative path; on top of that, no symbolic link below
 * the folder is ever followed: an object reached through a link does not exist for readers, and a
 * write whose folder would cross a link fails instead of writing elsewhere.
 */
final class ObjectPaths {
    private final Path objectsDir;

    /** {@code objectsDir} must be a real path (absolute, normalized, no links). */
    ObjectPaths(Path objectsDir) {
        this.objectsDir = objectsDir;
    }

    Path dir() {
        return objectsDir;
    }

    /** The file for a valid key (it may not exist); throws INVALID_OBJECT_KEY for others. */
    Path pathOf(String key) {
        ObjectKeys.require(key);
        Path path = objectsDir.resolve(key).normalize();
        if (!path.startsWith(objectsDir) || path.equals(objectsDir)) {
            throw new StorageException(StorageError.INVALID_OBJECT_KEY, "invalid object key");
        }
        return path;
    }

    /** The regular file that holds {@code key}, reached without links, if there is one. */
    Optional<Path> existing(String key) {
        Path path = pathOf(key);
        try {
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile() || !path.toRealPath().equals(path)) {
                return Optional.empty();
            }
            return Optional.of(path);
        } catch (IOException e) {
            // Missing, or a folder on the way is missing or is a file: there is no such object.
            return Optional.empty();
        }
    }

    /** Like {@link #existing} but throws OBJECT_NOT_FOUND. */
    Path require(String key) {
        return existing(key).orElseThrow(() -> new StorageException(
                StorageError.OBJECT_NOT_FOUND, "no object under key " + key));
    }

    /**
     * Makes sure {@code file}'s folder exists inside the objects folder without crossing a link,
     * and that {@code file} itself is not a folder.
     */
    void prepareParent(String key, Path file) throws IOException {
        Path existing = file.getParent();
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        requireNoLink(existing);
        if (!Files.isDirectory(existing, LinkOption.NOFOLLOW_LINKS)) {
            throw conflict(key);
        }
        OwnerOnly.createDirectories(file.getParent());
        requireNoLink(file.getParent());
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw conflict(key);
        }
    }

    /** Removes the empty folders between {@code file} and the objects folder. */
    void pruneEmptyParents(Path file) {
        Path dir = file.getParent();
        while (dir != null && dir.startsWith(objectsDir) && !dir.equals(objectsDir)) {
            try {
                Files.delete(dir); // only succeeds when empty
            } catch (IOException e) {
                return;
            }
            dir = dir.getParent();
        }
    }

    private void requireNoLink(Path dir) throws IOException {
        if (!dir.startsWith(objectsDir) || !dir.toRealPath().equals(dir)) {
            throw new StorageException(StorageError.STORAGE_FAILED,
                    "refusing to write through a symbolic link below " + objectsDir);
        }
    }

    static StorageException conflict(String key) {
        return new StorageException(StorageError.KEY_CONFLICT,
                "key " + key + " collides with an object or a folder of objects on disk");
    }
}
