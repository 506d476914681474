package io.openvod.platform.cos;

import io.openvod.platform.cos.protocol.CosErrorCode;
import io.openvod.platform.cos.protocol.CosProtocolException;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import io.openvod.platform.storage.StoredObject;
import io.openvod.platform.ugc.StorageLayout;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the bytes of multipart uploads go, by what the object store can do:
 *
 * <ul>
 *   <li>a store with a multipart upload of its own (S3): parts go straight to it and Complete is
 *       the store's own ({@link NativeParts});
 *   <li>a store that assembles in place (the local disk): parts are written at their final
 *       offsets of a draft that Complete publishes ({@link DraftParts});
 *   <li>otherwise, and for every part that cannot take those routes: an object of its own,
 *       {@code _multipart/<uploadId>/<n>}, and Complete composes the object from them.
 * </ul>
 *
 * Every node may receive any part of any upload: what the nodes must agree on (the route, the
 * part size, who writes a range of the draft) is decided in the database.
 */
final class PartStore {
    private final MultipartUploads uploads;
    private final ObjectStore store;
    private final Clock clock;
    private final Optional<NativeParts> natives;
    private final Optional<DraftParts> drafts;

    PartStore(MultipartUploads uploads, ObjectStore store, Clock clock) {
        this.uploads = uploads;
        this.store = store;
        this.clock = clock;
        this.natives = store.nativeMultipart().map(m -> new NativeParts(uploads, m, clock));
        this.drafts = store.rangeAssembly().map(a -> new DraftParts(uploads, a, clock));
    }

    /**
     * Stores part {@code n} of {@code upload} and records it; {@code declared} is the object's
     * declared size, or -1. When the upload ended while the part was written, what the part left
     * is removed again and the answer is {@code NoSuchUpload}.
     */
    UploadedPart receive(MultipartUpload upload, int n, InputStream body, long length, long declared, Optional<String> expectedMd5) {
        if (natives.isPresent()) {
            Optional<String> storeUploadId = natives.get().uploadIdFor(upload, n, length, declared);
            if (storeUploadId.isPresent()) {
                return record(upload, natives.get().write(upload, storeUploadId.get(), n, body, length, expectedMd5), storeUploadId);
            }
        } else if (drafts.isPresent()) {
            Optional<UploadedPart> inDraft = drafts.get().write(upload, n, body, length, declared, expectedMd5);
            if (inDraft.isPresent()) {
                return record(upload, inDraft.get(), Optional.empty());
            }
        }
        StoredObject stored = write(body, length, expectedMd5, in -> store.put(partKey(upload.uploadId(), n), in, length));
        return record(upload, new UploadedPart(n, stored.md5Hex(), stored.size(), clock.instant(), PartPlace.OWN_OBJECT),
                Optional.empty());
    }

    private UploadedPart record(MultipartUpload upload, UploadedPart part, Optional<String> storeUploadId) {
        if (uploads.putPart(upload.uploadId(), part)) {
            return part;
        }
        deleteParts(upload, storeUploadId);
        throw new CosProtocolException(CosErrorCode.NO_SUCH_UPLOAD);
    }

    /**
     * Makes {@code target} the concatenation of {@code listed} (in order, {@code total} bytes).
     * Returns the store's multipart upload of {@code upload} that this did not complete (the parts
     * were assembled another way), which {@link #deleteParts} then aborts.
     */
    Optional<String> assemble(MultipartUpload upload, List<UploadedPart> listed, String target, long total) {
        Optional<String> storeUploadId = natives.flatMap(n -> n.storeUploadId(upload.uploadId()));
        if (storeUploadId.isPresent() && listed.stream().anyMatch(p -> p.place() instanceof PartPlace.InNativeUpload)) {
            natives.get().complete(upload, storeUploadId.get(), listed, target);
            return Optional.empty();
        }
        if (drafts.isPresent() && listed.stream().anyMatch(p -> p.place() instanceof PartPlace.InDraft)) {
            drafts.get().assemble(upload.uploadId(), listed, target, total);
        } else {
            store.compose(target, listed.stream().map(p -> partKey(upload.uploadId(), p.partNumber())).toList());
        }
        return storeUploadId;
    }

    /** Removes every stored byte of an upload's parts, and aborts its multipart upload in the store if given. */
    void deleteParts(MultipartUpload upload, Optional<String> storeUploadId) {
        storeUploadId.ifPresent(id -> natives.ifPresent(n -> n.abort(upload, id)));
        store.list(prefix(upload.uploadId())).forEach(store::delete);
    }

    /** The store's multipart upload of an upload in progress, if its parts go there. */
    Optional<String> storeUploadId(String uploadId) {
        return natives.flatMap(n -> n.storeUploadId(uploadId));
    }

    /**
     * Stores a body through {@code writer}, checking {@code expectedMd5} (hex, from Content-MD5)
     * while it streams in. A body that does not match fails the write itself, so what the key held
     * before stays: checking after the write and deleting would also destroy a good part that a
     * client re-sent damaged, while the part stayed listed and Complete could no longer succeed.
     */
    static <T> T write(InputStream body, long length, Optional<String> expectedMd5, Function<InputStream, T> writer) {
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

    /**
     * The part size an upload settles on: the size of part 1 when it is smaller than the declared
     * object (how Tencent's clients cut files: equal parts, a shorter last one), set by the first
     * part 1 any node receives.
     */
    static Optional<Long> partSize(MultipartUploads uploads, String uploadId, int n, long length, long declared) {
        Optional<Long> partSize = uploads.partSize(uploadId);
        if (partSize.isEmpty() && n == 1 && length > 0 && length < declared) {
            partSize = Optional.of(uploads.settlePartSize(uploadId, length));
        }
        return partSize;
    }

    /** The store key of the object an upload becomes. */
    static String target(MultipartUpload upload) {
        return StorageLayout.storeKey(upload.bucket(), upload.key());
    }

    static String partKey(String uploadId, int partNumber) {
        return prefix(uploadId) + partNumber;
    }

    static String draftKey(String uploadId) {
        return prefix(uploadId) + "draft";
    }

    private static String prefix(String uploadId) {
        return "_multipart/" + uploadId + "/";
    }
}
