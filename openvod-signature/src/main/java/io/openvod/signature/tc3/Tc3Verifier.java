package io.openvod.signature.tc3;

import io.openvod.signature.RequestHeaders;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.Verdict;
import io.openvod.signature.internal.Crypto;
import io.openvod.signature.internal.Text;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Verifies the {@code TC3-HMAC-SHA256} signature of an incoming TencentCloud API 3.0 request.
 *
 * <p>Checks, in order: the {@code Authorization} header (present, not too long, algorithm,
 * {@code Credential}, {@code SignedHeaders}, a 64-hex {@code Signature}); the credential's
 * service; that {@code content-type} and {@code host} are signed; {@code X-TC-Timestamp}
 * (present, numeric, within the window of the clock); that the credential date is the UTC date
 * of the timestamp; the secret id; that every signed header is present; and finally the
 * signature, compared in constant time. Never throws for bad input: every refusal is a
 * {@link Verdict.Rejected} with a {@link Tc3Rejection}.
 *
 * <p>The canonical URI is always {@code /} and the canonical query is the raw query string as
 * received. Signed header values are trimmed and lower-cased as Tencent's documentation says;
 * a signature that does not match that way is also tried with the values trimmed but not
 * lower-cased, because clients that sign e.g. {@code charset=UTF-8} verbatim exist.
 * {@code X-TC-Token} is reported, not checked.
 */
public final class Tc3Verifier {
    private final SecretKeyLookup keys;
    private final Clock clock;
    private final Duration window;
    private final String service;
    private final int maxAuthorizationLength;

    private Tc3Verifier(Builder b) {
        this.keys = b.keys;
        this.clock = b.clock;
        this.window = b.window;
        this.service = b.service;
        this.maxAuthorizationLength = b.maxAuthorizationLength;
    }

    /** @param keys finds the secret key of a SecretId */
    public static Builder builder(SecretKeyLookup keys) {
        return new Builder(keys);
    }

    public Verdict<VerifiedTc3Request> verify(Tc3Request request) {
        String header = header(request.headers(), "Authorization");
        if (header == null || header.isBlank()) {
            return Verdict.reject(Tc3Rejection.MISSING_AUTHORIZATION, "no Authorization header");
        }
        if (header.length() > maxAuthorizationLength) {
            return Verdict.reject(Tc3Rejection.AUTHORIZATION_TOO_LARGE,
                    "Authorization has " + header.length() + " characters; the limit is " + maxAuthorizationLength);
        }
        Tc3Authorization auth;
        switch (Tc3Authorization.parse(header)) {
            case Verdict.Accepted<Tc3Authorization>(Tc3Authorization a) -> auth = a;
            case Verdict.Rejected<Tc3Authorization>(var reason, var detail) -> {
                return Verdict.reject(reason, detail);
            }
        }
        if (!auth.service().equals(service)) {
            return Verdict.reject(Tc3Rejection.SERVICE_MISMATCH, "Credential service '" + auth.service() + "' is not '" + service + "'");
        }
        for (String required : new String[] {"content-type", "host"}) {
            if (!auth.signedHeaders().contains(required)) {
                return Verdict.reject(Tc3Rejection.REQUIRED_HEADER_NOT_SIGNED,
                        "SignedHeaders '" + Text.shown(auth.signedHeaderList()) + "' lacks " + required);
            }
        }
        String timestampText = header(request.headers(), "X-TC-Timestamp");
        if (timestampText == null || timestampText.isBlank()) {
            return Verdict.reject(Tc3Rejection.MISSING_TIMESTAMP, "no X-TC-Timestamp header");
        }
        timestampText = timestampText.strip();
        OptionalLong parsed = Text.parseUnsigned(timestampText, 18);
        if (parsed.isEmpty()) {
            return Verdict.reject(Tc3Rejection.MALFORMED_TIMESTAMP, "X-TC-Timestamp '" + Text.shown(timestampText) + "' is not a number of seconds");
        }
        long timestamp = parsed.getAsLong();
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > window.toSeconds()) {
            return Verdict.reject(Tc3Rejection.TIMESTAMP_OUT_OF_WINDOW, "X-TC-Timestamp " + timestamp + " is "
                    + Math.abs(now - timestamp) + " s " + (timestamp < now ? "behind" : "ahead of")
                    + " the server time; the window is " + window.toSeconds() + " s");
        }
        String date = Tc3Canonical.date(timestamp);
        if (!auth.date().equals(date)) {
            return Verdict.reject(Tc3Rejection.DATE_MISMATCH, "Credential date " + auth.date() + " is not " + date
                    + ", the UTC date of X-TC-Timestamp " + timestamp);
        }
        Optional<String> secretKey;
        try {
            secretKey = keys.secretKeyFor(auth.secretId());
        } catch (RuntimeException e) {
            return Verdict.reject(Tc3Rejection.KEY_LOOKUP_FAILED, "key lookup failed: " + e.getClass().getSimpleName());
        }
        if (secretKey == null || secretKey.isEmpty()) {
            return Verdict.reject(Tc3Rejection.UNKNOWN_SECRET_ID, "unknown SecretId " + Text.shown(auth.secretId()));
        }
        List<String> values = new ArrayList<>();
        for (String name : auth.signedHeaders()) {
            String value = header(request.headers(), name);
            if (value == null) {
                return Verdict.reject(Tc3Rejection.SIGNED_HEADER_MISSING, "signed header " + name + " is absent");
            }
            values.add(value);
        }
        if (!signatureMatches(request, auth, timestampText, values, secretKey.get())) {
            return Verdict.reject(Tc3Rejection.SIGNATURE_MISMATCH, "signature mismatch for SecretId " + Text.shown(auth.secretId()));
        }
        Optional<String> token = Optional.ofNullable(header(request.headers(), "X-TC-Token")).filter(t -> !t.isEmpty());
        return Verdict.accept(new VerifiedTc3Request(auth.secretId(), timestamp, auth.signedHeaders(), token));
    }

    private boolean signatureMatches(Tc3Request request, Tc3Authorization auth, String timestamp,
            List<String> values, String secretKey) {
        String hashedPayload = Tc3Canonical.hashHex(request.body());
        String scope = Tc3Canonical.credentialScope(auth.date(), auth.service());
        byte[] signingKey = Tc3Canonical.signingKey(secretKey, auth.date(), auth.service());
        List<String> lowered = values.stream().map(v -> Tc3Canonical.headerValue(v, true)).toList();
        List<String> verbatim = values.stream().map(v -> Tc3Canonical.headerValue(v, false)).toList();
        boolean match = false;
        for (List<String> candidate : lowered.equals(verbatim) ? List.of(lowered) : List.of(lowered, verbatim)) {
            String canonicalRequest = Tc3Canonical.canonicalRequest(request.method(), request.query(),
                    Tc3Canonical.canonicalHeaders(auth.signedHeaders(), candidate), auth.signedHeaderList(), hashedPayload);
            String stringToSign = Tc3Canonical.stringToSign(timestamp, scope, Tc3Canonical.hashHex(Crypto.utf8(canonicalRequest)));
            match |= Crypto.constantTimeEquals(Tc3Canonical.signature(signingKey, stringToSign), auth.signature());
        }
        return match;
    }

    private static String header(RequestHeaders headers, String name) {
        Optional<String> value = headers.first(name);
        return value == null ? null : value.orElse(null);
    }

    /** Configures a verifier; every setting but the key lookup has a default. */
    public static final class Builder {
        private final SecretKeyLookup keys;
        private Clock clock = Clock.systemUTC();
        private Duration window = Duration.ofMinutes(5);
        private String service = "vod";
        private int maxAuthorizationLength = 4096;

        private Builder(SecretKeyLookup keys) {
            this.keys = Objects.requireNonNull(keys, "keys == null");
        }

        /** The clock that X-TC-Timestamp is compared with. Defaults to the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** How far X-TC-Timestamp may be from the clock, either way. Defaults to 5 minutes, as Tencent. */
        public Builder window(Duration window) {
            if (window.isNegative() || window.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("window " + window + " must be within 0..1 day");
            }
            this.window = window;
            return this;
        }

        /** The service the credential scope must name. Defaults to {@code vod}. */
        public Builder service(String service) {
            if (!Tc3Canonical.isServiceName(service)) {
                throw new IllegalArgumentException("service '" + Text.shown(service) + "' is not a service name ([a-z0-9-])");
            }
            this.service = service;
            return this;
        }

        /** The longest Authorization header accepted, in characters. Defaults to 4096. */
        public Builder maxAuthorizationLength(int maxAuthorizationLength) {
            if (maxAuthorizationLength < 128) {
                throw new IllegalArgumentException("maxAuthorizationLength " + maxAuthorizationLength + " is below 128");
            }
            this.maxAuthorizationLength = maxAuthorizationLength;
            return this;
        }

        public Tc3Verifier build() {
            return new Tc3Verifier(this);
        }
    }
}
