package io.openvod.platform.ugc;

import io.openvod.platform.catalog.MediaUrls;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where uploads go: one bucket per application, {@code vod<subAppId>-<appId>} (Tencent's
 * {@code storageBucket-storageAppId} form), object keys {@code <subAppId>/<fileId>/<random>.<ext>},
 * the object store key {@code <bucket>/<key>}, and the public URL of an object.
 */
public final class StorageLayout {
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    private static final char[] NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MediaUrls urls;

    /** @param mediaBaseUrl the base of media URLs, without a trailing slash */
    public StorageLayout(String mediaBaseUrl) {
        this(new MediaUrls(mediaBaseUrl));
    }

    /** @param urls the media URLs on the platform's current base */
    public StorageLayout(MediaUrls urls) {
        this.urls = urls;
    }

    /** The media URLs on the platform's current base (and stored URLs put on it). */
    public MediaUrls urls() {
        return urls;
    }

    /** {@code storageBucket} of the UGC API: the bucket name without the appid suffix. */
    public static String shortBucket(long subAppId) {
        return "vod" + subAppId;
    }

    /** The full bucket name, {@code <storageBucket>-<storageAppId>}. */
    public static String bucket(long appId, long subAppId) {
        return shortBucket(subAppId) + "-" + appId;
    }

    /** A new object key for a file of the given extension (ignored when not plain alphanumerics). */
    public static String newKey(long subAppId, String fileId, String extension) {
        StringBuilder name = new StringBuilder(subAppId + "/" + fileId + "/");
        for (int i = 0; i < 12; i++) {
            name.append(NAME_CHARS[RANDOM.nextInt(NAME_CHARS.length)]);
        }
        String ext = extension == null ? "" : extension.toLowerCase(Locale.ROOT);
        if (EXTENSION.matcher(ext).matches()) {
            name.append('.').append(ext);
        }
        return name.toString();
    }

    /** The object store key of {@code key} in {@code bucket}. */
    public static String storeKey(String bucket, String key) {
        return bucket + "/" + key;
    }

    /**
     * The FileId whose files {@code key} holds: keys of a media file (the original, its cover
     * and every output of its task flows) start with {@code <subAppId>/<fileId>/}.
     */
    public static Optional<String> fileIdOf(String key) {
        String[] parts = key.split("/", 3);
        return parts.length == 3 && parts[0].matches("[0-9]{1,19}") && parts[1].matches("[0-9]{1,19}")
                ? Optional.of(parts[1]) : Optional.empty();
    }

    /** The URL media players fetch the object from (path-style object GET, public read). */
    public String url(String bucket, String key) {
        return urls.url(bucket, key);
    }
}
