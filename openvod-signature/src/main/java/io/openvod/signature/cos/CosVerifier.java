package io.openvod.signature.cos;

import io.openvod.signature.RequestHeaders;
import io.openvod.signature.Verdict;
import io.openvod.signature.internal.Crypto;
import io.openvod.signature.internal.Text;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * Verifies the {@code q-sign-algorithm=sha1} signature of an incoming COS request.
 *
 * <p>Checks, in order: the {@code Authorization} header (present, not too long, every
 * {@code q-*} field, {@code sha1}, the times, a 40-hex {@code q-signature}); that the clock lies
 * within {@code q-sign-time} and {@code q-key-time}; the {@code q-ak}; for a temporary credential
 * that {@code x-cos-security-token} equals its token; that every header of
 * {@code q-header-list} and every parameter of {@code q-url-param-list} is present; and finally
 * the signature, compared in constant time. Never throws for bad input: every refusal is a
 * {@link Verdict.Rejected} with a {@link CosRejection}.
 *
 * <p>Time: the end of a validity interval is strict (a request after its end is refused, so an
 * expired temporary credential stops working on time); the clock skew only lets a start that
 * lies slightly in the future through. Key spelling: the HttpString is rebuilt as documented and,
 * if that does not match, as cos-js spells unusual keys (see {@code CosCanonical}); for ordinary
 * names both are the same string. Parameters that are not in {@code q-url-param-list} are not
 * covered by the signature; {@link VerifiedCosRequest#signedParameters()} holds the ones that are.
 */
public final class CosVerifier {
    private final CosCredentialLookup credentials;
    private final Clock clock;
    private final Duration clockSkew;
    private final int maxAuthorizationLength;

    private CosVerifier(Builder b) {
        this.credentials = b.credentials;
        this.clock = b.clock;
        this.clockSkew = b.clockSkew;
        this.maxAuthorizationLength = b.maxAuthorizationLength;
    }

    public static Builder builder(CosCredentialLookup credentials) {
        return new Builder(credentials);
    }

    public Verdict<VerifiedCosRequest> verify(CosRequest request) {
        String header = header(request.headers(), "Authorization");
        if (header == null || header.isBlank()) {
            return Verdict.reject(CosRejection.MISSING_AUTHORIZATION, "no Authorization header");
        }
        if (header.length() > maxAuthorizationLength) {
            return Verdict.reject(CosRejection.AUTHORIZATION_TOO_LARGE,
                    "Authorization has " + header.length() + " characters; the limit is " + maxAuthorizationLength);
        }
        CosAuthorization auth;
        switch (CosAuthorization.parse(header)) {
            case Verdict.Accepted<CosAuthorization>(CosAuthorization a) -> auth = a;
            case Verdict.Rejected<CosAuthorization>(var reason, var detail) -> {
                return Verdict.reject(reason, detail);
            }
        }
        long now = clock.instant().getEpochSecond();
        Verdict<VerifiedCosRequest> timing = checkTime("q-sign-time", auth.signTime(), now);
        if (timing == null) {
            timing = checkTime("q-key-time", auth.keyTime(), now);
        }
        if (timing != null) {
            return timing;
        }
        Optional<CosCredential> found;
        try {
            found = credentials.credentialFor(auth.accessKeyId());
        } catch (RuntimeException e) {
            return Verdict.reject(CosRejection.KEY_LOOKUP_FAILED, "credential lookup failed: " + e.getClass().getSimpleName());
        }
        if (found == null || found.isEmpty()) {
            return Verdict.reject(CosRejection.UNKNOWN_ACCESS_KEY, "unknown q-ak " + Text.shown(auth.accessKeyId()));
        }
        CosCredential credential = found.get();
        if (credential.securityToken().isPresent()) {
            String token = header(request.headers(), "x-cos-security-token");
            if (token == null || token.isEmpty()) {
                return Verdict.reject(CosRejection.MISSING_SECURITY_TOKEN, "no x-cos-security-token for temporary q-ak " + Text.shown(auth.accessKeyId()));
            }
            if (!Crypto.constantTimeEquals(token, credential.securityToken().get())) {
                return Verdict.reject(CosRejection.SECURITY_TOKEN_MISMATCH, "x-cos-security-token is not the one issued with q-ak " + Text.shown(auth.accessKeyId()));
            }
        }
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        for (String name : auth.headerNames()) {
            String value = header(request.headers(), name);
            if (value == null) {
                return Verdict.reject(CosRejection.SIGNED_HEADER_MISSING, "signed header " + Text.shown(name) + " is absent");
            }
            headers.put(name.toLowerCase(Locale.ROOT), value);
        }
        Map<String, String> firstValues = firstValues(request.queryParameters());
        SequencedMap<String, String> params = new LinkedHashMap<>();
        for (String name : auth.parameterNames()) {
            String value = firstValues.get(name.toLowerCase(Locale.ROOT));
            if (value == null) {
                return Verdict.reject(CosRejection.SIGNED_PARAMETER_MISSING, "signed parameter " + Text.shown(name) + " is absent");
            }
            params.put(name.toLowerCase(Locale.ROOT), value);
        }
        if (!signatureMatches(request, auth, credential, entries(auth.headerNames(), headers), entries(auth.parameterNames(), params))) {
            return Verdict.reject(CosRejection.SIGNATURE_MISMATCH, "q-signature mismatch for q-ak " + Text.shown(auth.accessKeyId()));
        }
        return Verdict.accept(new VerifiedCosRequest(auth.accessKeyId(), auth.signTime(), auth.keyTime(), headers, params,
                credential.securityToken().isPresent()));
    }

    private Verdict<VerifiedCosRequest> checkTime(String field, CosKeyTime time, long now) {
        if (now > time.end()) {
            return Verdict.reject(CosRejection.REQUEST_EXPIRED, field + " " + time.value() + " ended " + (now - time.end()) + " s ago");
        }
        if (time.start() - clockSkew.toSeconds() > now) {
            return Verdict.reject(CosRejection.REQUEST_NOT_YET_VALID, field + " " + time.value() + " starts "
                    + (time.start() - now) + " s in the future; the allowed skew is " + clockSkew.toSeconds() + " s");
        }
        return null;
    }

    private static boolean signatureMatches(CosRequest request, CosAuthorization auth, CosCredential credential,
            List<Map.Entry<String, String>> headers, List<Map.Entry<String, String>> params) {
        String signKey = CosCanonical.signKey(credential.credential().secretKey(), auth.keyTimeText());
        boolean match = false;
        String previous = null;
        for (CosCanonical.KeyStyle style : CosCanonical.KeyStyle.values()) {
            String httpString = CosCanonical.httpString(request.method(), request.path(),
                    CosCanonical.pairs(params, style), CosCanonical.pairs(headers, style));
            if (!httpString.equals(previous)) {
                String expected = CosCanonical.signature(signKey, CosCanonical.stringToSign(auth.signTimeText(), httpString));
                match |= Crypto.constantTimeEquals(expected, auth.signature());
            }
            previous = httpString;
        }
        return match;
    }

    /** Pairs each signed name (as spelled in the list) with the value found under its lower-case form. */
    private static List<Map.Entry<String, String>> entries(List<String> names, Map<String, String> byLowerName) {
        List<Map.Entry<String, String>> out = new ArrayList<>(names.size());
        for (String name : names) {
            out.add(Map.entry(name, byLowerName.get(name.toLowerCase(Locale.ROOT))));
        }
        return out;
    }

    private static Map<String, String> firstValues(Map<String, List<String>> query) {
        Map<String, String> out = new HashMap<>();
        query.forEach((name, values) -> {
            if (name != null) {
                String first = values == null || values.isEmpty() || values.getFirst() == null ? "" : values.getFirst();
                out.putIfAbsent(name.toLowerCase(Locale.ROOT), first);
            }
        });
        return out;
    }

    private static String header(RequestHeaders headers, String name) {
        Optional<String> value = headers.first(name);
        return value == null ? null : value.orElse(null);
    }

    /** Configures a verifier; every setting but the credential lookup has a default. */
    public static final class Builder {
        private final CosCredentialLookup credentials;
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = Duration.ofMinutes(5);
        private int maxAuthorizationLength = 4096;

        private Builder(CosCredentialLookup credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials == null");
        }

        /** The clock that the validity intervals are compared with. Defaults to the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** How far in the future the start of an interval may lie. Defaults to 5 minutes. */
        public Builder clockSkew(Duration clockSkew) {
            if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("clockSkew " + clockSkew + " must be within 0..1 day");
            }
            this.clockSkew = clockSkew;
            return this;
        }

        /** The longest Authorization header accepted, in characters. Defaults to 4096. */
        public Builder maxAuthorizationLength(int maxAuthorizationLength) {
            if (maxAuthorizationLength < 256) {
                throw new IllegalArgumentException("maxAuthorizationLength " + maxAuthorizationLength + " is below 256");
            }
            this.maxAuthorizationLength = maxAuthorizationLength;
            return this;
        }

        public CosVerifier build() {
            return new CosVerifier(this);
        }
    }
}
