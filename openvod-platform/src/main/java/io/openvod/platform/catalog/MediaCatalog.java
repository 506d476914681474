package io.openvod.platform.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The media catalog, the event outbox and the queue of requested task flows. */
public interface MediaCatalog {

    /**
     * Records a committed upload in one transaction: the media row, its NewFileUpload event,
     * the requested task flows (a Procedure flow and a ReviewAudioVideo task, either or both, or none), and the end of the upload session ({@code sessionHash}
     * becomes committed and its credentials are dropped). Fails with
     * {@link CatalogConflictException} when the session was committed concurrently.
     */
    void recordUpload(Media media, OutboxEvent event, List<FlowRequest> flows, String sessionHash);

    /**
     * Replaces the cover of the media {@code fileId} of the application {@code subAppId}, writes the
     * event that {@code event} makes of the updated row, and ends the cover upload's session, in one
     * transaction. Fails with {@link CatalogConflictException} when the session was committed
     * concurrently, and with {@link MediaGoneException} (writing nothing) when the application no
     * longer has that media.
     *
     * @return the updated media
     */
    Media replaceCover(String fileId, long subAppId, String coverKey, String coverUrl, String sessionHash,
                       Function<Media, OutboxEvent> event);

    Optional<Media> find(String fileId);

    /**
     * Sets the media's {@code Status} ({@link Media#NORMAL} or {@link Media#FORBIDDEN}).
     *
     * @return false when the application has no such media
     */
    boolean setStatus(String fileId, long subAppId, String status);

    /**
     * Deletes the media {@code fileId} of the application {@code subAppId} and writes its
     * {@code FileDeleted} event to the outbox, in one transaction. The media's stored objects are
     * the caller's to delete once this has returned.
     *
     * @return the deleted row; empty, with nothing written, when the application has no such media
     */
    Optional<Media> delete(String fileId, long subAppId, OutboxEvent event);

    /** Writes an event of existing media to the outbox (e.g. FileDeleted for some of its parts). */
    void recordEvent(OutboxEvent event);

    /** Media of an application, newest first. */
    List<Media> list(long subAppId, int limit);

    /** The outbox rows of a FileId, in sequence order. */
    List<StoredEvent> events(String fileId);

    /**
     * Task flows waiting to run, highest priority first, each with the trace of the upload that made
     * its media ({@link #uploadTrace}; empty when there is none).
     */
    List<FlowRequest> pendingFlows(int limit);

    /**
     * The trace of the upload that made the media {@code fileId}: the trace id its upload session
     * keeps (a cover's session does not count). Empty for unknown media and for sessions opened
     * before traces were kept.
     */
    Optional<String> uploadTrace(String fileId);
}
