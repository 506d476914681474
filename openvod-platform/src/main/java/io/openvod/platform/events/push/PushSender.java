package io.openvod.platform.events.push;

import io.openvod.core.trace.TraceParent;
import io.openvod.platform.catalog.MediaUrls;
import io.openvod.platform.events.CallbackRefusedException;
import io.openvod.platform.events.CallbackUrlPolicy;
import io.openvod.platform.events.PushDelivery;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sends one event: checks the URL's form against the callback policy, then POSTs the stored body,
 * with its media URLs on the platform's current media base ({@link MediaUrls}) and its application
 * named ({@link ApplicationBinding}), as UTF-8 JSON without following
 * redirects, with the Standard Webhooks headers when signing and the application has a secret,
 * OpenVOD's own headers, and the push step's W3C {@code traceparent}. The host is resolved when
 * the connection is opened and only addresses the policy allows are dialled ({@link PolicyResolver};
 * docs/adr/0008-callback-connections.md).
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
    private final ExecutorService resolving = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("openvod-push-resolve-", 0).factory());
    private final Duration timeout;
    private final CallbackUrlPolicy policy;
    private final WebhookSigner signer;
    private final boolean signed;
    private final Clock clock;
    private final MediaUrls urls;

    /** A sender of the stored bodies as they are. */
    PushSender(Duration timeout, CallbackUrlPolicy policy, WebhookSigner signer, boolean signed, Clock clock) {
        this(timeout, policy, signer, signed, clock, MediaUrls.UNCHANGED);
    }

    PushSender(Duration timeout, CallbackUrlPolicy policy, WebhookSigner signer, boolean signed, Clock clock, MediaUrls urls) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("openvod-push-http");
        threads.setDaemon(true);
        this.client = new HttpClient();
        client.setExecutor(threads);
        client.setFollowRedirects(false);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "OpenVOD"));
        client.setConnectTimeout(timeout.toMillis());
        client.setIdleTimeout(timeout.toMillis() + 250);
        client.setSocketAddressResolver(new PolicyResolver(policy, resolving));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the callback HTTP client did not start", e);
        }
        this.timeout = timeout;
        this.policy = policy;
        this.signer = signer;
        this.signed = signed;
        this.clock = clock;
        this.urls = urls;
    }

    /** POSTs {@code d} from the push step at {@code trace} (its {@code traceparent} header). */
    Outcome send(PushDelivery d, TraceParent trace) throws InterruptedException {
        String url = d.targetUrl();
        if (url == null || url.isEmpty()) {
            return new Outcome("no callback URL");
        }
        CallbackUrlPolicy.Target target;
        try {
            target = policy.target(url);
        } catch (CallbackRefusedException e) {
            return new Outcome("callback URL refused: " + e.getMessage());
        }
        String body = ApplicationBinding.bind(urls.currentInJson(d.body()), d.subAppId());
        PushRequest request = new PushRequest();
        request.header("Content-Type", "application/json")
                .header("X-OpenVOD-Event-Id", d.eventId())
                .header("X-OpenVOD-Event-Type", d.eventType())
                .header("X-OpenVOD-File-Id", d.fileId())
                .header("X-OpenVOD-Sequence", Long.toString(d.seq()))
                .header("traceparent", trace.header());
        if (signed) {
            long timestamp = clock.instant().getEpochSecond();
            signer.signature(d.subAppId(), d.eventId(), timestamp, body).ifPresent(signature -> request
                    .header("webhook-id", d.eventId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signature));
        }
        Request post = client.newRequest(target.host(), target.port())
                .scheme(target.scheme())
                .path(target.pathAndQuery())
                .method(HttpMethod.POST)
                .version(HttpVersion.HTTP_1_1)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> {
                    for (Map.Entry<String, String> header : request.headers()) {
                        h.add(header.getKey(), header.getValue());
                    }
                })
                .body(new BytesRequestContent("application/json", body.getBytes(StandardCharsets.UTF_8)));
        CompletableFuture<Result> call = new CompletableFuture<>();
        post.send(call::complete);
        try {
            // The request timeout covers the whole exchange; this bounds the wait should it not fire.
            Result result = call.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
            if (result.isFailed()) {
                return new Outcome(describe(result.getFailure()));
            }
            int status = result.getResponse().getStatus();
            return status >= 200 && status < 300 ? new Outcome(null) : new Outcome("HTTP " + status);
        } catch (TimeoutException e) {
            post.fail(e);
            return new Outcome(timedOut());
        } catch (InterruptedException e) {
            post.fail(e);
            throw e;
        } catch (ExecutionException e) {
            return new Outcome(describe(e.getCause()));
        }
    }

    private String timedOut() {
        return "timed out after " + timeout.toMillis() + " ms";
    }

    private String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CallbackRefusedException) {
                return "callback URL refused: " + cause.getMessage();
            }
        }
        if (failure instanceof SocketTimeoutException) {
            return "connect " + timedOut();
        }
        if (failure instanceof TimeoutException) {
            return timedOut();
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof IOException) {
            return "I/O error: " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : " " + failure.getMessage());
        }
        return "failed: " + failure.getClass().getSimpleName();
    }

    void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // Stopping drops the connections; nothing else to release.
        } finally {
            resolving.shutdownNow();
        }
    }
}
