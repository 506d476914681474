package io.openvod.platform.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URLs media players fetch a platform's objects from, {@code <base>/<bucket>/<key>}, on the
 * platform's <em>current</em> media base ({@code platform.http.mediaBaseUrl}, else its public URL).
 *
 * <p>URLs are stored as they were made — in the catalog, in task outputs, in the event outbox — so
 * a URL made before the platform moved (another port after a restart, a new public URL or CDN) names
 * the old base. Every answer and every event delivery therefore passes its URLs through
 * {@link #current(String)}: a URL of an object of an OpenVOD bucket — its path holds
 * {@code /vod<SubAppId>-<AppId>/<SubAppId>/<digits>/}, the shape of every key the platform makes — is
 * answered on the current base; any other text is left as it is. Tencent's wire format is kept:
 * absolute URLs.
 */
public final class MediaUrls {
    /** The bucket and the start of a key, {@code /vod<SubAppId>-<AppId>/<SubAppId>/<FileId>/}, where a URL's base ends. */
    private static final String OBJECT = "/vod([0-9]{1,19})-[0-9]{1,19}/\\1/[0-9]{1,19}/";
    private static final Pattern ONE = Pattern.compile("^https?://[^\"\\s]*?(?=" + OBJECT + ")");
    private static final Pattern IN_JSON = Pattern.compile("(?<=\")https?://[^\"\\s\\\\]*?(?=" + OBJECT + ")");

    /** URLs as they were stored: {@link #current} changes nothing (for components used without a platform's address). */
    public static final MediaUrls UNCHANGED = new MediaUrls("", false);

    private final String base;
    private final boolean rebase;

    /** @param base the current base of media URLs, e.g. {@code http://127.0.0.1:8082}; a trailing slash is dropped */
    public MediaUrls(String base) {
        this(Objects.requireNonNull(base, "base == null"), true);
    }

    private MediaUrls(String base, boolean rebase) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.rebase = rebase;
    }

    /** The current base, without a trailing slash. */
    public String base() {
        return base;
    }

    /** The URL of {@code key} in {@code bucket}. */
    public String url(String bucket, String key) {
        return base + "/" + bucket + "/" + key;
    }

    /** {@code url} on the current base when it is a URL of an OpenVOD bucket's object; otherwise {@code url} itself. */
    public String current(String url) {
        if (!rebase) {
            return url;
        }
        Matcher m = ONE.matcher(url);
        return m.find() ? base + url.substring(m.end()) : url;
    }

    /** {@code media} with its media and cover URLs on the current base. */
    public Media current(Media media) {
        return new Media(media.fileId(), media.appId(), media.subAppId(), media.name(), media.description(), media.type(),
                media.classId(), media.bucket(), media.storageRegion(), media.mediaKey(), current(media.mediaUrl()), media.coverKey(),
                current(media.coverUrl()), media.sourceContext(), media.size(), media.metadataJson(), media.probeError(),
                media.status(), media.expireAt(), media.createdAt(), media.updatedAt());
    }

    /** Puts every URL among the string values of {@code node}, however deep, on the current base, in place; answers {@code node}. */
    public JsonNode currentIn(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : object.properties().stream().map(Map.Entry::getKey).toList()) {
                JsonNode value = object.get(name);
                if (value.isTextual()) {
                    object.set(name, TextNode.valueOf(current(value.asText())));
                } else {
                    currentIn(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(current(array.get(i).asText())));
                } else {
                    currentIn(array.get(i));
                }
            }
        }
        return node;
    }

    /**
     * A JSON text (a stored event body) with the URLs among its string values on the current base;
     * nothing else of it changes, byte for byte.
     */
    public String currentInJson(String json) {
        return rebase ? IN_JSON.matcher(json).replaceAll(Matcher.quoteReplacement(base)) : json;
    }
}
