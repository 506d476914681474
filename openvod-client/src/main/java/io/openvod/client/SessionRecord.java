package io.openvod.client;

/**
 * What a later run needs to resume an upload: the platform session, the multipart upload of the
 * video and the part size it was cut into.
 *
 * @param vodSessionKey the session of ApplyUploadUGC
 * @param uploadId the video's multipart upload, or null before it was initiated
 * @param partSize the part size the parts were cut with
 * @param videoComplete true once Complete Multipart Upload succeeded (only Commit is left)
 */
public record SessionRecord(String vodSessionKey, String uploadId, long partSize, boolean videoComplete) {
    public SessionRecord {
        if (vodSessionKey == null || vodSessionKey.isEmpty()) {
            throw new IllegalArgumentException("vodSessionKey is empty");
        }
        if (partSize <= 0) {
            throw new IllegalArgumentException("partSize " + partSize + " <= 0");
        }
    }

    SessionRecord withUploadId(String id) {
        return new SessionRecord(vodSessionKey, id, partSize, false);
    }

    SessionRecord completed() {
        return new SessionRecord(vodSessionKey, uploadId, partSize, true);
    }
}
