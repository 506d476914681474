package io.openvod.client;

/**
 * A committed upload.
 *
 * @param fileId the media's FileId
 * @param mediaUrl where the media is played from ({@code video.url} of CommitUploadUGC)
 * @param coverUrl the cover's URL, or null when no cover was uploaded
 * @param partsUploaded the video parts sent by this run
 * @param partsResumed the video parts an earlier run had already stored (checked against the local file)
 * @param bytesUploaded the bytes of video and cover sent by this run
 */
public record UploadResult(String fileId, String mediaUrl, String coverUrl, int partsUploaded, int partsResumed,
                           long bytesUploaded) {
}
