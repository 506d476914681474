package io.openvod.platform.cos.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@link CosAddress} from a request's {@code Host} header and raw path, for the COS domain
 * suffixes the platform answers on (e.g. {@code myqcloud.com}, {@code tencentcos.cn}, and a local
 * one such as {@code cos.localhost}).
 *
 * <ol>
 *   <li>Virtual host: a host {@code <bucket>.cos.<region>.<suffix>} names bucket and region;
 *       {@code <bucket>.<region>.<suffix>} (COS's legacy regions) and {@code <bucket>.<suffix>} (no
 *       region) are read the same way. The whole path is the key.</li>
 *   <li>Path style, on any other host (including a name under a suffix whose first label is not a
 *       bucket name): the first path segment is the bucket, the rest the key. A host
 *       {@code cos.<region>.<suffix>} still supplies the region.</li>
 *   <li>Otherwise (the first segment is not a bucket name) the request is not a COS request:
 *       {@link Optional#empty()}.</li>
 * </ol>
 *
 * <p>A bucket name is {@code <name>-<appid>}: lower-case letters, digits and {@code -}, not starting
 * with {@code -}, ending in {@code -<digits>}, at most 63 characters. The key is percent-decoded by
 * RFC 3986 rules ({@code +} stays {@code +}, {@code %2F} becomes {@code /}); the query string, if
 * the raw path still has one, is ignored.
 */
public final class CosAddressResolver {
    /** The longest key accepted, in UTF-8 bytes (the S3 and COS rule). */
    public static final int MAX_KEY_BYTES = 1024;

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9-]*-[0-9]+");
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final int MAX_BUCKET_LENGTH = 63;

    private final List<String> suffixes;

    /** @param domainSuffixes the COS domains served, e.g. {@code myqcloud.com}; case and a leading dot are ignored */
    public CosAddressResolver(Collection<String> domainSuffixes) {
        this.suffixes = domainSuffixes.stream()
                .map(s -> s.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.+", ""))
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /**
     * Resolves one request.
     *
     * @param hostHeader the {@code Host} header as received, possibly with {@code :port}; null is
     *     treated as empty
     * @param rawPath the request path as received, still percent-encoded
     * @return the address, or empty when the request does not address a bucket
     * @throws CosProtocolException {@link CosErrorCode#INVALID_ARGUMENT} when the key
     *     has a bad escape, is not UTF-8, or decodes to a control character or a character XML
     *     cannot carry; {@link CosErrorCode#KEY_TOO_LONG} when it exceeds {@value #MAX_KEY_BYTES} bytes
     */
    public Optional<CosAddress> resolve(String hostHeader, String rawPath) {
        String host = hostName(hostHeader);
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        Optional<String> pathRegion = Optional.empty();
        for (String suffix : suffixes) {
            if (host.endsWith("." + suffix)) {
                String[] labels = host.substring(0, host.length() - suffix.length() - 1).split("\\.", -1);
                Optional<String> region = switch (labels.length) {
                    case 2 -> Optional.of(labels[1]);
                    case 3 -> labels[1].equals("cos") ? Optional.of(labels[2]) : Optional.empty();
                    default -> Optional.empty();
                };
                boolean regionOk = region.map(r -> REGION.matcher(r).matches()).orElse(labels.length == 1);
                if (regionOk && isBucket(labels[0])) {
                    String key = key(path.substring(1));
                    return Optional.of(new CosAddress(labels[0], region, key, CosAddress.Style.VIRTUAL_HOST, host));
                }
                if (labels.length == 2 && labels[0].equals("cos") && regionOk) {
                    pathRegion = region; // cos.<region>.<suffix>: the regional endpoint, path style
                }
                break;
            }
        }
        int slash = path.indexOf('/', 1);
        String bucket = slash < 0 ? path.substring(1) : path.substring(1, slash);
        if (!isBucket(bucket)) {
            return Optional.empty();
        }
        String key = slash < 0 ? "" : key(path.substring(slash + 1));
        return Optional.of(new CosAddress(bucket, pathRegion, key, CosAddress.Style.PATH, host));
    }

    /** True when {@code name} is a valid {@code <name>-<appid>} bucket name. */
    public static boolean isBucket(String name) {
        return name.length() <= MAX_BUCKET_LENGTH && BUCKET.matcher(name).matches();
    }

    private static String hostName(String hostHeader) {
        String host = hostHeader == null ? "" : hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1); // IPv6 literal: never a COS domain
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    private static String key(String rawKey) {
        String key = PercentEncoding.decode(rawKey);
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || !XmlWriter.isXmlChar(cp)) {
                throw new CosProtocolException(CosErrorCode.INVALID_ARGUMENT,
                        "The object key contains a control character or a character that is not allowed.");
            }
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new CosProtocolException(CosErrorCode.KEY_TOO_LONG,
                    "Your key is too long: the limit is " + MAX_KEY_BYTES + " bytes of UTF-8.");
        }
        return key;
    }
}
