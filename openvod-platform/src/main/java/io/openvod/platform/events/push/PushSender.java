package io.openvod.platform.events.push;

import io.openvod.platform.events.CallbackUrlPolicy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one event: checks the URL against the callback policy (resolving the host again, since a
 * name may point elsewhere now), then POSTs the stored body, with its application named
 * ({@link ApplicationBinding}), as UTF-8 JSON without following redirects, with the Standard
 * Webhooks headers when signing and the application has a secret, and OpenVOD's own headers.
 * Only a 2xx answer within the timeout counts as delivered.
 */
final class PushSender {
    /** What became of one POST: {@code error} is null when the receiver accepted it. */
    record Outcome(String error) {
        boolean delivered() {
            return error == null;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final CallbackUrlPolicy policy;
    private final WebhookSigner signer;
    private final boolean signed;
    private final Clock clock;

    PushSender(Duration timeout, CallbackUrlPolicy policy, WebhookSigner signer, boolean signed, Clock clock) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.timeout = timeout;
        this.policy = policy;
        this.signer = signer;
        this.signed = signed;
        this.clock = clock;
    }

    Outcome send(PushDelivery d) throws InterruptedException {
        String url = d.targetUrl();
        if (url == null || url.isEmpty()) {
            return new Outcome("no callback URL");
        }
        String refused = policy.refusal(url);
        if (refused != null) {
            return new Outcome("callback URL refused: " + refused);
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url));
        } catch (IllegalArgumentException e) {
            return new Outcome("callback URL refused: not a URL");
        }
        String body = ApplicationBinding.bind(d.body(), d.subAppId());
        request.timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-OpenVOD-Event-Id", d.eventId())
                .header("X-OpenVOD-Event-Type", d.eventType())
                .header("X-OpenVOD-File-Id", d.fileId())
                .header("X-OpenVOD-Sequence", Long.toString(d.seq()))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signed) {
            long timestamp = clock.instant().getEpochSecond();
            signer.signature(d.subAppId(), d.eventId(), timestamp, body).ifPresent(signature -> request
                    .header("webhook-id", d.eventId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature));
        }
        CompletableFuture<HttpResponse<Void>> call = client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        try {
            // The request timeout covers the answer's headers; this bounds the whole exchange.
            int status = call.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS).statusCode();
            return status >= 200 && status < 300 ? new Outcome(null) : new Outcome("HTTP " + status);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Outcome(timedOut());
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            return new Outcome(describe(e.getCause()));
        }
    }

    private String timedOut() {
        return "timed out after " + timeout.toMillis() + " ms";
    }

    private String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect " + timedOut();
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut();
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException) {
            return "I/O error: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        }
        return "failed: " + cause.getClass().getSimpleName();
    }

    void close() {
        client.shutdownNow();
    }
}
