package io.openvod.platform.cos;

import io.openvod.platform.storage.RangeAssembly;
import io.openvod.platform.storage.StoredObject;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Parts written in place, on a store that assembles in place (the local disk), when the upload
 * declared its size: part n is written straight to {@code (n - 1) × partSize} of the upload's
 * draft ({@code _multipart/<uploadId>/draft}), the part size learnt from part 1. Completing such an
 * upload only publishes the draft.
 *
 * <p>A part that does not fit that pattern, or a part number already stored (so that a damaged
 * retry cannot spoil the stored copy), is declined and gets an object of its own, copied into
 * place on Complete. One write per part number may write its range of the draft: it claims the
 * range in the database first ({@link MultipartUploads#claimDraftRange}), so two nodes sharing the
 * disk never write one range at once, and keeps the claim when it succeeds.
 */
final class DraftParts {
    private final MultipartUploads uploads;
    private final RangeAssembly assembly;
    private final Clock clock;

    DraftParts(MultipartUploads uploads, RangeAssembly assembly, Clock clock) {
        this.uploads = uploads;
        this.assembly = assembly;
        this.clock = clock;
    }

    /** Writes part {@code n} into the draft, or declines (reading nothing) when it does not belong there. */
    Optional<UploadedPart> write(MultipartUpload upload, int n, InputStream body, long length, long declared,
                                 Optional<String> expectedMd5) {
        String uploadId = upload.uploadId();
        Optional<Long> offset = declared > 0 ? offsetInDraft(uploadId, n, length, declared) : Optional.empty();
        if (offset.isEmpty() || !uploads.claimDraftRange(uploadId, n)) {
            return Optional.empty();
        }
        boolean written = false;
        try {
            StoredObject stored = PartStore.write(body, length, expectedMd5,
                    in -> assembly.writeRange(PartStore.draftKey(uploadId), offset.get(), in, length));
            written = true;
            return Optional.of(new UploadedPart(n, stored.md5Hex(), stored.size(), clock.instant(), new PartPlace.InDraft(offset.get())));
        } finally {
            if (!written) {
                uploads.releaseDraftRange(uploadId, n);
            }
        }
    }

    private Optional<Long> offsetInDraft(String uploadId, int n, long length, long declared) {
        if (length == 0 || uploads.parts(uploadId, n - 1, 1).stream().anyMatch(p -> p.partNumber() == n)) {
            return Optional.empty();
        }
        Optional<Long> partSize = PartStore.partSize(uploads, uploadId, n, length, declared);
        if (partSize.isEmpty()) {
            return Optional.empty();
        }
        long size = partSize.get();
        long offset = (n - 1) * size;
        boolean fits = offset + length <= declared && (length == size || offset + length == declared);
        return fits ? Optional.of(offset) : Optional.empty();
    }

    /** Makes {@code target} the concatenation of {@code listed}: publishes the draft, after copying in what is not in place. */
    void assemble(String uploadId, List<UploadedPart> listed, String target, long total) {
        String draft = PartStore.draftKey(uploadId);
        long offset = 0;
        boolean inPlace = true;
        for (UploadedPart part : listed) {
            if (part.place() instanceof PartPlace.InDraft d && d.offset() != offset) {
                inPlace = false;
            }
            offset += part.size();
        }
        String work = inPlace ? draft : "_multipart/" + uploadId + "/assembled";
        offset = 0;
        for (UploadedPart part : listed) {
            if (!(part.place() instanceof PartPlace.InDraft d)) {
                assembly.copyRange(work, offset, PartStore.partKey(uploadId, part.partNumber()), 0, part.size());
            } else if (!inPlace) {
                assembly.copyRange(work, offset, draft, d.offset(), part.size());
            }
            offset += part.size();
        }
        assembly.publish(work, target, total);
    }
}
