package io.openvod.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Shared inputs for the upload-signature tests: the spec's test credential, clocks and a raw signer. */
final class UploadSignatureFixtures {
    static final String SECRET_ID = "AKIDTESTSECRETID00000000000000000000";
    static final String SECRET_KEY = "TestSecretKey0000000000000000000";
    static final long T0 = 1_700_000_000L;
    static final long ONE_DAY = 86_400L;

    private UploadSignatureFixtures() {
    }

    static Clock clockAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    /** The rejection reason, or null when the verdict is an acceptance. */
    static RejectionReason reasonOf(Verdict<?> verdict) {
        return verdict instanceof Verdict.Rejected<?> r ? r.reason() : null;
    }

    static SecretKeyLookup keys() {
        return SecretKeyLookup.of(new Credential(SECRET_ID, SECRET_KEY));
    }

    static UploadSignatureVerifier verifierAt(long epochSecond) {
        return UploadSignatureVerifier.builder(keys()).clock(clockAt(epochSecond)).build();
    }

    /** The spec's vector A parameters (required ones only), valid from T0 for one day. */
    static SignatureParameters.Builder vectorA() {
        return SignatureParameters.builder()
                .secretId(SECRET_ID).currentTimeStamp(T0).expireTime(T0 + ONE_DAY).random(220_625);
    }

    /** Required fields of a valid original, to which a test appends what it needs. */
    static String requiredFields() {
        return "secretId=" + SECRET_ID + "&currentTimeStamp=" + T0 + "&expireTime=" + (T0 + ONE_DAY) + "&random=1";
    }

    /** Signs arbitrary bytes with javax.crypto directly, bypassing every check of the library. */
    static String signRaw(String secretKey, byte[] original) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(original);
            byte[] out = new byte[digest.length + original.length];
            System.arraycopy(digest, 0, out, 0, digest.length);
            System.arraycopy(original, 0, out, digest.length, original.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static String signRaw(String original) {
        return signRaw(SECRET_KEY, original.getBytes(StandardCharsets.UTF_8));
    }
}
