package io.openvod.platform.http;

import io.javalin.http.Context;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.cos.protocol.ByteRange;
import io.openvod.platform.cos.protocol.CosAddress;
import io.openvod.platform.cos.protocol.CosErrorCode;
import io.openvod.platform.cos.protocol.CosProtocolException;
import io.openvod.platform.storage.ObjectInfo;
import io.openvod.platform.storage.ObjectKeys;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.ugc.StorageLayout;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GET and HEAD Object with {@code Range}: what players fetch media and covers with. Files of
 * media whose status is {@code Forbidden} (a review blocked it, or ForbidMediaDistribution) are
 * refused with {@code AccessDenied} unless serving them is allowed.
 */
final class ObjectReader {
    private static final Map<String, String> TYPES = Map.of("mp4", "video/mp4", "m3u8", "application/vnd.apple.mpegurl",
            "ts", "video/mp2t", "jpg", "image/jpeg", "jpeg", "image/jpeg", "png", "image/png", "webp", "image/webp",
            "mov", "video/quicktime", "webm", "video/webm", "gif", "image/gif");

    private final ObjectStore store;
    private final MediaCatalog catalog;
    private final boolean serveForbidden;

    ObjectReader(ObjectStore store, MediaCatalog catalog, boolean serveForbidden) {
        this.store = store;
        this.catalog = catalog;
        this.serveForbidden = serveForbidden;
    }

    void serve(Context ctx, CosAddress address, boolean headOnly) {
        String storeKey = StorageLayout.storeKey(address.bucket(), address.key());
        if (!ObjectKeys.isValid(storeKey) || address.key().startsWith("_")) {
            throw new CosProtocolException(CosErrorCode.NO_SUCH_KEY);
        }
        if (!serveForbidden && forbidden(address.key())) {
            throw new CosProtocolException(CosErrorCode.ACCESS_DENIED, "The media is forbidden.");
        }
        ObjectInfo info = store.stat(storeKey).orElseThrow(() -> new CosProtocolException(CosErrorCode.NO_SUCH_KEY));
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(ctx.header("Range"), info.size());
        } catch (CosProtocolException e) {
            if (e.code() == CosErrorCode.INVALID_RANGE) {
                ctx.header("Content-Range", ByteRange.unsatisfiedContentRange(info.size()));
            }
            throw e;
        }
        long offset = range.map(ByteRange::offset).orElse(0L);
        long length = range.map(ByteRange::length).orElse(info.size());
        // Opened before any success header is set, so that a failure here answers a clean error.
        InputStream body = !headOnly && length > 0 ? store.read(storeKey, offset, length) : null;
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(info.lastModified().atOffset(ZoneOffset.UTC)));
        ctx.contentType(contentType(address.key()));
        range.ifPresent(r -> ctx.header("Content-Range", r.contentRange(info.size())));
        ctx.status(range.isPresent() ? 206 : 200);
        ctx.header("Content-Length", Long.toString(length));
        if (body != null) {
            ctx.result(body);
        }
    }

    private boolean forbidden(String key) {
        return StorageLayout.fileIdOf(key).flatMap(catalog::find).filter(m -> m.status().equals(Media.FORBIDDEN)).isPresent();
    }

    private static String contentType(String key) {
        int dot = key.lastIndexOf('.');
        String ext = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
