package io.openvod.platform.http;

import io.javalin.http.Context;
import io.openvod.platform.cos.CosAuthorizer;
import io.openvod.platform.cos.CosService;
import io.openvod.platform.cos.protocol.CompleteMultipartUploadParser;
import io.openvod.platform.cos.protocol.CosAddress;
import io.openvod.platform.cos.protocol.CosCors;
import io.openvod.platform.cos.protocol.CosErrorCode;
import io.openvod.platform.cos.protocol.CosProtocolException;
import io.openvod.platform.cos.protocol.CosXml;
import io.openvod.platform.ugc.UploadSession;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The COS-compatible object API (spec: upload-protocol §4): routes a request addressed to a
 * bucket to its operation. Writes and listings need a temporary credential of the upload
 * session that owns the key; object reads are public, like VOD media URLs.
 */
final class CosHandler {
    private final CosService cos;
    private final CosAuthorizer authorizer;
    private final ObjectReader reader;
    private final CosCors cors;
    private final String locationDomain;

    CosHandler(CosService cos, CosAuthorizer authorizer, ObjectReader reader, CosCors cors, String locationDomain) {
        this.cos = cos;
        this.authorizer = authorizer;
        this.reader = reader;
        this.cors = cors;
        this.locationDomain = locationDomain;
    }

    void handle(Context ctx, CosAddress address) throws IOException {
        String method = ctx.method().name();
        if (method.equals("OPTIONS")) {
            cors.preflight(ctx.header("Origin"), ctx.header("Access-Control-Request-Method"),
                    ctx.header("Access-Control-Request-Headers")).forEach(ctx::header);
            ctx.status(200);
            return;
        }
        cors.actual(ctx.header("Origin")).forEach(ctx::header);
        Map<String, List<String>> query = CosRequests.query(ctx);
        if (address.isBucketLevel()) {
            bucket(ctx, address, method, query);
        } else {
            object(ctx, address, method, query);
        }
    }

    private void bucket(Context ctx, CosAddress address, String method, Map<String, List<String>> query) {
        if (method.equals("GET") && CosRequests.has(query, "uploads")) {
            String prefix = CosRequests.param(query, "prefix").orElse("");
            UploadSession session = authorizer.authorize(CosRequests.signed(ctx, address, query), address, prefix);
            int max = number(CosRequests.param(query, "max-uploads"), 1000);
            xml(ctx, 200, CosXml.listMultipartUploadsResult(cos.listUploads(session, address, prefix, max,
                    CosRequests.param(query, "encoding-type").orElse(null))));
        } else if (method.equals("HEAD")) {
            ctx.status(200);
        } else {
            throw new CosProtocolException(CosErrorCode.METHOD_NOT_ALLOWED);
        }
    }

    private void object(Context ctx, CosAddress address, String method, Map<String, List<String>> query) throws IOException {
        Optional<String> uploadId = CosRequests.param(query, "uploadId");
        switch (method) {
            case "GET", "HEAD" -> {
                if (uploadId.isPresent() && method.equals("GET")) {
                    authorizer.authorize(CosRequests.signed(ctx, address, query), address, null);
                    int marker = number(CosRequests.param(query, "part-number-marker"), 0);
                    int max = number(CosRequests.param(query, "max-parts"), 1000);
                    xml(ctx, 200, CosXml.listPartsResult(cos.listParts(address, uploadId.get(), marker, max,
                            CosRequests.param(query, "encoding-type").orElse(null))));
                } else {
                    reader.serve(ctx, address, method.equals("HEAD"));
                }
            }
            case "PUT" -> {
                UploadSession session = authorizer.authorize(CosRequests.signed(ctx, address, query), address, null);
                long length = contentLength(ctx);
                Optional<String> md5 = CosRequests.header(ctx, "Content-MD5");
                String etag;
                try (InputStream body = RequestBody.of(ctx)) {
                    etag = uploadId.isPresent()
                            ? cos.uploadPart(session, address, uploadId.get(), CosRequests.param(query, "partNumber").orElse(""),
                                    body, length, md5)
                            : cos.putObject(session, address, body, length, md5);
                }
                ctx.header("ETag", etag);
                ctx.status(200);
            }
            case "POST" -> {
                UploadSession session = authorizer.authorize(CosRequests.signed(ctx, address, query), address, null);
                if (CosRequests.has(query, "uploads")) {
                    String id = cos.initiate(address, ctx.header("Content-Type"));
                    xml(ctx, 200, CosXml.initiateMultipartUploadResult(address.bucket(), address.key(), id));
                } else if (uploadId.isPresent()) {
                    String etag;
                    try (InputStream body = ctx.bodyInputStream()) {
                        etag = cos.complete(session, address, uploadId.get(), body, CompleteMultipartUploadParser.DEFAULT_MAX_BYTES,
                                CosRequests.header(ctx, "Content-MD5"));
                    }
                    xml(ctx, 200, CosXml.completeMultipartUploadResult(address.location(locationDomain), address.bucket(),
                            address.key(), etag));
                } else {
                    throw new CosProtocolException(CosErrorCode.METHOD_NOT_ALLOWED);
                }
            }
            case "DELETE" -> {
                authorizer.authorize(CosRequests.signed(ctx, address, query), address, null);
                cos.abort(address, uploadId.orElseThrow(() -> new CosProtocolException(CosErrorCode.METHOD_NOT_ALLOWED)));
                ctx.status(204);
            }
            default -> throw new CosProtocolException(CosErrorCode.METHOD_NOT_ALLOWED);
        }
    }

    private static long contentLength(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length < 0) {
            throw new CosProtocolException(CosErrorCode.MISSING_CONTENT_LENGTH);
        }
        return length;
    }

    private static int number(Optional<String> value, int fallback) {
        if (value.isEmpty() || value.get().isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new CosProtocolException(CosErrorCode.INVALID_ARGUMENT, "Not a number: " + value.get());
        }
    }

    static void xml(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(CosXml.CONTENT_TYPE).result(body);
    }
}
