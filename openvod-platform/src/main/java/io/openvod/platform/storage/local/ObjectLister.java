package io.openvod.platform.storage.local;

import io.openvod.platform.storage.ObjectKeys;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Lists the object files below the objects folder whose keys start with a prefix. */
final class ObjectLister {
    private ObjectLister() {
    }

    /**
     * The keys under {@code objectsDir} starting with {@code prefix}, sorted. The prefix may be
     * empty or any start of a key ({@code "uploads/ab"}, {@code "uploads/"}); a prefix with a
     * character no key may contain is INVALID_OBJECT_KEY. Only the folder the prefix names is
     * walked; links are not followed and files that are not objects are skipped.
     */
    static List<String> list(Path objectsDir, String prefix) throws IOException {
        if (prefix == null || prefix.length() > ObjectKeys.MAX_LENGTH
                || !prefix.chars().allMatch(ObjectLister::allowed)) {
            throw new StorageException(StorageError.INVALID_OBJECT_KEY, "invalid key prefix");
        }
        int slash = prefix.lastIndexOf('/');
        Path start = objectsDir;
        if (slash > 0) {
            String folder = prefix.substring(0, slash);
            if (!ObjectKeys.isValid(folder)) {
                return List.of(); // e.g. "a//" or "../": no key can start like that
            }
            start = objectsDir.resolve(folder);
        }
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    String key = objectsDir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    if (key.startsWith(prefix) && ObjectKeys.isValid(key)) {
                        keys.add(key);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted while we walked
                }
                throw e;
            }
        });
        Collections.sort(keys);
        return keys;
    }

    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-' || c == '/';
    }
}
