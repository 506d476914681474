package io.openvod.platform.cos.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * Which bucket and object a COS request addresses, as {@link CosAddressResolver} reads it from the
 * {@code Host} header and the request path.
 *
 * @param bucket {@code <name>-<appid>}, e.g. {@code abcdvodgzp1500000001-1250000000}
 * @param region e.g. {@code ap-guangzhou}, when the host names one
 * @param key the decoded object key without the leading {@code /}; empty for bucket-level
 *     operations such as List Multipart Uploads ({@code GET /?uploads})
 * @param style how the bucket was addressed
 * @param host the request's host name, lower-case, without port
 */
public record CosAddress(String bucket, Optional<String> region, String key, Style style, String host) {

    /** How a request names its bucket. */
    public enum Style {
        /** In the host: {@code <bucket>.cos.<region>.<domain>} (or legacy {@code <bucket>.<region>.<domain>}). */
        VIRTUAL_HOST,
        /** In the first path segment: {@code /<bucket>/<key>}, on any other host. */
        PATH
    }

    public CosAddress {
        Objects.requireNonNull(bucket, "bucket == null");
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(style, "style == null");
        Objects.requireNonNull(host, "host == null");
    }

    /** The APPID part of the bucket name: the digits after its last {@code -}. */
    public String appId() {
        return bucket.substring(bucket.lastIndexOf('-') + 1);
    }

    /** True for bucket-level operations (no key). */
    public boolean isBucketLevel() {
        return key.isEmpty();
    }

    /**
     * The path the COS request signature covers: {@code "/" + key}, decoded, and {@code /} for
     * bucket-level operations. This holds in both styles: clients sign the object path without the
     * bucket, so a path-style request (for instance one a browser page rewrote from the virtual
     * host to a single local host) keeps a valid signature.
     */
    public String signedPath() {
        return "/" + key;
    }

    /**
     * The {@code <Location>} of Complete Multipart Upload, without scheme:
     * {@code <bucket>.cos.<region>.<domain>/<key>} when the region is known, otherwise the host
     * the request used: {@code <host>/<key>} for a virtual host, {@code <host>/<bucket>/<key>} for
     * path style. The key is percent-encoded with {@code /} kept, since the value is a URL.
     *
     * @param domain the COS domain suffix to report, e.g. {@code myqcloud.com}
     */
    public String location(String domain) {
        String path = PercentEncoding.encode(key, true);
        return region.map(r -> bucket + ".cos." + r + "." + domain + "/" + path)
                .orElseGet(() -> style == Style.VIRTUAL_HOST ? host + "/" + path : host + "/" + bucket + "/" + path);
    }
}
