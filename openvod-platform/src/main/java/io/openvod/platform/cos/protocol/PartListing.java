package io.openvod.platform.cos.protocol;

import java.util.List;
import java.util.Objects;

/**
 * One page of List Parts, the input of {@link CosXml#listPartsResult}.
 *
 * @param bucket the bucket, {@code <name>-<appid>}
 * @param encodingType {@code "url"} when the request asked for {@code encoding-type=url} (the key is
 *     then written percent-encoded), else null
 * @param key the object key, decoded
 * @param uploadId the upload's ID
 * @param initiator written as {@code <Initiator>} when not null
 * @param owner written as {@code <Owner>} when not null
 * @param partNumberMarker the request's {@code part-number-marker} (0 when absent)
 * @param nextPartNumberMarker the marker for the next page: the last part number listed (or the
 *     request's marker when the page is empty)
 * @param maxParts the page size in effect
 * @param truncated whether more parts follow
 * @param parts the parts, ascending by part number
 */
public record PartListing(String bucket, String encodingType, String key, String uploadId,
                          CosIdentity initiator, CosIdentity owner,
                          int partNumberMarker, int nextPartNumberMarker, int maxParts, boolean truncated,
                          List<PartEntry> parts) {
    public PartListing {
        Objects.requireNonNull(bucket, "bucket == null");
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(uploadId, "uploadId == null");
        parts = List.copyOf(parts);
    }
}
