package io.openvod.app.http;

import io.javalin.http.Context;
import io.openvod.app.config.WebConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The upload page: the files of {@code web/} on the class path, read once at start and served at
 * {@code /} (the page) and {@code /<name>} with their content types, a strong ETag, and
 * {@code Cache-Control: no-cache} (browsers revalidate, and a 304 costs no body), plus a
 * Content-Security-Policy that lets the page talk only to this backend and the platform.
 */
final class WebAssets {
    /** The page's files; each is served under its own name, {@code index.html} also at {@code /}. */
    static final String[] FILES = {"index.html", "app.css", "app.js", "ugc-upload.js", "qsign.js", "player.js"};

    private record Asset(byte[] body, String contentType, String etag) {
    }

    private final Map<String, Asset> assets = new LinkedHashMap<>();
    private final String contentSecurityPolicy;

    WebAssets(WebConfig web) {
        for (String name : FILES) {
            byte[] body = read("web/" + name);
            assets.put("/" + name, new Asset(body, contentType(name), etag(body)));
        }
        assets.put("/", assets.get("/index.html"));
        String platform = web.platformOrigin();
        contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' " + platform
                + "; img-src 'self' data: blob: http: https:; media-src 'self' blob: http: https:; object-src 'none'"
                + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The paths served: {@code /} and {@code /<file>}. */
    Iterable<String> paths() {
        return assets.keySet();
    }

    void serve(Context ctx) {
        Asset asset = assets.get(ctx.path());
        if (asset == null) {
            ctx.status(404);
            return;
        }
        ctx.header("Cache-Control", "no-cache");
        ctx.header("ETag", asset.etag());
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (asset.contentType().startsWith("text/html")) {
            ctx.header("Content-Security-Policy", contentSecurityPolicy);
        }
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.equals(asset.etag()) || ifNoneMatch.equals("W/" + asset.etag()))) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType(asset.contentType()).result(asset.body());
    }

    static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            default -> throw new IllegalArgumentException("no content type for " + name);
        };
    }

    private static byte[] read(String resource) {
        try (InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the page's file " + resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
