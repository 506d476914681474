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
 * The parts of one multipart upload, {@code concurrency} at a time. A part that an earlier run
 * stored is kept when List Parts reports the local part's size and MD5; every other part is sent,
 * with its {@code Content-MD5}, and the ETag COS answers must be the MD5 of the bytes sent. The
 * first part that fails stops the others.
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
        ExecutorCompletionService<PartResult> done = new ExecutorCompletionService<>(pool);
        List<Future<PartResult>> futures = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            int number = n;
            futures.add(done.submit(() -> part(file, size, partSize, key, uploadId, number, listed.get(number))));
        }
        String[] etags = new String[count];
        int uploaded = 0;
        int resumed = 0;
        long bytes = 0;
        try {
            for (int i = 0; i < count; i++) {
                PartResult result = done.take().get();
                etags[result.number() - 1] = result.etag();
                if (result.resumed()) {
                    resumed++;
                } else {
                    uploaded++;
                    bytes += result.bytes();
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
        return new Outcome(List.of(etags), uploaded, resumed, bytes);
    }

    static int partCount(long size, long partSize) {
        return (int) ((size + partSize - 1) / partSize);
    }

    private PartResult part(FileChannel file, long size, long partSize, String key, String uploadId, int number,
                            CosApi.ListedPart listed) throws UploadException {
        long offset = (number - 1) * partSize;
        int length = (int) Math.min(partSize, size - offset);
        byte[] bytes = read(file, offset, length);
        byte[] md5 = Digests.md5(bytes, length);
        String etag = Digests.quotedHex(md5);
        if (listed != null && listed.size() == length && listed.etag().equalsIgnoreCase(etag)) {
            progress.partResumed(length);
            return new PartResult(number, etag, true, 0);
        }
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
