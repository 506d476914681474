package io.openvod.platform.cos;

import io.openvod.platform.cos.protocol.CosErrorCode;
import io.openvod.platform.cos.protocol.CosProtocolException;
import io.openvod.platform.storage.NativeMultipart;
import io.openvod.platform.storage.NativeMultipart.PartEtag;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parts of COS multipart uploads on a store with a multipart upload of its own (S3): they go
 * straight into one store upload per COS upload, and Complete is the store's own
 * CompleteMultipartUpload, so no byte is written twice. The store refuses to complete with a part
 * below {@link NativeMultipart#MIN_PART_SIZE} (5 MiB) that is not the last, while COS allows parts
 * down to 1 MiB (Tencent's SDKs cut 1 MiB parts for small files), and parts in a store upload
 * cannot be read back. So each upload settles its {@link PartRoute} once, in the database:
 *
 * <ul>
 *   <li>A part of 5 MiB or more settles the route {@link PartRoute.Native} (the first node to
 *       settle begins the store upload; a node that lost the race aborts the one it began) and
 *       goes into the store upload.
 *   <li>A smaller part that is sure not to be the last (part 1 smaller than the declared size, or
 *       a part below one already received) settles {@link PartRoute#OWN_OBJECTS}: all parts of that
 *       upload then get objects of their own, composed at Complete, as on any store.
 *   <li>A smaller part of an upload on the native route goes into the store upload when it is
 *       the last part by the numbers (part size × (n − 1) + its size = the declared size);
 *       otherwise it gets an object of its own, and Complete copies it in inside the store if it
 *       is listed last.
 * </ul>
 *
 * An upload on the native route whose Complete lists a part below 5 MiB other than the last
 * (which needs a client that cuts parts of different sizes) cannot be assembled: its larger parts
 * are only in the store upload. Complete answers {@code EntityTooSmall} for it.
 */
final class NativeParts {
    private final MultipartUploads uploads;
    private final NativeMultipart store;
    private final Clock clock;

    NativeParts(MultipartUploads uploads, NativeMultipart store, Clock clock) {
        this.uploads = uploads;
        this.store = store;
        this.clock = clock;
    }

    /** The store upload that part {@code n} goes into, or empty when it gets an object of its own. */
    Optional<String> uploadIdFor(MultipartUpload upload, int n, long length, long declared) {
        Optional<PartRoute> route = uploads.route(upload.uploadId());
        Optional<Long> partSize = PartStore.partSize(uploads, upload.uploadId(), n, length, declared);
        if (length >= NativeMultipart.MIN_PART_SIZE) {
            return nativeId(route.isPresent() ? route.get() : settleNative(upload));
        }
        if (route.isEmpty()) {
            if (notLast(upload.uploadId(), n, length, declared)) {
                uploads.settleRoute(upload.uploadId(), PartRoute.OWN_OBJECTS);
            }
            return Optional.empty();
        }
        boolean last = declared > 0 && partSize.filter(size -> size * (n - 1) + length == declared).isPresent();
        return last ? nativeId(route.get()) : Optional.empty();
    }

    private PartRoute settleNative(MultipartUpload upload) {
        String target = PartStore.target(upload);
        String begun = store.begin(target);
        Optional<PartRoute> route = uploads.settleRoute(upload.uploadId(), new PartRoute.Native(begun));
        if (!route.equals(Optional.of(new PartRoute.Native(begun)))) {
            store.abort(target, begun);
        }
        return route.orElseThrow(() -> new CosProtocolException(CosErrorCode.NO_SUCH_UPLOAD));
    }

    private boolean notLast(String uploadId, int n, long length, long declared) {
        return (n == 1 && length < declared) || !uploads.parts(uploadId, n, 1).isEmpty();
    }

    private static Optional<String> nativeId(PartRoute route) {
        return route instanceof PartRoute.Native n ? Optional.of(n.storeUploadId()) : Optional.empty();
    }

    /** The store upload of an upload in progress on the native route. */
    Optional<String> storeUploadId(String uploadId) {
        return uploads.route(uploadId).flatMap(NativeParts::nativeId);
    }

    /** Uploads part {@code n} into the store upload (a part number sent again replaces the part). */
    UploadedPart write(MultipartUpload upload, String storeUploadId, int n, InputStream body, long length,
                       Optional<String> expectedMd5) {
        try {
            NativeMultipart.StoredPart stored = PartStore.write(body, length, expectedMd5,
                    in -> store.uploadPart(PartStore.target(upload), storeUploadId, n, in, length));
            return new UploadedPart(n, stored.md5Hex(), stored.size(), clock.instant(), new PartPlace.InNativeUpload(stored.etag()));
        } catch (StorageException e) {
            if (e.error() == StorageError.MULTIPART_UPLOAD_NOT_FOUND) {
                throw new CosProtocolException(CosErrorCode.NO_SUCH_UPLOAD);
            }
            throw e;
        }
    }

    /** Completes the store upload with {@code listed}, copying in a last part that has an object of its own. */
    void complete(MultipartUpload upload, String storeUploadId, List<UploadedPart> listed, String target) {
        List<PartEtag> tags = new ArrayList<>(listed.size());
        for (int i = 0; i < listed.size() - 1; i++) {
            UploadedPart part = listed.get(i);
            if (!(part.place() instanceof PartPlace.InNativeUpload inStore)) {
                throw new CosProtocolException(CosErrorCode.ENTITY_TOO_SMALL, "Part " + part.partNumber() + " has " + part.size()
                        + " bytes: once parts of 5 MiB or more went to the store, every part but the last must have 5 MiB or more.");
            }
            tags.add(new PartEtag(part.partNumber(), inStore.storeEtag()));
        }
        UploadedPart last = listed.getLast();
        try {
            tags.add(last.place() instanceof PartPlace.InNativeUpload inStore
                    ? new PartEtag(last.partNumber(), inStore.storeEtag())
                    : store.copyPart(target, storeUploadId, last.partNumber(), PartStore.partKey(upload.uploadId(), last.partNumber())));
            store.complete(target, storeUploadId, tags);
        } catch (StorageException e) {
            if (e.error() == StorageError.MULTIPART_UPLOAD_NOT_FOUND) {
                throw new CosProtocolException(CosErrorCode.NO_SUCH_UPLOAD);
            }
            if (e.error() == StorageError.PARTS_REJECTED) {
                throw new CosProtocolException(CosErrorCode.INVALID_PART, "The store refused the parts; upload them again.");
            }
            throw e;
        }
    }

    /** Aborts the store upload (one already gone is fine). */
    void abort(MultipartUpload upload, String storeUploadId) {
        store.abort(PartStore.target(upload), storeUploadId);
    }
}
