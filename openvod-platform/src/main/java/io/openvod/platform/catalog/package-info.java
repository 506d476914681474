/**
 * The media catalog: media rows (FileId, MediaBasicInfo, MetaData), the event outbox written in
 * the same transaction, and the task flows requested by uploads. How each event is then delivered
 * is decided by an {@link io.openvod.platform.catalog.EventRouter} within the event's transaction;
 * this package depends on no implementation of it. Each event keeps the {@code traceparent} of the
 * step that wrote it, and a requested flow the trace of the upload that made its media. URLs are
 * stored as made; {@link io.openvod.platform.catalog.MediaUrls} answers them on the platform's
 * current media base.
 */
package io.openvod.platform.catalog;
