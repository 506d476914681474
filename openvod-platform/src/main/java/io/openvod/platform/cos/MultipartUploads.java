package io.openvod.platform.cos;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state of multipart uploads: uploads in progress and the parts they received, shared by every
 * platform node. The coordination between nodes lives here too: an upload's {@link PartRoute},
 * the claims on ranges of a draft, and the lease a Complete holds while it assembles the object.
 */
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
     * Marks an upload in progress completed as the object {@code etag}, drops its part records,
     * draft claims and completion lease; false if it was no longer in progress.
     */
    boolean markCompleted(String uploadId, String etag);

    /** Uploads in progress for keys of {@code bucket} that start with {@code prefix}, oldest first. */
    List<MultipartUpload> list(String bucket, String prefix, int limit);

    /**
     * Records a part of an upload in progress, replacing an earlier part of the same number; false
     * (and nothing recorded) if the upload is no longer in progress.
     */
    boolean putPart(String uploadId, UploadedPart part);

    /** The parts of an upload above {@code afterPartNumber}, in order, at most {@code limit}. */
    List<UploadedPart> parts(String uploadId, int afterPartNumber, int limit);

    /** The part size the upload settled on, once its first part told it. */
    Optional<Long> partSize(String uploadId);

    /** Sets the part size unless one is already set; returns the part size in force. */
    long settlePartSize(String uploadId, long size);

    /** The route of an upload in progress, once settled. */
    Optional<PartRoute> route(String uploadId);

    /**
     * Sets the route of an upload in progress unless one is set already; returns the route in
     * force (the first one set wins, whichever node set it), or empty if the upload is no longer
     * in progress.
     */
    Optional<PartRoute> settleRoute(String uploadId, PartRoute route);

    /**
     * Claims the range of part {@code partNumber} in the upload's draft for one write; false if
     * another write claimed it and did not give it back (the claim stays with a write that
     * succeeded, so a later write of the part goes elsewhere).
     */
    boolean claimDraftRange(String uploadId, int partNumber);

    /** Gives back a claim of {@link #claimDraftRange} whose write failed or was not made. */
    void releaseDraftRange(String uploadId, int partNumber);

    /**
     * Takes the completion lease of an upload in progress for {@code holder} until {@code until},
     * if nobody holds it or the lease of its holder ended before {@code now}.
     */
    boolean leaseCompletion(String uploadId, String holder, Instant until, Instant now);

    /** Extends the lease {@code holder} holds until {@code until}; false if it no longer holds it. */
    boolean renewCompletion(String uploadId, String holder, Instant until);

    /** Ends the lease {@code holder} holds (nothing if it no longer holds it). */
    void releaseCompletion(String uploadId, String holder);

    /** Removes an upload, its part records and draft claims; false if it was already gone (lost a race). */
    boolean remove(String uploadId);

    /** Uploads initiated before {@code before}, completed ones included, for the sweeper. */
    List<MultipartUpload> startedBefore(Instant before, int limit);
}
