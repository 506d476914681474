package io.openvod.platform.cos;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openvod.core.trace.TraceStep;
import io.openvod.core.trace.Tracing;
import io.openvod.platform.config.UploadConfig;
import io.openvod.platform.cos.protocol.CompleteMultipartUploadParser;
import io.openvod.platform.cos.protocol.ContentMd5;
import io.openvod.platform.cos.protocol.CosAddress;
import io.openvod.platform.cos.protocol.CosErrorCode;
import io.openvod.platform.cos.protocol.CosProtocolException;
import io.openvod.platform.cos.protocol.MultipartEtag;
import io.openvod.platform.cos.protocol.PartEntry;
import io.openvod.platform.cos.protocol.PartListing;
import io.openvod.platform.cos.protocol.PartRef;
import io.openvod.platform.cos.protocol.UploadEntry;
import io.openvod.platform.cos.protocol.UploadListing;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import io.openvod.platform.storage.StoredObject;
import io.openvod.platform.trace.TraceSteps;
import io.openvod.platform.trace.UploadTrace;
import io.openvod.platform.ugc.StorageLayout;
import io.openvod.platform.ugc.UploadSession;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The object operations of the COS-compatible API for authorized uploads: PUT Object and the
 * multipart family (spec: upload-protocol §4.4, §4.6). Bodies stream straight to the store; where
 * parts go (the store's own multipart upload, a draft assembled in place, or objects of their own
 * under {@code _multipart/<uploadId>/} — no bucket name starts with {@code _}) is
 * {@link PartStore}'s choice. Every request of an upload may reach another platform node: the
 * state of uploads, and how nodes take turns, is in the database ({@link MultipartUploads}).
 *
 * <p>PUT Object, Upload Part and Complete Multipart Upload run in trace steps named after the
 * operation ({@code PutObject}, {@code UploadPart}, {@code CompleteMultipartUpload}) of the
 * session's trace, with the attribute {@code openvod.file_id}; a refused one is marked failed with
 * its COS error code.
 */
public final class CosService {
    /** The smallest part other than the last, as COS requires. */
    public static final long MIN_PART_SIZE = 1024 * 1024;
    private static final int MAX_PART_NUMBER = 10_000;

    private final MultipartUploads uploads;
    private final ObjectStore store;
    private final UploadConfig limits;
    private final Clock clock;
    private final PartStore parts;
    private final CompletionLeases completions;
    private final MeterRegistry metrics;
    private final Tracing tracing;

    public CosService(MultipartUploads uploads, ObjectStore store, UploadConfig limits, Clock clock, Tracing tracing) {
        this(uploads, store, limits, clock, new SimpleMeterRegistry(), tracing);
    }

    /**
     * A service that counts what it stores in {@code metrics}: {@code openvod_upload_bytes_total{operation}}
     * and {@code openvod_upload_parts_total{operation}}, {@code operation} being {@code PutObject} or
     * {@code UploadPart} (a PUT Object is one part); its operations are steps of {@code tracing}.
     */
    public CosService(MultipartUploads uploads, ObjectStore store, UploadConfig limits, Clock clock, MeterRegistry metrics,
                      Tracing tracing) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.uploads = uploads;
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.parts = new PartStore(uploads, store, clock);
        this.completions = new CompletionLeases(uploads, clock);
    }

    /** PUT Object; returns the quoted ETag. */
    public String putObject(UploadSession session, CosAddress address, InputStream body, long length, Optional<String> contentMd5) {
        return traced("PutObject", session, () -> storeObject(session, address, body, length, contentMd5));
    }

    /**
     * Runs {@code operation} on the session's keys in a step named {@code name} of the session's
     * trace; a refusal marks the step failed with its COS error code.
     */
    private <T> T traced(String name, UploadSession session, Supplier<T> operation) {
        try (TraceStep step = TraceSteps.server(tracing, name, UploadTrace.rootOf(session.traceId()))) {
            step.attribute(TraceSteps.FILE_ID, session.fileId());
            try {
                return operation.get();
            } catch (CosProtocolException e) {
                step.failed(e.code().code());
                throw e;
            } catch (RuntimeException e) {
                step.failed(TraceSteps.describe(e));
                throw e;
            }
        }
    }

    private String storeObject(UploadSession session, CosAddress address, InputStream body, long length, Optional<String> contentMd5) {
        checkBodySize(session, address.key(), length);
        Optional<String> expectedMd5 = contentMd5.map(ContentMd5::toHex);
        String storeKey = StorageLayout.storeKey(address.bucket(), address.key());
        StoredObject stored = PartStore.write(body, length, expectedMd5, in -> store.put(storeKey, in, length));
        stored("PutObject", length);
        return MultipartEtag.partEtag(stored.md5Hex());
    }

    /** Initiate Multipart Upload; returns the upload id. */
    public String initiate(CosAddress address, String contentType) {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        String uploadId = clock.instant().getEpochSecond() + HexFormat.of().formatHex(random);
        uploads.create(new MultipartUpload(uploadId, address.bucket(), address.key(), contentType == null ? "" : contentType,
                clock.instant()));
        return uploadId;
    }

    /** Upload Part; returns the quoted ETag (the part's MD5). */
    public String uploadPart(UploadSession session, CosAddress address, String uploadId, String partNumberText, InputStream body,
                             long length, Optional<String> contentMd5) {
        return traced("UploadPart", session, () -> storePart(session, address, uploadId, partNumberText, body, length, contentMd5));
    }

    private String storePart(UploadSession session, CosAddress address, String uploadId, String partNumberText, InputStream body,
                             long length, Optional<String> contentMd5) {
        int partNumber = partNumber(partNumberText);
        MultipartUpload upload = upload(address, uploadId);
        checkBodySize(session, address.key(), length);
        Optional<String> expectedMd5 = contentMd5.map(ContentMd5::toHex);
        UploadedPart stored = parts.receive(upload, partNumber, body, length, declaredSize(session, address.key()), expectedMd5);
        stored("UploadPart", stored.size());
        return MultipartEtag.partEtag(stored.md5Hex());
    }

    private void stored(String operation, long bytes) {
        Counter.builder("openvod.upload.bytes").description("bytes of uploaded objects and parts stored").baseUnit("bytes")
                .tag("operation", operation).register(metrics).increment(bytes);
        Counter.builder("openvod.upload.parts").description("uploaded objects (PUT Object) and parts (Upload Part) stored")
                .tag("operation", operation).register(metrics).increment();
    }

    /** List Parts, one page. */
    public PartListing listParts(CosAddress address, String uploadId, int marker, int maxParts, String encodingType) {
        MultipartUpload upload = upload(address, uploadId);
        int limit = Math.clamp(maxParts, 1, 1000);
        List<UploadedPart> page = uploads.parts(upload.uploadId(), marker, limit + 1);
        boolean truncated = page.size() > limit;
        List<UploadedPart> shown = truncated ? page.subList(0, limit) : page;
        int next = shown.isEmpty() ? marker : shown.getLast().partNumber();
        List<PartEntry> entries = shown.stream()
                .map(p -> new PartEntry(p.partNumber(), p.md5Hex(), p.size(), p.storedAt())).toList();
        return new PartListing(address.bucket(), encodingType, upload.key(), upload.uploadId(), null, null, marker, next, limit,
                truncated, entries);
    }

    /** List Multipart Uploads of the session's keys under {@code prefix}. */
    public UploadListing listUploads(UploadSession session, CosAddress address, String prefix, int maxUploads, String encodingType) {
        int limit = Math.clamp(maxUploads, 1, 1000);
        List<UploadEntry> entries = uploads.list(address.bucket(), prefix == null ? "" : prefix, limit).stream()
                .filter(u -> session.covers(u.bucket(), u.key()))
                .map(u -> new UploadEntry(u.key(), u.uploadId(), u.initiated())).toList();
        return new UploadListing(address.bucket(), encodingType, null, null, null, null, limit, false, prefix, null, entries,
                List.of(), null);
    }

    /**
     * Complete Multipart Upload: checks the body against its {@code Content-MD5} (when sent) and the
     * listed parts against the stored ones, assembles the object, and returns its ETag. Completes of
     * one upload run one at a time, on whichever nodes they arrive ({@link CompletionLeases}); once
     * it is completed, a Complete listing the same parts answers the same ETag (until the sweeper
     * removes the upload), so retried and concurrent Completes all succeed alike.
     */
    public String complete(UploadSession session, CosAddress address, String uploadId, InputStream body, int bodyLimit,
                           Optional<String> contentMd5) {
        return traced("CompleteMultipartUpload", session, () -> completeUpload(session, address, uploadId, body, bodyLimit, contentMd5));
    }

    private String completeUpload(UploadSession session, CosAddress address, String uploadId, InputStream body, int bodyLimit,
                                  Optional<String> contentMd5) {
        String id = uploadId == null ? "" : uploadId;
        if (uploads.find(id).isEmpty() && uploads.completedEtag(id, address.bucket(), address.key()).isEmpty()) {
            throw new CosProtocolException(CosErrorCode.NO_SUCH_UPLOAD);
        }
        byte[] xml = CompleteMultipartUploadParser.read(body, bodyLimit);
        if (contentMd5.isPresent()) {
            ContentMd5.verify(contentMd5.get(), MultipartEtag.md5Hex(xml));
        }
        List<PartRef> listed = CompleteMultipartUploadParser.parse(xml);
        return completions.exclusive(id, () -> finished(address, id, listed),
                () -> assemble(session, address, upload(address, id), listed));
    }

    /**
     * The answer when the upload is completed already; empty while it is in progress; NoSuchUpload
     * when it is gone. (In this order: an upload only goes from in progress to completed to gone.)
     */
    private Optional<String> finished(CosAddress address, String uploadId, List<PartRef> listed) {
        if (inProgress(address, uploadId).isPresent()) {
            return Optional.empty();
        }
        String done = uploads.completedEtag(uploadId, address.bucket(), address.key())
                .orElseThrow(() -> new CosProtocolException(CosErrorCode.NO_SUCH_UPLOAD));
        return Optional.of(sameCompletion(done, listed));
    }

    private String assemble(UploadSession session, CosAddress address, MultipartUpload upload, List<PartRef> listed) {
        Map<Integer, UploadedPart> stored = uploads.parts(upload.uploadId(), 0, MAX_PART_NUMBER).stream()
                .collect(Collectors.toMap(UploadedPart::partNumber, Function.identity()));
        List<UploadedPart> chosen = new ArrayList<>();
        List<String> md5s = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < listed.size(); i++) {
            PartRef ref = listed.get(i);
            UploadedPart part = stored.get(ref.partNumber());
            if (part == null || !part.md5Hex().equals(ref.etagHex())) {
                throw new CosProtocolException(CosErrorCode.INVALID_PART, "Part " + ref.partNumber()
                        + (part == null ? " was not uploaded." : " has another ETag."));
            }
            if (i < listed.size() - 1 && part.size() < MIN_PART_SIZE) {
                throw new CosProtocolException(CosErrorCode.ENTITY_TOO_SMALL, "Part " + ref.partNumber()
                        + " is smaller than 1 MiB and is not the last part.");
            }
            total += part.size();
            chosen.add(part);
            md5s.add(part.md5Hex());
        }
        long declared = declaredSize(session, address.key());
        if (declared >= 0 && total != declared) {
            throw new CosProtocolException(total > declared ? CosErrorCode.ENTITY_TOO_LARGE : CosErrorCode.ENTITY_TOO_SMALL,
                    "The parts hold " + total + " bytes, but the upload declared " + declared + ".");
        }
        String etag = MultipartEtag.multipartEtag(md5s);
        Optional<String> unusedStoreUpload = parts.assemble(upload, chosen, StorageLayout.storeKey(address.bucket(), address.key()), total);
        if (uploads.markCompleted(upload.uploadId(), etag)) {
            parts.deleteParts(upload, unusedStoreUpload);
        }
        return etag;
    }

    /** The ETag of an upload completed already, if {@code listed} names the parts it was completed with. */
    private static String sameCompletion(String etag, List<PartRef> listed) {
        List<String> md5s = listed.stream().map(PartRef::etagHex).toList();
        if (md5s.stream().allMatch(MultipartEtag::isMd5Hex) && MultipartEtag.multipartEtag(md5s).equals(etag)) {
            return etag;
        }
        throw new CosProtocolException(CosErrorCode.INVALID_PART, "The upload was completed with other parts.");
    }

    /** Abort Multipart Upload: removes the upload and its parts (and aborts its multipart upload in the store). */
    public void abort(CosAddress address, String uploadId) {
        MultipartUpload upload = upload(address, uploadId);
        discard(upload);
    }

    /** Removes an upload and every part it stored, and aborts its multipart upload in the store (also used by the sweeper). */
    public void discard(MultipartUpload upload) {
        Optional<String> storeUpload = parts.storeUploadId(upload.uploadId());
        uploads.remove(upload.uploadId());
        parts.deleteParts(upload, storeUpload);
    }

    private MultipartUpload upload(CosAddress address, String uploadId) {
        return inProgress(address, uploadId).orElseThrow(() -> new CosProtocolException(CosErrorCode.NO_SUCH_UPLOAD));
    }

    private Optional<MultipartUpload> inProgress(CosAddress address, String uploadId) {
        return uploads.find(uploadId == null ? "" : uploadId)
                .filter(u -> u.bucket().equals(address.bucket()) && u.key().equals(address.key()));
    }

    private void checkBodySize(UploadSession session, String key, long length) {
        long declared = declaredSize(session, key);
        if (length > limits.maxPartSize() || (declared >= 0 && length > declared)) {
            throw new CosProtocolException(CosErrorCode.ENTITY_TOO_LARGE, "The body of " + length + " bytes is above the "
                    + (declared >= 0 && length > declared ? "declared file size of " + declared : "limit of " + limits.maxPartSize())
                    + " bytes.");
        }
    }

    /** The size the session declared for {@code key}, or -1 when it declared none. */
    private static long declaredSize(UploadSession session, String key) {
        if (session.mediaKey().filter(key::equals).isPresent()) {
            return session.mediaSize().orElse(-1L);
        }
        return session.coverSize().orElse(-1L);
    }

    private static int partNumber(String text) {
        try {
            int n = Integer.parseInt(text == null ? "" : text);
            if (n >= 1 && n <= MAX_PART_NUMBER) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new CosProtocolException(CosErrorCode.INVALID_ARGUMENT, "partNumber must be an integer within 1..10000.");
    }

    static String partKey(String uploadId, int partNumber) {
        return PartStore.partKey(uploadId, partNumber);
    }
}
