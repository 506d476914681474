package io.openvod.core.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Files and folders that hold OpenVOD's data — databases, objects, keys — readable by their owner
 * only: folders are created {@code rwx------} (0700) and files {@code rw-------} (0600), with the
 * permissions given at creation (no window in which another user could open them). Folders that
 * already exist are left as they are, since they may not be OpenVOD's. On a file system without
 * POSIX permissions nothing is restricted (the file system's own access control applies).
 */
public final class OwnerOnly {
    /** 0700. */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    /** 0600. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Whether {@code path}'s file system has POSIX permissions. */
    public static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The attribute that creates a file owner-only on {@code path}'s file system (none without POSIX). */
    public static FileAttribute<?>[] fileAttributes(Path path) {
        return isPosix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] directoryAttributes(Path path) {
        return isPosix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)} : new FileAttribute<?>[0];
    }

    /**
     * Creates {@code directory} and its missing parents, each owner-only; the existing ones are
     * left alone. Like {@link Files#createDirectories}, it is not an error when it exists.
     *
     * @return {@code directory}
     */
    public static Path createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath().normalize();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                Files.createDirectory(next, directoryAttributes(next));
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(next)) {
                    throw e;
                }
            }
        }
        if (!Files.isDirectory(absolute)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "exists and is not a folder");
        }
        return directory;
    }

    /**
     * Creates the empty file {@code file} owner-only unless it exists; an existing file is made
     * owner-only (it is OpenVOD's own).
     *
     * @return {@code file}
     */
    public static Path createFile(Path file) throws IOException {
        try {
            Files.createFile(file, fileAttributes(file));
        } catch (FileAlreadyExistsException e) {
            restrict(file);
        }
        return file;
    }

    /**
     * Makes an existing file or folder of OpenVOD's owner-only (for one another program created,
     * or an older version left more open). Symbolic links are not followed.
     */
    public static void restrict(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null || Files.isSymbolicLink(path)) {
            return;
        }
        view.setPermissions(Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE);
    }

    /** Writes {@code content} to a new owner-only file that replaces {@code file} atomically. */
    public static void writeString(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        createDirectories(parent);
        Path temp = parent.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, fileAttributes(temp));
        Files.writeString(temp, content);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
