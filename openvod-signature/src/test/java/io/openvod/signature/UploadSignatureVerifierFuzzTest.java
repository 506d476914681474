package io.openvod.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

/**
 * Any {@code original}, correctly signed, is either accepted or refused with a
 * {@link Verdict.Rejected} (the MAC is right, so every check after it is reached). What is
 * accepted round-trips: the parameters it yields, signed again, verify to the same parameters.
 * Seeds: the spec's originals (…/UploadSignatureVerifierFuzzTestInputs/verifySigned).
 */
class UploadSignatureVerifierFuzzTest {
    private static final long NOW = UploadSignatureFixtures.T0 + 60;
    private static final String KEY = UploadSignatureFixtures.SECRET_KEY;
    private static final SecretKeyLookup ANY_ID = secretId -> Optional.of(KEY);

    @FuzzTest(maxDuration = "5s")
    void verifySigned(byte[] original) {
        Verdict<VerifiedUploadSignature> verdict = verifier().verify(UploadSignatureFixtures.signRaw(KEY, original));
        assertThat(verdict).isNotNull();
        if (verdict instanceof Verdict.Accepted<VerifiedUploadSignature>(VerifiedUploadSignature verified)) {
            SignatureParameters parameters = verified.parameters();
            assertThat(parameters.secretId()).isEqualTo(verified.decoded().fields().get("secretId"));
            Verdict<VerifiedUploadSignature> again = verifier().verify(UploadSigner.sign(parameters, KEY));
            assertThat(again.orElseThrow().parameters()).isEqualTo(parameters);
        }
    }

    private static UploadSignatureVerifier verifier() {
        return UploadSignatureVerifier.builder(ANY_ID).clock(UploadSignatureFixtures.clockAt(NOW)).build();
    }
}
