package io.openvod.platform.cos;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The state of multipart uploads: uploads in progress and the parts they received. */
public interface MultipartUploads {

    void create(MultipartUpload upload);

    Optional<MultipartUpload> find(String uploadId);

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

    /** Uploads initiated before {@code before}, for the sweeper. */
    List<MultipartUpload> startedBefore(Instant before, int limit);
}
