package io.openvod.platform.cos.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One page of List Multipart Uploads, the input of {@link CosXml#listMultipartUploadsResult}.
 * Null markers and prefix are written as empty elements.
 *
 * @param bucket the bucket, {@code <name>-<appid>}
 * @param encodingType {@code "url"} when the request asked for {@code encoding-type=url} (keys,
 *     prefixes, markers and the delimiter are then written percent-encoded), else null
 * @param keyMarker the request's {@code key-marker}
 * @param uploadIdMarker the request's {@code upload-id-marker}
 * @param nextKeyMarker where the next page starts, when truncated
 * @param nextUploadIdMarker where the next page starts, when truncated
 * @param maxUploads the page size in effect
 * @param truncated whether more uploads follow
 * @param prefix the request's {@code prefix}
 * @param delimiter the request's {@code delimiter}; {@code <Delimiter>} is written only when not null
 * @param uploads the uploads, by key then initiation time
 * @param commonPrefixes the key prefixes rolled up by the delimiter, each written as
 *     {@code <CommonPrefixes><Prefix>…</Prefix></CommonPrefixes>}
 * @param owner when not null, written as each upload's {@code <Initiator>} and {@code <Owner>}
 */
public record UploadListing(String bucket, String encodingType, String keyMarker, String uploadIdMarker,
                            String nextKeyMarker, String nextUploadIdMarker, int maxUploads, boolean truncated,
                            String prefix, String delimiter, List<UploadEntry> uploads, List<String> commonPrefixes,
                            CosIdentity owner) {
    public UploadListing {
        Objects.requireNonNull(bucket, "bucket == null");
        uploads = List.copyOf(uploads);
        commonPrefixes = List.copyOf(commonPrefixes);
    }
}
