package io.openvod.platform.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One media file of the catalog (Tencent's MediaBasicInfo plus where its bytes are).
 *
 * @param fileId the Tencent-style numeric FileId, as a string
 * @param type the container extension, e.g. {@code mp4}
 * @param bucket the full bucket name ({@code <bucket>-<appid>})
 * @param mediaKey the object key of the original file in the bucket
 * @param coverKey the object key of the cover, if any
 * @param sourceContext the signature's sourceContext, echoed in NewFileUpload
 * @param size the original file's size in bytes
 * @param metadataJson Tencent's MetaData as JSON, when FFmpeg could read the file
 * @param probeError why FFmpeg could not read the file, when it could not
 * @param status {@link #NORMAL} or {@link #FORBIDDEN} (a review blocked it, or ForbidMediaDistribution)
 * @param expireAt when the media expires, empty for never
 */
public record Media(String fileId, long appId, long subAppId, String name, String description, String type, long classId,
                    String bucket, String storageRegion, String mediaKey, String mediaUrl, Optional<String> coverKey,
                    String coverUrl, String sourceContext, long size, Optional<String> metadataJson,
                    Optional<String> probeError, String status, Optional<Instant> expireAt, Instant createdAt,
                    Instant updatedAt) {
    public static final String NORMAL = "Normal";
    public static final String FORBIDDEN = "Forbidden";

    public Media {
        Objects.requireNonNull(fileId, "fileId == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(mediaUrl, "mediaUrl == null");
        Objects.requireNonNull(coverUrl, "coverUrl == null");
        description = description == null ? "" : description;
        sourceContext = sourceContext == null ? "" : sourceContext;
    }
}
