package io.openvod.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.signature.UploadSignatureVectors.Vector;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden vector signs to the exact bytes and verifies to the expected fields. */
class UploadSignatureVectorsTest {
    static final String NODE_SOURCE = "computed by src/test/scripts/compute-upload-vectors.js";

    static List<Vector> vectors() {
        return UploadSignatureVectors.all();
    }

    @Test
    void vectorFilesShouldHoldEveryPublishedVectorAndTheNodeComputedOnes() {
        Map<String, Long> bySource = vectors().stream()
                .collect(Collectors.groupingBy(Vector::source, Collectors.counting()));
        assertThat(bySource).containsEntry("spec upload-protocol §2.5 vector A", 1L)
                .containsEntry("spec upload-protocol §2.5 vector B", 1L)
                .containsEntry("spec event-protocol §12.6", 1L);
        assertThat(bySource.get(NODE_SOURCE)).isGreaterThanOrEqualTo(10);
        assertThat(bySource).hasSize(4);
        assertThat(vectors()).extracting(Vector::name).doesNotHaveDuplicates()
                .contains("seed-sample-defaults", "random-2-pow-32", "context-lengths-at-limit");
    }

    @Test
    void seedSampleVectorShouldWriteEveryEmptyDefaultOut() {
        Vector seed = vectors().stream().filter(v -> v.name().equals("seed-sample-defaults")).findFirst().orElseThrow();
        assertThat(seed.original()).endsWith("&procedure=&classId=0&oneTimeValid=0&sourceContext=");
        assertThat(seed.parsed()).doesNotContainKeys("procedure", "sourceContext")
                .containsEntry("classId", "0").containsEntry("oneTimeValid", "0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorKeysShouldBeInTheLibrarysSigningOrder(Vector v) {
        SignatureParameters parameters = UploadSignatureVectors.toParameters(v.parameters());
        assertThat(new ArrayList<>(v.parameters().keySet()))
                .containsExactlyElementsOf(parameters.toOrderedMap().keySet());
        assertThat(v.secretId()).isEqualTo(parameters.secretId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signShouldReproduceTheOriginalMacAndSignatureExactly(Vector v) {
        SignatureParameters parameters = UploadSignatureVectors.toParameters(v.parameters());

        String signature = UploadSigner.sign(parameters, v.secretKey());

        assertThat(UploadSigner.original(parameters)).isEqualTo(v.original());
        byte[] raw = Base64.getDecoder().decode(signature);
        assertThat(HexFormat.of().formatHex(raw, 0, 20)).isEqualTo(v.hmacHex());
        assertThat(signature).isEqualTo(v.signature());
        assertThat(UploadSigner.sign(v.original(), v.secretKey())).isEqualTo(v.signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifyShouldAcceptTheVectorWithItsParsedFields(Vector v) {
        SignatureParameters signed = UploadSignatureVectors.toParameters(v.parameters());
        UploadSignatureVerifier verifier = UploadSignatureVerifier
                .builder(SecretKeyLookup.from(Map.of(v.secretId(), v.secretKey())::get))
                .clock(UploadSignatureFixtures.clockAt(signed.currentTimeStamp()))
                .build();

        Verdict<VerifiedUploadSignature> verdict = verifier.verify(v.signature());

        assertThat(verdict).isInstanceOf(Verdict.Accepted.class);
        VerifiedUploadSignature verified = verdict.orElseThrow();
        assertThat(verified.parameters().toOrderedMap().entrySet())
                .containsExactlyElementsOf(v.parsed().entrySet());
        assertThat(verified.parameters())
                .isEqualTo(UploadSignatureVectors.toParameters(parsedAsJson(v)));
        assertThat(verified.decoded().original()).isEqualTo(v.original());
        assertThat(HexFormat.of().formatHex(verified.decoded().mac())).isEqualTo(v.hmacHex());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifyShouldAcceptTheVectorUntilTheSecondBeforeItExpires(Vector v) {
        SignatureParameters signed = UploadSignatureVectors.toParameters(v.parameters());
        Function<Long, Verdict<VerifiedUploadSignature>> verifyAt = now -> UploadSignatureVerifier
                .builder(SecretKeyLookup.from(Map.of(v.secretId(), v.secretKey())::get))
                .clock(UploadSignatureFixtures.clockAt(now))
                .build()
                .verify(v.signature());

        assertThat(verifyAt.apply(signed.expireTime() - 1).isAccepted()).isTrue();
        assertThat(UploadSignatureFixtures.reasonOf(verifyAt.apply(signed.expireTime())))
                .isEqualTo(UploadRejection.EXPIRED);
    }

    private static Map<String, JsonNode> parsedAsJson(Vector v) {
        Map<String, JsonNode> parsed = new LinkedHashMap<>();
        v.parameters().forEach((key, value) -> {
            if (v.parsed().containsKey(key)) {
                parsed.put(key, value);
            }
        });
        return parsed;
    }
}
