package io.openvod.client;

import io.openvod.signature.Credential;
import io.openvod.signature.cos.CosKeyTime;
import java.util.Map;

/**
 * What ApplyUploadUGC answered that the upload needs: the session, where the objects go, and the
 * temporary COS credentials.
 *
 * @param vodSessionKey the session, for Commit and for resuming
 * @param bucket the full bucket name {@code <storageBucket>-<storageAppId>}
 * @param videoKey the video's object key ({@code video.storagePath} without its leading slash)
 * @param coverKey the cover's object key, or null without a cover
 * @param credential the temporary key pair
 * @param token the {@code x-cos-security-token}
 * @param serverTime the platform's clock when it answered ({@code timestamp}), Unix seconds
 * @param expiredTime when the credentials stop working, Unix seconds
 */
record ApplyAnswer(String vodSessionKey, String bucket, String videoKey, String coverKey, Credential credential, String token,
                   long serverTime, long expiredTime) {

    /** The COS signature validity: from a minute before the platform's clock to the credentials' end. */
    CosKeyTime keyTime() {
        return new CosKeyTime(Math.max(0, serverTime - 60), Math.max(serverTime, expiredTime));
    }

    static ApplyAnswer from(Map<String, Object> data, boolean withCover) throws UploadException {
        Map<String, Object> cert = Json.object(data, "tempCertificate");
        String vodSessionKey = Json.string(data, "vodSessionKey");
        String bucket = Json.string(data, "storageBucket");
        long appId = Json.number(data, "storageAppId", -1);
        String video = Json.string(Json.object(data, "video"), "storagePath");
        String cover = Json.string(Json.object(data, "cover"), "storagePath");
        String secretId = Json.string(cert, "secretId");
        String secretKey = Json.string(cert, "secretKey");
        String token = Json.string(cert, "token");
        long expired = Json.number(cert, "expiredTime", -1);
        long timestamp = Json.number(data, "timestamp", -1);
        if (vodSessionKey == null || bucket == null || appId < 0 || video == null || secretId == null || secretKey == null
                || token == null || expired < 0 || timestamp < 0 || (withCover && cover == null)) {
            throw new UploadException(UploadError.PROTOCOL, "ApplyUploadUGC answered without a field the upload needs");
        }
        return new ApplyAnswer(vodSessionKey, bucket + "-" + appId, key(video), cover == null ? null : key(cover),
                new Credential(secretId, secretKey), token, timestamp, expired);
    }

    private static String key(String storagePath) {
        return storagePath.startsWith("/") ? storagePath.substring(1) : storagePath;
    }

    @Override
    public String toString() {
        return "ApplyAnswer[bucket=" + bucket + ", videoKey=" + videoKey + ", coverKey=" + coverKey + "]";
    }
}
