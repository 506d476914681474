/**
 * The media catalog: media rows (FileId, MediaBasicInfo, MetaData), the event outbox written in
 * the same transaction, and the task flows requested by uploads.
 */
package io.openvod.platform.catalog;
