package io.openvod.platform.cos;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The state of multipart uploads: uploads in progress and the parts they received. */
public interface MultipartUploads {

    void create(MultipartUpload upload);

    /** The upload {@code uploadId} if it is still in progress (not completed, not removed). */
    Optional<MultipartUpload> find(String uploadId);

    /**
     * The quoted ETag of the object that the upload {@code uploadId} of {@code key} in {@code bucket}
     * became, if it was completed and has not been swept yet.
     */
    Optional<String> completedEtag(String uploadId, String bucket, String key);

    /**
     * Marks an upload in progress completed as the object {@code etag} and drops its part records;
     * false if it was no longer in progress.
     */
    boolean markCompleted(String uploadId, String etag);

    /** Uploads in progress for keys of {@code bucket} that start with {@code prefix}, oldest first. */
    List<MultipartUpload> list(String bucket, String prefix, int limit);

    /** Records a part, replacing an earlier part of the same number. */
    void putPart(String uploadId, UploadedPart part);

    /** The parts of an upload above {@code afterPartNumber}, in order, at most {@code limit}. */
    List<UploadedPart> parts(String uploadId, int afterPartNumber, int limit);

    /** The part size the upload settled on, once its first part told it. */
    Optional<Long> partSize(String uploadId);

    /** Sets the part size unless one is already set; returns the part size in force. */
    long settlePartSize(String uploadId, long size);

    /** Removes an upload and its part records; false if it was already gone (lost a race). */
    boolean remove(String uploadId);

    /** Uploads initiated before {@code before}, completed ones included, for the sweeper. */
    List<MultipartUpload> startedBefore(Instant before, int limit);
}
