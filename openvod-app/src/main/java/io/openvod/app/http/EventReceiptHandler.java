package io.openvod.app.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.receipt.EventReceipts;
import io.openvod.app.receipt.ForeignEventException;
import io.openvod.app.receipt.MalformedEventException;
import io.openvod.core.Secret;
import io.openvod.core.trace.TraceParent;
import io.openvod.signature.webhook.StandardWebhooks;
import io.openvod.signature.webhook.WebhookVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/vod/events[/<pathToken>]}: VOD's event callbacks. The body (Tencent's v3 or
 * v2 event, at most {@code maxBodyBytes}) is checked — the path token when one is configured, the
 * Standard Webhooks signature when secrets are configured, then that the event is for this app's
 * VOD application ({@link EventReceipts}) — and stored durably before the answer
 * {@code 200}; processing happens afterwards from the stored copy. A repeated delivery answers
 * {@code 200} too (with {@code duplicate: true}). OpenVOD's {@code X-OpenVOD-Event-Id} (or
 * {@code webhook-id}) and {@code X-OpenVOD-Sequence} headers are kept with the event, and a valid
 * {@code traceparent} header names the trace it belongs to ({@link io.openvod.app.receipt.EventTrace}).
 */
final class EventReceiptHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(EventReceiptHandler.class);

    private final EventReceipts receipts;
    private final ReceiptConfig config;
    private final StandardWebhooks webhooks;
    private final Clock clock;

    EventReceiptHandler(EventReceipts receipts, ReceiptConfig config, Clock clock) {
        this.receipts = receipts;
        this.config = config;
        this.webhooks = StandardWebhooks.fromSecrets(config.webhookSecrets().stream().map(Secret::reveal).toList());
        this.clock = clock;
    }

    @Override
    public void handle(Context ctx) {
        if (!pathAllowed(ctx.pathParamMap().get("token"))) {
            throw new AppException(AppError.ENDPOINT_NOT_FOUND, "no endpoint " + ctx.method() + " " + ctx.path().replaceAll(
                    "/events/.*", "/events/…"));
        }
        byte[] body = read(ctx);
        if (webhooks.hasKeys()) {
            WebhookVerdict verdict = webhooks.verify(ctx.header("webhook-id"), ctx.header("webhook-timestamp"),
                    ctx.header("webhook-signature"), body, clock.instant(), config.tolerance());
            if (verdict != WebhookVerdict.VALID) {
                LOG.warn("event push refused: {} (request {})", verdict, AppHttpServer.requestId(ctx));
                throw new AppException(AppError.WEBHOOK_SIGNATURE_INVALID, "the event's signature is not valid: " + verdict);
            }
        }
        Optional<String> eventId = Optional.ofNullable(ctx.header("X-OpenVOD-Event-Id")).or(() -> Optional.ofNullable(ctx.header("webhook-id")))
                .filter(id -> !id.isBlank() && id.length() <= 128);
        long sequence = sequence(ctx.header("X-OpenVOD-Sequence"));
        EventReceipts.Receipt receipt;
        try {
            receipt = receipts.receive("push", body, eventId, sequence, webhooks.hasKeys(),
                    TraceParent.parse(ctx.header("traceparent")));
        } catch (ForeignEventException e) {
            LOG.warn("event push refused: {} (request {})", e.getMessage(), AppHttpServer.requestId(ctx));
            throw new AppException(AppError.EVENT_OTHER_APPLICATION, e.getMessage());
        } catch (MalformedEventException e) {
            LOG.warn("event push refused: {} (request {})", e.getMessage(), AppHttpServer.requestId(ctx));
            throw new AppException(AppError.EVENT_MALFORMED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("storing a pushed event failed (request {})", AppHttpServer.requestId(ctx), e);
            throw new AppException(AppError.RECEIPT_UNAVAILABLE, "the event could not be stored; retry");
        }
        AppHttpServer.json(ctx, 200, Envelope.ok(Envelope.data().put("id", receipt.id()).put("duplicate", receipt.duplicate())
                .put("eventType", receipt.parsed().event().eventType())));
    }

    private boolean pathAllowed(String token) {
        if (config.pathToken() == null) {
            return token == null;
        }
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                config.pathToken().reveal().getBytes(StandardCharsets.UTF_8));
    }

    private byte[] read(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(config.maxBodyBytes() + 1);
            if (body.length > config.maxBodyBytes()) {
                RefusedBody.drop(ctx, in);
                throw new AppException(AppError.EVENT_TOO_LARGE, "the body is larger than " + config.maxBodyBytes() + " bytes");
            }
            return body;
        } catch (IOException e) {
            throw new AppException(AppError.EVENT_MALFORMED, "the body could not be read: " + e.getMessage());
        }
    }

    private static long sequence(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
