package io.openvod.platform.http;

import io.javalin.http.Context;
import io.openvod.platform.cloudapi.CloudApiEndpoint;
import io.openvod.signature.RequestHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * HTTP for the API 3.0 endpoint ({@code POST /} with {@code X-TC-Action}): reads the body (at most
 * 1 MiB), hands the request to {@link CloudApiEndpoint} and writes its envelope — always with HTTP
 * 200, {@code Content-Type: application/json} and {@code X-TC-RequestId}.
 */
final class CloudApiHandler {
    static final int MAX_BODY = 1 << 20;
    private final CloudApiEndpoint endpoint;

    CloudApiHandler(CloudApiEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    void handle(Context ctx) {
        CloudApiEndpoint.Answer answer;
        byte[] body;
        try {
            body = readBody(ctx);
        } catch (RuntimeException e) {
            answer = endpoint.refuse("InvalidParameter", "The request body could not be read.");
            write(ctx, answer);
            return;
        }
        if (body == null) {
            UnreadBody.discard(ctx);
            answer = endpoint.refuse("InvalidParameter", "The request body is larger than " + MAX_BODY + " bytes.");
        } else {
            RequestHeaders headers = name -> Optional.ofNullable(ctx.header(name));
            String query = ctx.req().getQueryString();
            answer = endpoint.call(ctx.method().name(), query == null ? "" : query, headers, body);
        }
        write(ctx, answer);
    }

    private static void write(Context ctx, CloudApiEndpoint.Answer answer) {
        ctx.status(200);
        ctx.header("X-TC-RequestId", answer.requestId());
        ctx.header("Content-Length", Integer.toString(answer.json().length));
        ctx.contentType("application/json; charset=utf-8");
        ctx.result(answer.json());
    }

    /** The body, or null when it is larger than {@link #MAX_BODY}. */
    private static byte[] readBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY) {
            return null;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? null : bytes;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
