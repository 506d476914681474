package io.openvod.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.openvod.core.OpenVodException;
import io.openvod.core.trace.TraceParent;
import io.openvod.platform.storage.StorageException;
import io.openvod.platform.ugc.UgcBody;
import io.openvod.platform.ugc.UgcError;
import io.openvod.platform.ugc.UgcException;
import io.openvod.platform.ugc.UgcService;
import io.openvod.platform.ugc.UploadCommitter;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /v3/index.php?Action=PrepareUploadUGC|ApplyUploadUGC|CommitUploadUGC} (spec:
 * upload-protocol §3). Always HTTP 200 with {@code {"code": <number>, "message": …, "data": {…}}};
 * CORS for any origin (the web SDK sends no credentials). A valid W3C {@code traceparent} header of
 * ApplyUploadUGC names the upload's trace.
 */
final class UgcHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UgcHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private final UgcService ugc;
    private final UploadCommitter committer;

    UgcHandler(UgcService ugc, UploadCommitter committer) {
        this.ugc = ugc;
        this.committer = committer;
    }

    void preflight(Context ctx) {
        cors(ctx);
        String requested = ctx.header("Access-Control-Request-Headers");
        ctx.header("Access-Control-Allow-Methods", "POST, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", requested != null && requested.matches("[A-Za-z0-9, -]{1,512}")
                ? requested : "Content-Type");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(204);
    }

    void handle(Context ctx) {
        cors(ctx);
        String action = ctx.queryParam("Action");
        ObjectNode answer = JSON.createObjectNode();
        try {
            ObjectNode body = body(ctx);
            ObjectNode data = switch (action == null ? "" : action) {
                case "PrepareUploadUGC" -> ugc.prepare(body);
                case "ApplyUploadUGC" -> ugc.apply(body, TraceParent.parse(ctx.header("traceparent")));
                case "CommitUploadUGC" -> committer.commit(body);
                default -> throw new UgcException(UgcError.UNSUPPORTED_ACTION, "unsupported action: " + action);
            };
            answer.put("code", 0).put("message", "成功").set("data", data);
        } catch (UgcException e) {
            LOG.info("{} refused with {}: {}", action, e.error().tencentCode(), e.getMessage());
            failure(answer, e.error(), e.getMessage());
        } catch (StorageException e) {
            LOG.warn("{} failed in storage: {}", action, e.toString());
            failure(answer, UgcError.UPLOAD_UNAVAILABLE, "storage unavailable; retry");
        } catch (OpenVodException e) {
            LOG.warn("{} failed: {}", action, e.toString());
            failure(answer, e.errorCode().retryable() ? UgcError.UPLOAD_UNAVAILABLE : UgcError.UPLOAD_INTERNAL, e.errorCode().code());
        } catch (RuntimeException e) {
            LOG.error("{} failed; request id {}", action, PlatformHttpServer.requestId(ctx), e);
            failure(answer, UgcError.UPLOAD_INTERNAL, "internal error; request id " + PlatformHttpServer.requestId(ctx));
        }
        ctx.status(200).contentType("application/json; charset=utf-8").result(answer.toString());
    }

    private static void failure(ObjectNode answer, UgcError error, String message) {
        answer.put("code", error.tencentCode()).put("message", message).putObject("data");
    }

    private static void cors(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
    }

    private static ObjectNode body(Context ctx) {
        byte[] bytes;
        try (InputStream in = ctx.bodyInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw new UgcException(UgcError.INVALID_REQUEST, "invalid request: the body could not be read");
        }
        if (bytes.length > MAX_BODY) {
            UnreadBody.discard(ctx);
            throw new UgcException(UgcError.INVALID_REQUEST, "invalid request: the body is larger than " + MAX_BODY + " bytes");
        }
        return UgcBody.parse(bytes);
    }
}
