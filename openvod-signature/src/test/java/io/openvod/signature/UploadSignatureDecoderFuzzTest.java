package io.openvod.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any text given as a client-upload signature is either decoded or refused with a
 * {@link Verdict.Rejected}: the decoder and the verifier never throw for bad input. Seeds: the
 * spec's signatures (src/test/resources/…/UploadSignatureDecoderFuzzTestInputs/decode).
 */
class UploadSignatureDecoderFuzzTest {
    private final UploadSignatureDecoder decoder = new UploadSignatureDecoder();
    private final UploadSignatureVerifier verifier = UploadSignatureFixtures.verifierAt(UploadSignatureFixtures.T0 + 60);

    @FuzzTest(maxDuration = "5s")
    void decode(byte[] input) {
        String signature = new String(input, StandardCharsets.UTF_8);
        Verdict<DecodedSignature> decoded = decoder.decode(signature);
        assertThat(decoded).isNotNull();
        if (decoded instanceof Verdict.Accepted<DecodedSignature>(DecodedSignature d)) {
            assertThat(d.mac()).hasSize(UploadSignatureDecoder.MAC_LENGTH);
            assertThat(QueryString.parse(d.original())).isEqualTo(d.fields());
        }
        assertThat(verifier.verify(signature)).isNotNull();
    }
}
