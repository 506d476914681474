package io.openvod.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parts of one multipart upload, {@code concurrency} at a time. First the parts an earlier run
 * stored are checked: each is kept when List Parts reports the local part's size and MD5, and the
 * progress counts the kept ones at once (so it starts where that run stopped). Then every other
 * part is sent, with its {@code Content-MD5}, and the ETag COS answers must be the MD5 of the bytes
 * sent. The first part that fails stops the others.
 */
final class PartTransfer {
    /** How the parts went. */
    record Outcome(List<String> etags, int uploaded, int resumed, long bytesUploaded) {
    }

    private record PartResult(int number, String etag, boolean resumed, long bytes) {
    }

    private final CosApi cos;
    private final CosCredentials credentials;
    private final ProgressCounter progress;

    PartTransfer(CosApi cos, CosCredentials credentials, ProgressCounter progress) {
        this.cos = cos;
        this.credentials = credentials;
        this.progress = progress;
    }

    Outcome upload(ExecutorService pool, FileChannel file, long size, long partSize, String key, String uploadId,
                   Map<Integer, CosApi.ListedPart> listed) throws UploadException {
        int count = partCount(size, partSize);
        String[] etags = new String[count];
        List<Integer> stored = listed.keySet().stream().filter(n -> n >= 1 && n <= count).sorted().toList();
        List<PartResult> kept = inParallel(pool, stored, n -> kept(file, size, partSize, n, listed.get(n)));
        long keptBytes = 0;
        for (PartResult result : kept) {
            etags[result.number() - 1] = result.etag();
            keptBytes += length(size, partSize, result.number());
        }
        progress.partsResumed(kept.size(), keptBytes);
        List<Integer> missing = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            if (etags[n - 1] == null) {
                missing.add(n);
            }
        }
        long bytes = 0;
        for (PartResult result : inParallel(pool, missing, n -> part(file, size, partSize, key, uploadId, n))) {
            etags[result.number() - 1] = result.etag();
            bytes += result.bytes();
        }
        return new Outcome(List.of(etags), missing.size(), kept.size(), bytes);
    }

    /** A task per part number, {@code concurrency} at a time; the first that fails stops the others. */
    private interface PartTask {
        PartResult run(int number) throws UploadException;
    }

    /** The results of the tasks that gave one (a stored part that does not match gives none). */
    private static List<PartResult> inParallel(ExecutorService pool, List<Integer> numbers, PartTask task) throws UploadException {
        ExecutorCompletionService<PartResult> done = new ExecutorCompletionService<>(pool);
        List<Future<PartResult>> futures = new ArrayList<>(numbers.size());
        for (int number : numbers) {
            futures.add(done.submit(() -> task.run(number)));
        }
        List<PartResult> results = new ArrayList<>();
        try {
            for (int i = 0; i < numbers.size(); i++) {
                PartResult result = done.take().get();
                if (result != null) {
                    results.add(result);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new UploadException(UploadError.CANCELLED, "the upload was cancelled", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof UploadException ue) {
                throw ue;
            }
            throw new UploadException(UploadError.UNAVAILABLE, "a part failed: " + e.getCause(), e.getCause());
        }
        return results;
    }

    static int partCount(long size, long partSize) {
        return (int) ((size + partSize - 1) / partSize);
    }

    private static int length(long size, long partSize, int number) {
        return (int) Math.min(partSize, size - (number - 1) * partSize);
    }

    /** The stored part {@code number}, when its size and ETag are the local part's; else null (it is sent again). */
    private static PartResult kept(FileChannel file, long size, long partSize, int number, CosApi.ListedPart listed)
            throws UploadException {
        int length = length(size, partSize, number);
        if (listed.size() != length) {
            return null;
        }
        byte[] bytes = read(file, (number - 1) * partSize, length);
        String etag = Digests.quotedHex(Digests.md5(bytes, length));
        return listed.etag().equalsIgnoreCase(etag) ? new PartResult(number, etag, true, 0) : null;
    }

    private PartResult part(FileChannel file, long size, long partSize, String key, String uploadId, int number)
            throws UploadException {
        long offset = (number - 1) * partSize;
        int length = length(size, partSize, number);
        byte[] bytes = read(file, offset, length);
        byte[] md5 = Digests.md5(bytes, length);
        String etag = Digests.quotedHex(md5);
        String md5Base64 = Base64.getEncoder().encodeToString(md5);
        String answered = credentials.call(s -> {
            AtomicLong counted = new AtomicLong();
            try {
                return cos.uploadPart(s, key, uploadId, number, CountingBody.of(bytes, length, progress, counted), length, md5Base64);
            } catch (UploadException e) {
                progress.bytes(-counted.get());
                throw e;
            }
        });
        if (!answered.equalsIgnoreCase(etag)) {
            throw new UploadException(UploadError.INTEGRITY, "part " + number + " was stored with ETag " + answered
                    + ", not the MD5 of the bytes sent");
        }
        progress.partDone();
        return new PartResult(number, etag, false, length);
    }

    private static byte[] read(FileChannel file, long offset, int length) throws UploadException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        try {
            while (buffer.hasRemaining()) {
                if (file.read(buffer, offset + buffer.position()) < 0) {
                    throw new UploadException(UploadError.INTEGRITY, "the file became shorter during the upload");
                }
            }
        } catch (ClosedByInterruptException e) {
            throw new UploadException(UploadError.CANCELLED, "the upload was cancelled", e);
        } catch (IOException e) {
            throw new UploadException(UploadError.INVALID_ARGUMENT, "cannot read the file: " + e.getMessage(), e);
        }
        return buffer.array();
    }
}
