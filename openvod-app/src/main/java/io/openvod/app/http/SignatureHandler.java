package io.openvod.app.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.openvod.app.account.Principal;
import io.openvod.app.auth.BearerAuthenticator;
import io.openvod.app.config.AppHttpConfig;
import io.openvod.app.policy.SignatureRequest;
import io.openvod.app.ratelimit.RateLimiter;
import io.openvod.app.signing.IssuedUploadSignature;
import io.openvod.app.signing.SignatureService;
import io.openvod.core.trace.LogContext;
import io.openvod.core.trace.TraceParent;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code GET|POST /api/v1/upload-signature}: rate limit by address, authenticate, rate limit by
 * user, then ask the signature service. Answers
 * {@code {"code":0,"message":"ok","data":{"signature":"…","traceparent":"00-…-01"}}}: the request
 * begins the upload's trace, whose id is the request id's hex digits
 * ({@link TraceParent#ofRequestId}); every answer of this endpoint, refusals too, names it in a
 * {@code traceparent} header.
 */
final class SignatureHandler implements Handler {
    static final String TRACEPARENT = "traceparent";
    private final SignatureService signatures;
    private final BearerAuthenticator authenticator;
    private final RateLimiter perUser;
    private final RateLimiter perIp;
    private final AppHttpConfig config;

    SignatureHandler(SignatureService signatures, BearerAuthenticator authenticator, RateLimiter perUser,
                     RateLimiter perIp, AppHttpConfig config) {
        this.signatures = signatures;
        this.authenticator = authenticator;
        this.perUser = perUser;
        this.perIp = perIp;
        this.config = config;
    }

    @Override
    public void handle(Context ctx) {
        String requestId = AppHttpServer.requestId(ctx);
        TraceParent trace = TraceParent.ofRequestId(requestId).orElseThrow(() ->
                new IllegalStateException("the request id " + requestId + " is not a UUID"));
        ctx.header(TRACEPARENT, trace.header());
        String ip = ClientAddress.of(ctx, config.trustForwardedFor());
        limit(perIp, "ip:" + ip, "address " + ip);
        Principal principal = authenticator.authenticate(Optional.ofNullable(ctx.header("Authorization")));
        limit(perUser, "user:" + principal.userId(), "user " + principal.userId());
        SignatureRequest request = SignatureRequestParser.parse(RequestFields.read(ctx, config.maxBodyBytes()));
        // The request thread does not wait for the audit row's commit: the answer is written when it completes.
        CompletableFuture<IssuedUploadSignature> issued = signatures.issue(principal, request, ip, requestId);
        ctx.future(() -> issued.handle((signature, error) -> {
            try (LogContext logs = LogContext.ofRequest(requestId)) {
                if (error == null) {
                    AppHttpServer.json(ctx, 200, Envelope.signature(signature.signature(), signature.trace().header()));
                } else {
                    AppHttpServer.failAsync(ctx, error instanceof CompletionException c && c.getCause() != null ? c.getCause() : error);
                }
            }
            return null;
        }));
    }

    static void limit(RateLimiter limiter, String key, String who) {
        limiter.acquire(key).ifPresent(wait -> {
            throw new AppException(AppError.RATE_LIMITED, "too many requests from " + who + "; retry in " + wait + " s", wait);
        });
    }
}
