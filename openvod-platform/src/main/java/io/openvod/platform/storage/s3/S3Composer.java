package io.openvod.platform.storage.s3;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes the concatenation of existing objects to a target key inside one bucket.
 *
 * <ul>
 *   <li>No bytes at all: an empty PUT.
 *   <li>One non-empty source of at most 5 GiB: a server-side CopyObject.
 *   <li>Otherwise a multipart upload, completed only when every part is in (S3 then swaps the
 *       object in atomically) and aborted on any failure. When every source but the last has at
 *       least 5 MiB (S3's smallest part), each source becomes one or more UploadPartCopy parts and
 *       no byte leaves the server. Else the bytes stream through this process: each 8 MiB part
 *       reads its ranges of the sources with ranged GETs while it uploads, so memory use stays
 *       at the client's small I/O buffers whatever the object size.
 * </ul>
 *
 * Every source read is conditional on the ETag seen before composing, so a source replaced
 * meanwhile fails the compose instead of mixing versions.
 */
final class S3Composer {
    private static final Logger LOG = LoggerFactory.getLogger(S3Composer.class);
    static final long MIN_PART = 5L << 20;
    static final long MAX_PART = 5L << 30;
    static final long STREAM_PART = 8L << 20;
    static final int MAX_PARTS = 10_000;

    /** A source object: its S3 key, size and ETag when it was looked up. */
    record Source(String key, long size, String eTag) {
    }

    /** {@code length} bytes of {@code source} from {@code offset}. */
    record Range(Source source, long offset, long length) {
        String header() {
            return "bytes=" + offset + "-" + (offset + length - 1);
        }
    }

    private final S3Client client;
    private final String bucket;

    S3Composer(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    void compose(String target, List<Source> sources) {
        List<Source> nonEmpty = sources.stream().filter(s -> s.size() > 0).toList();
        if (nonEmpty.isEmpty()) {
            client.putObject(b -> b.bucket(bucket).key(target).contentLength(0L), RequestBody.empty());
        } else if (nonEmpty.size() == 1 && nonEmpty.getFirst().size() <= MAX_PART) {
            Source only = nonEmpty.getFirst();
            if (!only.key().equals(target)) { // copying an object onto itself is refused, and a no-op
                client.copyObject(b -> b.sourceBucket(bucket).sourceKey(only.key()).copySourceIfMatch(only.eTag())
                        .destinationBucket(bucket).destinationKey(target));
            }
        } else {
            multipart(target, nonEmpty);
        }
    }

    private void multipart(String target, List<Source> sources) {
        List<List<Range>> copyPlan = copyPlan(sources);
        boolean copy = copyPlan != null && copyPlan.size() <= MAX_PARTS;
        List<List<Range>> plan = copy ? copyPlan : streamPlan(sources);
        String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(target)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>(plan.size());
            for (int i = 0; i < plan.size(); i++) {
                int number = i + 1;
                String eTag = copy
                        ? copyPart(target, uploadId, number, plan.get(i).getFirst())
                        : uploadPart(target, uploadId, number, plan.get(i));
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
            }
            client.completeMultipartUpload(b -> b.bucket(bucket).key(target).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            abort(target, uploadId, e);
            throw e;
        }
    }

    private String copyPart(String target, String uploadId, int number, Range range) {
        return client.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey(range.source().key())
                        .copySourceIfMatch(range.source().eTag()).copySourceRange(range.header())
                        .destinationBucket(bucket).destinationKey(target).uploadId(uploadId).partNumber(number))
                .copyPartResult().eTag();
    }

    private String uploadPart(String target, String uploadId, int number, List<Range> ranges) {
        long length = ranges.stream().mapToLong(Range::length).sum();
        ContentStreamProvider body = ContentStreamProvider.fromInputStreamSupplier(
                () -> new RangesInputStream(client, bucket, ranges));
        return client.uploadPart(b -> b.bucket(bucket).key(target).uploadId(uploadId).partNumber(number)
                        .contentLength(length),
                RequestBody.fromContentProvider(body, length, "application/octet-stream"))
                .eTag();
    }

    private void abort(String target, String uploadId, RuntimeException cause) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(target).uploadId(uploadId));
        } catch (SdkException e) {
            cause.addSuppressed(e);
            LOG.warn("Cannot abort multipart upload {} of {}; a bucket lifecycle rule should clean it up",
                    uploadId, target);
        }
    }

    /**
     * One part per source (or per balanced slice of a source larger than 5 GiB), or null when a
     * source other than the last is below S3's 5 MiB part minimum.
     */
    static List<List<Range>> copyPlan(List<Source> sources) {
        List<List<Range>> plan = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            if (i < sources.size() - 1 && source.size() < MIN_PART) {
                return null;
            }
            long slices = Math.ceilDiv(source.size(), MAX_PART);
            long slice = Math.ceilDiv(source.size(), slices);
            for (long offset = 0; offset < source.size(); offset += slice) {
                plan.add(List.of(new Range(source, offset, Math.min(slice, source.size() - offset))));
            }
        }
        return plan;
    }

    /** Parts of 8 MiB (more if 10,000 of them would not hold it all), each a run of source ranges. */
    static List<List<Range>> streamPlan(List<Source> sources) {
        long total = sources.stream().mapToLong(Source::size).sum();
        long partSize = Math.max(STREAM_PART, Math.ceilDiv(total, MAX_PARTS));
        if (partSize > MAX_PART) {
            throw new IllegalArgumentException("the composed object is too large for one multipart upload");
        }
        List<List<Range>> plan = new ArrayList<>();
        List<Range> part = new ArrayList<>();
        long room = partSize;
        for (Source source : sources) {
            long offset = 0;
            while (offset < source.size()) {
                long take = Math.min(room, source.size() - offset);
                part.add(new Range(source, offset, take));
                offset += take;
                room -= take;
                if (room == 0) {
                    plan.add(List.copyOf(part));
                    part.clear();
                    room = partSize;
                }
            }
        }
        if (!part.isEmpty()) {
            plan.add(List.copyOf(part));
        }
        return plan;
    }
}
