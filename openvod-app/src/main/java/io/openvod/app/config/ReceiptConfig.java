package io.openvod.app.config;

import io.openvod.core.Secret;
import java.time.Duration;
import java.util.List;

/**
 * {@code app.receipt:} — the event notification receipt service: where VOD's events come in,
 * and where processed ones go on to.
 *
 * @param pathToken a secret path segment: when set, pushes are accepted only at
 *     {@code POST /api/v1/vod/events/<pathToken>} (the callback URL to configure at VOD), which
 *     guards Tencent's unsigned callbacks; null accepts {@code POST /api/v1/vod/events}. Defaults to null.
 * @param webhookSecrets Standard Webhooks secrets ({@code whsec_…}, several during a rotation):
 *     when any is set, a push must carry a valid {@code webhook-signature}. Defaults to none.
 * @param tolerance how far {@code webhook-timestamp} may be from now. Defaults to 5m.
 * @param maxBodyBytes the largest event body accepted. Defaults to 1048576.
 * @param pull pulling events instead of (or besides) receiving pushes
 * @param forward forwarding processed events to the app's own hook
 * @param moderatorRoles the roles (of {@code app.policy.roles}, resolved as for signatures) whose users
 *     may use the moderation API. Defaults to {@code [moderator]}.
 * @param forbidAtVod sending moderators' decisions to the VOD ({@code ForbidMediaDistribution})
 * @param subAppId the VOD application (SubAppId) whose events this receiver takes: an event that
 *     names another one is refused, and so is a signed event that names none. 0 takes
 *     {@code app.vod.subAppId}; one of the two is required with {@code webhookSecrets}. Defaults to 0.
 */
public record ReceiptConfig(Secret pathToken, List<Secret> webhookSecrets, Duration tolerance, int maxBodyBytes, Pull pull,
                            Forward forward, List<String> moderatorRoles, ForbidAtVod forbidAtVod, long subAppId) {
    public ReceiptConfig {
        if (subAppId < 0) {
            throw new IllegalArgumentException("subAppId " + subAppId + " is negative");
        }
        forbidAtVod = forbidAtVod == null ? ForbidAtVod.defaults() : forbidAtVod;
        moderatorRoles = moderatorRoles == null ? List.of("moderator")
                : moderatorRoles.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
        webhookSecrets = webhookSecrets == null ? List.of() : List.copyOf(webhookSecrets);
        tolerance = tolerance == null ? Duration.ofMinutes(5) : tolerance;
        pull = pull == null ? Pull.defaults() : pull;
        forward = forward == null ? Forward.defaults() : forward;
        if (pathToken != null && !pathToken.reveal().matches("[A-Za-z0-9_-]{16,128}")) {
            throw new IllegalArgumentException("pathToken must be 16 to 128 characters of A-Z a-z 0-9 _ -");
        }
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("tolerance must be positive");
        }
        if (maxBodyBytes < 4096 || maxBodyBytes > 16 * 1_048_576) {
            throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes + " is outside 4096..16777216");
        }
    }

    /** A configuration that takes the application of {@code app.vod.subAppId}. */
    public ReceiptConfig(Secret pathToken, List<Secret> webhookSecrets, Duration tolerance, int maxBodyBytes, Pull pull,
                         Forward forward, List<String> moderatorRoles, ForbidAtVod forbidAtVod) {
        this(pathToken, webhookSecrets, tolerance, maxBodyBytes, pull, forward, moderatorRoles, forbidAtVod, 0);
    }

    /** A configuration with the default moderator roles. */
    public ReceiptConfig(Secret pathToken, List<Secret> webhookSecrets, Duration tolerance, int maxBodyBytes, Pull pull,
                         Forward forward) {
        this(pathToken, webhookSecrets, tolerance, maxBodyBytes, pull, forward, null, null, 0);
    }

    /** A configuration that keeps moderators' decisions in the app. */
    public ReceiptConfig(Secret pathToken, List<Secret> webhookSecrets, Duration tolerance, int maxBodyBytes, Pull pull,
                         Forward forward, List<String> moderatorRoles) {
        this(pathToken, webhookSecrets, tolerance, maxBodyBytes, pull, forward, moderatorRoles, null, 0);
    }

    /**
     * {@code app.receipt.forbidAtVod:} — a moderator's {@code block} also forbids the media at the
     * VOD and {@code approve} recovers it ({@code ForbidMediaDistribution}, TC3-signed with the
     * active key of {@code app.vod}, for {@code app.vod.subAppId}), so that a blocked video is not
     * served by its URL either, and an approved one that an automatic review had forbidden plays again.
     *
     * @param enabled send decisions to the VOD. Defaults to false (decisions stay in the app).
     * @param endpoint the VOD's API 3.0 endpoint: Tencent's or an OpenVOD platform's URL. Defaults to Tencent's.
     * @param region the {@code X-TC-Region} header; empty sends none. Defaults to empty.
     */
    public record ForbidAtVod(boolean enabled, String endpoint, String region) {
        public ForbidAtVod {
            endpoint = endpoint == null || endpoint.isBlank() ? "https://vod.tencentcloudapi.com" : endpoint.strip();
            region = region == null ? "" : region.strip();
            if (!endpoint.matches("https?://[^\\s/?#@]+(/[^\\s?#]*)?")) {
                throw new IllegalArgumentException("forbidAtVod.endpoint '" + endpoint + "' is not an http(s) URL");
            }
        }

        public static ForbidAtVod defaults() {
            return new ForbidAtVod(false, "https://vod.tencentcloudapi.com", "");
        }
    }

    /** The built-in defaults (as in openvod-defaults.yaml), for tools and tests. */
    public static ReceiptConfig defaults() {
        return new ReceiptConfig(null, List.of(), Duration.ofMinutes(5), 1_048_576, Pull.defaults(), Forward.defaults(),
                List.of("moderator"), ForbidAtVod.defaults(), 0);
    }

    /**
     * {@code app.receipt.pull:} — a consumer loop that calls {@code PullEvents}, stores and
     * processes the events, then {@code ConfirmEvents}, signed (TC3-HMAC-SHA256) with the active
     * key of {@code app.vod}.
     *
     * @param enabled run the loop. Defaults to false.
     * @param endpoint the API 3.0 endpoint: {@code https://vod.tencentcloudapi.com} (Tencent) or an
     *     OpenVOD platform's URL. Defaults to Tencent's.
     * @param region the {@code X-TC-Region} header; empty sends none. Defaults to empty.
     * @param subAppId the application whose events to pull; 0 sends none (the primary one). Defaults to 0.
     * @param timeout one request's timeout (a PullEvents long poll takes up to 5 s). Defaults to 10s.
     */
    public record Pull(boolean enabled, String endpoint, String region, long subAppId, Duration timeout) {
        public Pull {
            endpoint = endpoint == null || endpoint.isBlank() ? "https://vod.tencentcloudapi.com" : endpoint.strip();
            region = region == null ? "" : region.strip();
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            if (!endpoint.matches("https?://[^\\s/?#@]+(/[^\\s?#]*)?")) {
                throw new IllegalArgumentException("pull.endpoint '" + endpoint + "' is not an http(s) URL");
            }
            if (subAppId < 0) {
                throw new IllegalArgumentException("pull.subAppId is negative");
            }
            if (timeout.toMillis() < 6000) {
                throw new IllegalArgumentException("pull.timeout must be at least 6s (PullEvents holds a request up to 5 s)");
            }
        }

        public static Pull defaults() {
            return new Pull(false, "https://vod.tencentcloudapi.com", "", 0, Duration.ofSeconds(10));
        }
    }

    /**
     * {@code app.receipt.forward:} — forwarding each processed event (its body as received, and
     * the video's new state in headers) to the app's own hook, signed with Standard Webhooks.
     *
     * @param url the hook; empty forwards nothing. Defaults to empty.
     * @param secrets Standard Webhooks secrets ({@code whsec_…}) to sign with; none sends unsigned. Defaults to none.
     * @param timeout one attempt's timeout. Defaults to 10s.
     * @param maxAttempts attempts (with exponential backoff from 1 s) before an event is given up. Defaults to 10.
     */
    public record Forward(String url, List<Secret> secrets, Duration timeout, int maxAttempts) {
        public Forward {
            url = url == null ? "" : url.strip();
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
            if (!url.isEmpty() && !url.matches("https?://[^\\s/?#@]+(/[^\\s#]*)?")) {
                throw new IllegalArgumentException("forward.url '" + url + "' is not an http(s) URL");
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("forward.timeout must be positive");
            }
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new IllegalArgumentException("forward.maxAttempts must be within 1..100");
            }
        }

        public static Forward defaults() {
            return new Forward("", List.of(), Duration.ofSeconds(10), 10);
        }

        public boolean enabled() {
            return !url.isEmpty();
        }
    }
}
