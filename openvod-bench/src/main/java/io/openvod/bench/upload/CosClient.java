package io.openvod.bench.upload;

import io.openvod.signature.Credential;
import io.openvod.signature.cos.CosKeyTime;
import io.openvod.signature.cos.CosSigner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The COS multipart calls of an upload, as the web SDK makes them: path-style requests
 * ({@code <base>/<bucket>/<key>}) signed with the temporary credential of an ApplyUploadUGC answer
 * over the key path, the query parameters and, for bodies, {@code content-length}; the session
 * token goes in {@code x-cos-security-token}. A part's body is never held in memory whole: it is
 * either handed to the kernel from the file ({@link PartConnection}, {@code sendfile}) or streamed
 * from its slice of the file through {@link HttpClient} in the client's small buffers.
 */
public final class CosClient {
    private static final Pattern UPLOAD_ID = Pattern.compile("<UploadId>([^<]+)</UploadId>");

    private final HttpClient http;
    private final String base;
    private final String bucket;
    private final CosSigner signer;
    private final String token;
    private final CosKeyTime keyTime;
    private final Duration timeout;

    /**
     * A client of the bucket {@code bucket} ({@code <name>-<appid>}) at {@code base} ({@code http://HOST:PORT}),
     * signing with the temporary {@code credential} and its session {@code token} for {@code keyTime}.
     */
    public CosClient(HttpClient http, String base, String bucket, Credential credential, String token, CosKeyTime keyTime,
                     Duration timeout) {
        this.http = http;
        this.base = base;
        this.bucket = bucket;
        this.signer = new CosSigner(credential);
        this.token = token;
        this.keyTime = keyTime;
        this.timeout = timeout;
    }

    /** Initiate Multipart Upload; returns the upload id. */
    String initiate(String key) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", key, params("uploads", ""), Map.of(), HttpRequest.BodyPublishers.noBody());
        Matcher m = UPLOAD_ID.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IOException("Initiate Multipart Upload answered " + response.statusCode() + ": " + response.body());
        }
        return m.group(1);
    }

    /**
     * Upload Part of bytes {@code [offset, offset + length)} of {@code file} on {@code connection}
     * (the bytes go from the file to the socket in the kernel), with {@code contentMd5} (Base64) when
     * not null; returns the quoted ETag.
     */
    String uploadPart(PartConnection connection, String key, String uploadId, int partNumber, FileChannel file, long offset,
                      long length, String contentMd5) throws IOException {
        Map<String, String> query = params("partNumber", Integer.toString(partNumber), "uploadId", uploadId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization("PUT", key, query, Map.of("content-length", Long.toString(length))));
        headers.put("x-cos-security-token", token);
        if (contentMd5 != null) {
            headers.put("Content-MD5", contentMd5);
        }
        PartConnection.Response response = connection.put(target(key, query), headers, file, offset, length);
        if (response.status() != 200 || response.etag().isEmpty()) {
            throw new IOException("Upload Part " + partNumber + " answered " + response.status() + ": " + response.body());
        }
        return response.etag();
    }

    /**
     * Upload Part of bytes {@code [offset, offset + length)} of {@code file} through {@link HttpClient},
     * streamed from the file in the client's buffers; returns the quoted ETag.
     */
    String uploadPart(String key, String uploadId, int partNumber, Path file, long offset, long length)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new FileSlice(file, offset, length)), length);
        HttpResponse<String> response = send("PUT", key, params("partNumber", Integer.toString(partNumber), "uploadId", uploadId),
                Map.of("content-length", Long.toString(length)), body);
        String etag = response.headers().firstValue("ETag").orElse("");
        if (response.statusCode() != 200 || etag.isEmpty()) {
            throw new IOException("Upload Part " + partNumber + " answered " + response.statusCode() + ": " + response.body());
        }
        return etag;
    }

    /** PUT Object of {@code body} in one request (a simple upload); returns the answer, whatever its status. */
    public HttpResponse<String> putObject(String key, byte[] body) throws IOException, InterruptedException {
        return send("PUT", key, Map.of(), Map.of("content-length", Integer.toString(body.length)),
                HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** Complete Multipart Upload with the parts' ETags in part order; returns the answer's body. */
    String complete(String key, String uploadId, List<String> quotedEtags) throws IOException, InterruptedException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><CompleteMultipartUpload>");
        for (int i = 0; i < quotedEtags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>")
                    .append(quotedEtags.get(i).replace("\"", "&quot;")).append("</ETag></Part>");
        }
        xml.append("</CompleteMultipartUpload>");
        HttpResponse<String> response = send("POST", key, params("uploadId", uploadId), Map.of("content-type", "application/xml"),
                HttpRequest.BodyPublishers.ofString(xml.toString()));
        if (response.statusCode() != 200 || !response.body().contains("<CompleteMultipartUploadResult>")) {
            throw new IOException("Complete Multipart Upload answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(String method, String key, Map<String, String> query, Map<String, String> headers,
                                      HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target(key, query))).timeout(timeout)
                .method(method, body).header("Authorization", authorization(method, key, query, headers))
                .header("x-cos-security-token", token);
        // The client sets Content-Length from the body publisher; it may not be set by hand.
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("content-length")) {
                request.header(k, v);
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The signature over the key path, {@code query} and {@code headers} (all but content-type, as cos-js signs). */
    private String authorization(String method, String key, Map<String, String> query, Map<String, String> headers) {
        Map<String, String> signed = new TreeMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("content-type")) {
                signed.put(k.toLowerCase(Locale.ROOT), v);
            }
        });
        return signer.sign(keyTime, method, "/" + key, query, signed).authorization();
    }

    /** The request target of a path-style request: {@code /<bucket>/<encoded key>?<query>}. */
    private String target(String key, Map<String, String> query) {
        StringBuilder target = new StringBuilder().append('/').append(bucket);
        for (String segment : key.split("/", -1)) {
            target.append('/').append(encode(segment));
        }
        char separator = '?';
        for (Map.Entry<String, String> p : query.entrySet()) {
            target.append(separator).append(encode(p.getKey()));
            if (!p.getValue().isEmpty()) {
                target.append('=').append(encode(p.getValue()));
            }
            separator = '&';
        }
        return target.toString();
    }

    private static Map<String, String> params(String... nameValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Bytes {@code [offset, offset + length)} of a file as a stream, read with positional reads; closes the file at its end. */
    static final class FileSlice extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;
        private boolean closed;

        FileSlice(Path file, long offset, long length) {
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot open " + file, e);
            }
            this.position = offset;
            this.end = offset + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                close();
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n < 0) {
                throw new IOException("the file ended at byte " + position + ", before the slice's end " + end);
            }
            position += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                channel.close();
            }
        }
    }
}
