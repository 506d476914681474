package io.openvod.bench.upload;

import io.openvod.platform.storage.local.LocalDiskObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the platform's local object store costs without HTTP, step by step, for the upload
 * benchmark's breakdown: the MD5 of the file alone (CPU), then {@link LocalDiskObjectStore#put}
 * of every part ({@code --parallel} at a time, as the server stores them: MD5, write, fsync,
 * rename), {@link LocalDiskObjectStore#compose} of the parts into one object (kernel copy, fsync,
 * rename), and the deletion of the parts, as Complete Multipart Upload does them; then the same
 * copy once more outside the store, to split compose into the kernel copy and its fsync.
 *
 * <pre>StoreCost --dir DIR --file FILE [--part-mib 8] [--parallel 6] [--rounds 3]</pre>
 * The store lives in {@code DIR} (give a folder on the disk under test); it is emptied after each round.
 */
public final class StoreCost {
    private StoreCost() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        Path file = null;
        long partSize = 8L << 20;
        int parallel = 6;
        int rounds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--file" -> file = Path.of(args[i + 1]);
                case "--part-mib" -> partSize = Long.parseLong(args[i + 1]) << 20;
                case "--parallel" -> parallel = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: StoreCost --dir DIR --file FILE [--part-mib N] [--parallel N] [--rounds N]");
            }
        }
        if (dir == null || file == null) {
            throw new IllegalArgumentException("--dir and --file are required");
        }
        long size = Files.size(file);
        int parts = (int) ((size + partSize - 1) / partSize);
        System.out.printf(Locale.ROOT, "%d MiB in %d parts of %d MiB, %d stored at a time; store in %s%n",
                size >> 20, parts, partSize >> 20, parallel, dir.toAbsolutePath());
        for (int r = 1; r <= rounds; r++) {
            long t = System.nanoTime();
            md5(file);
            double md5 = seconds(t);
            try (LocalDiskObjectStore store = LocalDiskObjectStore.open(dir)) {
                List<String> keys = new ArrayList<>();
                t = System.nanoTime();
                try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
                    List<Future<?>> done = new ArrayList<>();
                    for (int n = 0; n < parts; n++) {
                        String key = "_multipart/bench/" + (n + 1);
                        keys.add(key);
                        long offset = n * partSize;
                        long length = Math.min(partSize, size - offset);
                        Path source = file;
                        done.add(pool.submit(() -> store.put(key, new CosClient.FileSlice(source, offset, length), length)));
                    }
                    for (Future<?> f : done) {
                        f.get();
                    }
                }
                double put = seconds(t);
                t = System.nanoTime();
                store.compose("vod/bench/object.mp4", keys);
                double compose = seconds(t);
                t = System.nanoTime();
                keys.forEach(store::delete);
                double delete = seconds(t);
                double[] copy = copyAndFlush(store.localFile("vod/bench/object.mp4").orElseThrow(), dir.resolve("copy.tmp"));
                store.delete("vod/bench/object.mp4");
                System.out.printf(Locale.ROOT, "round %d: MD5 alone %.2f s | put parts %.2f s (%.0f MiB/s) | compose %.2f s "
                        + "(the same copy outside the store: transferTo %.2f s + fsync %.2f s) | delete parts %.2f s | "
                        + "put + compose + delete %.2f s%n", r, md5, put, (size >> 20) / put, compose, copy[0], copy[1],
                        delete, put + compose + delete);
            }
        }
    }

    /** Copies {@code source} to {@code target} as compose does (kernel copy, then fsync); returns both times in seconds. */
    private static double[] copyAndFlush(Path source, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long t = System.nanoTime();
            for (long done = 0, size = in.size(); done < size; ) {
                done += in.transferTo(done, size - done, out);
            }
            double copy = seconds(t);
            t = System.nanoTime();
            out.force(true);
            return new double[] {copy, seconds(t)};
        } finally {
            Files.deleteIfExists(target);
        }
    }

    private static void md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[128 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, n);
            }
            md5.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
