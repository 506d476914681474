package io.openvod.platform.cos;

import io.openvod.platform.cos.protocol.CosErrorCode;
import io.openvod.platform.cos.protocol.CosProtocolException;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.RangeAssembly;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import io.openvod.platform.storage.StoredObject;
import java.io.InputStream;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Where the bytes of multipart uploads go. When the store can assemble in place and the upload
 * declared its size, each part is written straight to its final offset in the upload's draft
 * ({@code _multipart/<uploadId>/draft}): the part size is learnt from part 1, and part n lies at
 * {@code (n - 1) × partSize} — how Tencent's clients cut files (equal parts, a shorter last one).
 * Completing such an upload only publishes the draft. A part that does not fit that pattern, a
 * retry of a part already stored (so that a damaged retry cannot spoil the stored copy), or a store
 * without the capability, gets an object of its own ({@code _multipart/<uploadId>/<n>}), copied
 * into place on Complete.
 */
final class PartStore {
    private final MultipartUploads uploads;
    private final ObjectStore store;
    private final Clock clock;
    /** Parts being written now, so that two writes of one part never share a range of the draft. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    PartStore(MultipartUploads uploads, ObjectStore store, Clock clock) {
        this.uploads = uploads;
        this.store = store;
        this.clock = clock;
    }

    /** Stores part {@code n} of {@code upload}; {@code declared} is the object's declared size, or -1. */
    UploadedPart storePart(MultipartUpload upload, int n, InputStream body, long length, long declared, Optional<String> expectedMd5) {
        Optional<RangeAssembly> assembly = store.rangeAssembly();
        String flight = upload.uploadId() + "/" + n;
        boolean claimed = assembly.isPresent() && declared > 0 && inFlight.add(flight);
        try {
            Optional<Long> offset = claimed ? offsetInDraft(upload.uploadId(), n, length, declared) : Optional.empty();
            StoredObject stored = offset.isPresent()
                    ? write(body, length, expectedMd5, in -> assembly.get().writeRange(draftKey(upload.uploadId()), offset.get(), in, length))
                    : write(body, length, expectedMd5, in -> store.put(partKey(upload.uploadId(), n), in, length));
            return new UploadedPart(n, stored.md5Hex(), stored.size(), clock.instant(), offset);
        } finally {
            if (claimed) {
                inFlight.remove(flight);
            }
        }
    }

    private Optional<Long> offsetInDraft(String uploadId, int n, long length, long declared) {
        if (length == 0 || !uploads.parts(uploadId, n - 1, 1).stream().noneMatch(p -> p.partNumber() == n)) {
            return Optional.empty();
        }
        Optional<Long> partSize = uploads.partSize(uploadId);
        if (partSize.isEmpty() && n == 1 && length < declared) {
            partSize = Optional.of(uploads.settlePartSize(uploadId, length));
        }
        if (partSize.isEmpty()) {
            return Optional.empty();
        }
        long size = partSize.get();
        long offset = (n - 1) * size;
        boolean fits = offset + length <= declared && (length == size || offset + length == declared);
        return fits ? Optional.of(offset) : Optional.empty();
    }

    /** Makes {@code target} the concatenation of {@code listed} (in order, {@code total} bytes). */
    void assemble(MultipartUpload upload, List<UploadedPart> listed, String target, long total) {
        Optional<RangeAssembly> assembly = store.rangeAssembly();
        if (assembly.isEmpty() || listed.stream().noneMatch(p -> p.dataOffset().isPresent())) {
            store.compose(target, listed.stream().map(p -> partKey(upload.uploadId(), p.partNumber())).toList());
            return;
        }
        String draft = draftKey(upload.uploadId());
        long offset = 0;
        boolean inPlace = true;
        for (UploadedPart part : listed) {
            if (part.dataOffset().isPresent() && part.dataOffset().get() != offset) {
                inPlace = false;
            }
            offset += part.size();
        }
        String work = inPlace ? draft : "_multipart/" + upload.uploadId() + "/assembled";
        offset = 0;
        for (UploadedPart part : listed) {
            if (part.dataOffset().isEmpty()) {
                assembly.get().copyRange(work, offset, partKey(upload.uploadId(), part.partNumber()), 0, part.size());
            } else if (!inPlace) {
                assembly.get().copyRange(work, offset, draft, part.dataOffset().get(), part.size());
            }
            offset += part.size();
        }
        assembly.get().publish(work, target, total);
    }

    /** Removes the stored bytes of an upload's parts (objects of their own and the draft). */
    void deleteParts(String uploadId, Collection<UploadedPart> parts) {
        parts.stream().filter(p -> p.dataOffset().isEmpty()).forEach(p -> store.delete(partKey(uploadId, p.partNumber())));
        store.delete(draftKey(uploadId));
        store.delete("_multipart/" + uploadId + "/assembled");
    }

    /**
     * Stores a body through {@code writer}, checking {@code expectedMd5} (hex, from Content-MD5)
     * while it streams in. A body that does not match fails the write itself, so what the key held
     * before stays: checking after the write and deleting would also destroy a good part that a
     * client re-sent damaged, while the part stayed listed and Complete could no longer succeed.
     */
    static StoredObject write(InputStream body, long length, Optional<String> expectedMd5, Function<InputStream, StoredObject> writer) {
        if (length == 0 && expectedMd5.isPresent() && !Md5CheckingInputStream.matchesEmpty(expectedMd5.get())) {
            throw new CosProtocolException(CosErrorCode.BAD_DIGEST);
        }
        Md5CheckingInputStream checked = expectedMd5.map(md5 -> new Md5CheckingInputStream(body, length, md5)).orElse(null);
        try {
            return writer.apply(checked != null ? checked : body);
        } catch (RuntimeException e) {
            if (checked != null && checked.mismatch()) {
                throw new CosProtocolException(CosErrorCode.BAD_DIGEST);
            }
            if (e instanceof StorageException s && s.error() == StorageError.BODY_INCOMPLETE) {
                throw new CosProtocolException(CosErrorCode.INCOMPLETE_BODY);
            }
            throw e;
        }
    }

    static String partKey(String uploadId, int partNumber) {
        return "_multipart/" + uploadId + "/" + partNumber;
    }

    static String draftKey(String uploadId) {
        return "_multipart/" + uploadId + "/draft";
    }
}
