package io.openvod.client;

import io.openvod.signature.cos.CosSigner;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The COS object API calls of a multipart upload, path style ({@code <platform>/<bucket>/<key>}),
 * signed with COS q-sign by the temporary credentials of an {@link ApplyAnswer}, the security token
 * in {@code x-cos-security-token}. Answers other than 2xx become {@link UploadException}s: 5xx and
 * COS's {@code RequestTimeout}, {@code SlowDown} and {@code ServiceUnavailable} as
 * {@link UploadError#UNAVAILABLE}, other 4xx as {@link UploadError#COS_REJECTED}.
 */
final class CosApi {
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");
    private static final Pattern PART = Pattern.compile("<Part>(.*?)</Part>", Pattern.DOTALL);
    private static final Set<String> TRANSIENT_CODES = Set.of("RequestTimeout", "SlowDown", "ServiceUnavailable", "InternalError");

    /** A part as List Parts reports it. */
    record ListedPart(int number, String etag, long size) {
    }

    private final String base;
    private final Transport transport;

    CosApi(String platform, Transport transport) {
        this.base = platform.endsWith("/") ? platform.substring(0, platform.length() - 1) : platform;
        this.transport = transport;
    }

    String initiate(ApplyAnswer s, String key) throws UploadException {
        HttpResponse<String> r = send(s, "POST", key, params("uploads", ""), Map.of(), HttpRequest.BodyPublishers.noBody(),
                "Initiate Multipart Upload");
        Matcher m = UPLOAD_ID.matcher(r.body());
        if (!m.find()) {
            throw new UploadException(UploadError.PROTOCOL, "Initiate Multipart Upload answered without an UploadId");
        }
        return unescape(m.group(1));
    }

    /** Uploads one part; returns its ETag as sent (quoted). */
    String uploadPart(ApplyAnswer s, String key, String uploadId, int number, HttpRequest.BodyPublisher body, long length,
                      String md5Base64) throws UploadException {
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-length", Long.toString(length));
        headers.put("content-md5", md5Base64);
        HttpResponse<String> r = send(s, "PUT", key, params("partNumber", Integer.toString(number), "uploadId", uploadId), headers, body,
                "Upload Part " + number);
        return r.headers().firstValue("ETag").orElseThrow(
                () -> new UploadException(UploadError.PROTOCOL, "Upload Part " + number + " answered without an ETag"));
    }

    /** Puts a whole object in one request (a cover, or an empty video). */
    void putObject(ApplyAnswer s, String key, byte[] bytes, String md5Base64) throws UploadException {
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-length", Integer.toString(bytes.length));
        headers.put("content-md5", md5Base64);
        send(s, "PUT", key, Map.of(), headers, HttpRequest.BodyPublishers.ofByteArray(bytes), "Put Object");
    }

    /** Every part of an upload, page after page. */
    List<ListedPart> listParts(ApplyAnswer s, String key, String uploadId) throws UploadException {
        List<ListedPart> parts = new ArrayList<>();
        String marker = "0";
        while (true) {
            HttpResponse<String> r = send(s, "GET", key, params("uploadId", uploadId, "part-number-marker", marker), Map.of(),
                    HttpRequest.BodyPublishers.noBody(), "List Parts");
            String body = r.body();
            Matcher m = PART.matcher(body);
            while (m.find()) {
                String part = m.group(1);
                try {
                    parts.add(new ListedPart(Integer.parseInt(element(part, "PartNumber")), unescape(element(part, "ETag")),
                            Long.parseLong(element(part, "Size"))));
                } catch (RuntimeException e) {
                    throw new UploadException(UploadError.PROTOCOL, "List Parts answered a part that cannot be read", e);
                }
            }
            if (!"true".equals(element(body, "IsTruncated"))) {
                return parts;
            }
            String next = element(body, "NextPartNumberMarker");
            if (next == null || next.equals(marker)) {
                return parts;
            }
            marker = next;
        }
    }

    void complete(ApplyAnswer s, String key, String uploadId, List<String> quotedEtags) throws UploadException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><CompleteMultipartUpload>");
        for (int i = 0; i < quotedEtags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>")
                    .append(quotedEtags.get(i).replace("&", "&amp;").replace("\"", "&quot;")).append("</ETag></Part>");
        }
        xml.append("</CompleteMultipartUpload>");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-md5", Digests.md5Base64(body));
        headers.put("content-type", "application/xml");
        send(s, "POST", key, params("uploadId", uploadId), headers, HttpRequest.BodyPublishers.ofByteArray(body),
                "Complete Multipart Upload");
    }

    private HttpResponse<String> send(ApplyAnswer s, String method, String key, Map<String, String> query, Map<String, String> headers,
                                      HttpRequest.BodyPublisher body, String what) throws UploadException {
        Map<String, String> signed = new TreeMap<>();
        headers.forEach((k, v) -> {
            if (!k.equals("content-type")) {
                signed.put(k, v);
            }
        });
        String pathname = "/" + key;
        String authorization = new CosSigner(s.credential()).sign(s.keyTime(), method, pathname, query, signed).authorization();
        StringBuilder url = new StringBuilder(base).append('/').append(s.bucket()).append(encodePath(key));
        String separator = "?";
        for (Map.Entry<String, String> p : query.entrySet()) {
            url.append(separator).append(encode(p.getKey()));
            if (!p.getValue().isEmpty()) {
                url.append('=').append(encode(p.getValue()));
            }
            separator = "&";
        }
        HttpRequest.Builder request = transport.request(URI.create(url.toString())).method(method, body)
                .header("Authorization", authorization).header("x-cos-security-token", s.token());
        headers.forEach((k, v) -> {
            if (!k.equals("content-length")) {
                request.header(k, v);
            }
        });
        HttpResponse<String> response = transport.send(request.build(), what);
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response;
        }
        String code = element(response.body(), "Code");
        String message = element(response.body(), "Message");
        code = code == null ? "HTTP" + status : code;
        UploadError error = status >= 500 || TRANSIENT_CODES.contains(code) ? UploadError.UNAVAILABLE : UploadError.COS_REJECTED;
        throw UploadException.cos(error, status, code, what + " refused" + (message == null ? "" : ": " + message));
    }

    /** True when COS refused the temporary credentials as expired (a fresh Apply gives new ones). */
    static boolean credentialsExpired(UploadException e) {
        String code = e.cosCode();
        if (code == null) {
            return false;
        }
        return code.equals("ExpiredToken") || code.equals("RequestTimeTooSkewed")
                || (code.equals("AccessDenied") && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("expired"));
    }

    private static Map<String, String> params(String... nameValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.put(nameValues[i], nameValues[i + 1]);
        }
        return map;
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&amp;", "&");
    }

    private static String encodePath(String key) {
        StringBuilder out = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            out.append('/').append(encode(segment));
        }
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
