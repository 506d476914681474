package io.openvod.signature;

import io.openvod.signature.internal.Crypto;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * Verifies client-upload signatures. Checks, in order: Base64 and structure, the secret id, the
 * HMAC-SHA1 (constant time), the required fields and every value, the validity window, the
 * clock, and one-time use. Fields it does not know are ignored. Never throws for bad input:
 * every refusal is a {@link Verdict.Rejected} with an {@link UploadRejection}.
 *
 * <p>Expiry is strict ({@code now < expireTime}); the clock skew only lets a signature whose
 * {@code currentTimeStamp} is slightly in the future through.
 */
public final class UploadSignatureVerifier {
    private final SecretKeyLookup keys;
    private final Clock clock;
    private final Duration clockSkew;
    private final Duration maxValidity;
    private final ReplayStore replayStore;
    private final UploadSignatureDecoder decoder;

    private UploadSignatureVerifier(Builder b) {
        this.keys = Objects.requireNonNull(b.keys, "keys == null");
        this.clock = b.clock;
        this.clockSkew = b.clockSkew;
        this.maxValidity = b.maxValidity;
        this.replayStore = b.replayStore != null ? b.replayStore : new InMemoryReplayStore(b.clock);
        this.decoder = new UploadSignatureDecoder(b.maxLength);
    }

    public static Builder builder(SecretKeyLookup keys) {
        return new Builder(keys);
    }

    public Verdict<VerifiedUploadSignature> verify(String signature) {
        Verdict<DecodedSignature> decodedVerdict = decoder.decode(signature);
        if (!(decodedVerdict instanceof Verdict.Accepted<DecodedSignature>(DecodedSignature decoded))) {
            return decodedVerdict.map(d -> null);
        }
        SequencedMap<String, String> f = decoded.fields();
        String secretId = f.get("secretId");
        if (secretId == null || secretId.isEmpty()) {
            return Verdict.reject(UploadRejection.MISSING_FIELD, "secretId is missing");
        }
        Optional<String> secretKey;
        try {
            secretKey = lookup(secretId);
        } catch (RuntimeException e) {
            return Verdict.reject(UploadRejection.KEY_LOOKUP_FAILED, "key lookup failed: " + e.getClass().getSimpleName());
        }
        if (secretKey.isEmpty()) {
            return Verdict.reject(UploadRejection.UNKNOWN_SECRET_ID, "unknown secretId " + ParameterRules.abbreviate(secretId));
        }
        byte[] expected = Crypto.hmacSha1(Crypto.utf8(secretKey.get()), decoded.originalBytes());
        if (!Crypto.constantTimeEquals(expected, decoded.mac())) {
            return Verdict.reject(UploadRejection.BAD_MAC, "HMAC-SHA1 mismatch for secretId " + ParameterRules.abbreviate(secretId));
        }
        for (String required : new String[] {"currentTimeStamp", "expireTime", "random"}) {
            if (!f.containsKey(required)) {
                return Verdict.reject(UploadRejection.MISSING_FIELD, required + " is missing");
            }
        }
        long issued;
        long expires;
        try {
            issued = ParameterRules.parseUnsigned("currentTimeStamp", f.get("currentTimeStamp"));
            expires = ParameterRules.parseUnsigned("expireTime", f.get("expireTime"));
        } catch (IllegalArgumentException e) {
            return Verdict.reject(UploadRejection.BAD_VALUE, e.getMessage());
        }
        if (expires <= issued) {
            return Verdict.reject(UploadRejection.INVALID_VALIDITY,
                    "expireTime " + expires + " is not after currentTimeStamp " + issued);
        }
        if (expires - issued > maxValidity.toSeconds()) {
            return Verdict.reject(UploadRejection.VALIDITY_TOO_LONG,
                    "validity " + (expires - issued) + " s exceeds " + maxValidity.toSeconds() + " s");
        }
        SignatureParameters parameters;
        try {
            parameters = SignatureFields.toParameters(f);
        } catch (IllegalArgumentException e) {
            return Verdict.reject(UploadRejection.BAD_VALUE, e.getMessage());
        }
        long now = clock.instant().getEpochSecond();
        if (issued > now + clockSkew.toSeconds()) {
            return Verdict.reject(UploadRejection.NOT_YET_VALID,
                    "currentTimeStamp " + issued + " is " + (issued - now) + " s in the future");
        }
        if (now >= expires) {
            return Verdict.reject(UploadRejection.EXPIRED, "expired at " + parameters.expiresAt() + " (" + (now - expires) + " s ago)");
        }
        String useKey = Crypto.hex(Crypto.sha256(concat(decoded.mac(), decoded.originalBytes())));
        if (parameters.oneTimeValid()) {
            try {
                if (!replayStore.markFirstUse(useKey, parameters.expiresAt())) {
                    return Verdict.reject(UploadRejection.REPLAYED, "one-time signature already used");
                }
            } catch (RuntimeException e) {
                return Verdict.reject(UploadRejection.REPLAY_CHECK_FAILED, "replay store failed: " + e.getClass().getSimpleName());
            }
        }
        return Verdict.accept(new VerifiedUploadSignature(parameters, decoded, useKey));
    }

    private Optional<String> lookup(String secretId) {
        Optional<String> key = keys.secretKeyFor(secretId);
        return key == null ? Optional.empty() : key;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Configures a verifier; every setting has a safe default. */
    public static final class Builder {
        private final SecretKeyLookup keys;
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = Duration.ofMinutes(5);
        private Duration maxValidity = SignatureParameters.MAX_VALIDITY;
        private ReplayStore replayStore;
        private int maxLength = UploadSignatureDecoder.DEFAULT_MAX_LENGTH;

        private Builder(SecretKeyLookup keys) {
            this.keys = Objects.requireNonNull(keys, "keys == null");
        }

        /** The clock that decides expiry. Defaults to the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** How far in the future {@code currentTimeStamp} may lie. Defaults to 5 minutes. */
        public Builder clockSkew(Duration clockSkew) {
            if (clockSkew.isNegative()) {
                throw new IllegalArgumentException("clockSkew " + clockSkew + " is negative");
            }
            this.clockSkew = clockSkew;
            return this;
        }

        /** The longest accepted validity window. Defaults to, and may not exceed, 90 days. */
        public Builder maxValidity(Duration maxValidity) {
            if (maxValidity.isNegative() || maxValidity.isZero() || maxValidity.compareTo(SignatureParameters.MAX_VALIDITY) > 0) {
                throw new IllegalArgumentException("maxValidity " + maxValidity + " must be within (0, 90 days]");
            }
            this.maxValidity = maxValidity;
            return this;
        }

        /** Where one-time signatures are remembered. Defaults to a fresh {@link InMemoryReplayStore}. */
        public Builder replayStore(ReplayStore replayStore) {
            this.replayStore = Objects.requireNonNull(replayStore, "replayStore == null");
            return this;
        }

        /** Longest signature accepted, in characters. Defaults to 32 KiB. */
        public Builder maxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        public UploadSignatureVerifier build() {
            return new UploadSignatureVerifier(this);
        }
    }
}
