package io.openvod.app.auth.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JwksSource} that fetches the identity provider's JWKS over HTTP(S).
 *
 * <p>The key set is fetched on first use and kept for the cache TTL. A fetch has one deadline for
 * connecting, the response and the body; bodies over {@value #MAX_RESPONSE_BYTES} bytes, statuses
 * other than 200 (redirects are not followed) and sets without a usable key count as failures. A
 * failure is logged as a warning and the last good key set stays in use. Fetches, whether for an
 * expired cache or a {@link #refresh()}, happen at most once per {@link #MIN_FETCH_INTERVAL}, so
 * neither a failing endpoint nor tokens with made-up key ids lead to a fetch per request. While
 * one thread fetches, the others keep using the cached set.
 */
public final class HttpJwksSource implements JwksSource, AutoCloseable {
    /** The largest JWKS body accepted. */
    public static final int MAX_RESPONSE_BYTES = 1 << 20;
    /** The shortest time between two fetch attempts. */
    public static final Duration MIN_FETCH_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(HttpJwksSource.class);

    private final URI url;
    private final String shownUrl;
    private final Duration cacheTtl;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final ReentrantLock fetchLock = new ReentrantLock();
    private final AtomicLong attempts = new AtomicLong();
    private volatile Cached current;
    private volatile Instant lastAttempt;

    private record Cached(JwkSet set, Instant fetchedAt) {
    }

    /**
     * @param url the JWKS endpoint, http or https
     * @param cacheTtl how long a fetched set is used before it is fetched again
     * @param timeout the deadline of one fetch
     * @param clock the clock of the cache TTL and the fetch interval
     */
    public HttpJwksSource(URI url, Duration cacheTtl, Duration timeout, Clock clock) {
        this.url = Objects.requireNonNull(url, "url == null");
        this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl == null");
        this.timeout = Objects.requireNonNull(timeout, "timeout == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        String scheme = String.valueOf(url.getScheme()).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the JWKS URL must be http or https");
        }
        this.shownUrl = Texts.redactUrl(url);
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            LOG.warn("The JWKS is fetched from {} over plain HTTP; use https outside of tests", shownUrl);
        }
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The source for a configuration's {@code jwksUrl}, cache TTL and timeout. */
    public static HttpJwksSource create(JwtConfig config, Clock clock) {
        URI url = config.jwksUrl().orElseThrow(() -> new IllegalArgumentException("jwksUrl is not configured"));
        return new HttpJwksSource(url, config.jwksCacheTtl(), config.jwksTimeout(), clock);
    }

    @Override
    public Optional<JwkSet> keys() {
        Cached cached = current;
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.fetchedAt().plus(cacheTtl))) {
            return Optional.of(cached.set());
        }
        if (fetchedRecently(now)) {
            return currentSet();
        }
        return fetch(false);
    }

    @Override
    public Optional<JwkSet> refresh() {
        if (fetchedRecently(clock.instant())) {
            return currentSet();
        }
        return fetch(true);
    }

    /** Releases the HTTP client. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "HttpJwksSource[" + shownUrl + "]";
    }

    private boolean fetchedRecently(Instant now) {
        Instant last = lastAttempt;
        return last != null && now.isBefore(last.plus(MIN_FETCH_INTERVAL));
    }

    private Optional<JwkSet> currentSet() {
        Cached cached = current;
        return cached == null ? Optional.empty() : Optional.of(cached.set());
    }

    private Optional<JwkSet> fetch(boolean waitForOther) {
        long seen = attempts.get();
        if (!fetchLock.tryLock()) {
            if (current != null && !waitForOther) {
                return currentSet();
            }
            fetchLock.lock();
        }
        try {
            if (attempts.get() == seen) {
                fetchNow();
            }
            return currentSet();
        } finally {
            fetchLock.unlock();
        }
    }

    private void fetchNow() {
        lastAttempt = clock.instant();
        attempts.incrementAndGet();
        try {
            JwksParser.Parsed parsed = JwksParser.parse(download());
            for (JwksParser.Skipped skipped : parsed.skipped()) {
                if (skipped.suspicious()) {
                    LOG.warn("JWKS {}: skipped {}", shownUrl, skipped.description());
                } else {
                    LOG.debug("JWKS {}: skipped {}", shownUrl, skipped.description());
                }
            }
            if (parsed.set().isEmpty()) {
                throw new IOException("the key set has no usable RS256 or ES256 key");
            }
            current = new Cached(parsed.set(), clock.instant());
            LOG.debug("JWKS {}: {} usable keys", shownUrl, parsed.set().keys().size());
        } catch (IOException | RuntimeException e) {
            failed(describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed("interrupted");
        }
    }

    private void failed(String why) {
        LOG.warn("Fetching the JWKS from {} failed ({}); {}", shownUrl, why,
                current == null ? "no keys are available yet" : "the last good key set stays in use");
    }

    private byte[] download() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Accept", "application/jwk-set+json, application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, info -> info.statusCode() == 200
                ? new CappedBody(MAX_RESPONSE_BYTES)
                : HttpResponse.BodySubscribers.replacing(null));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("no complete response within " + timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof IOException io ? io : new IOException(describe(cause), cause);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP status " + response.statusCode());
        }
        return response.body();
    }

    private static String describe(Throwable e) {
        String message = e instanceof JsonProcessingException json
                ? json.getOriginalMessage() : e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
