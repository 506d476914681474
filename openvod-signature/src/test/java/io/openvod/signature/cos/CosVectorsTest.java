package io.openvod.signature.cos;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.signature.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CosVectorsTest {

    static List<CosVector> vectors() {
        return CosVector.all();
    }

    static List<CosVector> signableVectors() {
        return CosVector.all().stream().filter(v -> !v.verifyOnly()).toList();
    }

    @Test
    void vectorFileShouldHoldTheThreePublishedVectorsAndTheIndependentlyComputedOnes() {
        List<CosVector> all = vectors();
        assertThat(all).filteredOn(v -> v.source().equals("spec §4.5")).extracting(CosVector::name)
                .containsExactly("upload-part", "list-multipart-uploads", "complete-multipart-upload");
        assertThat(all).extracting(CosVector::source)
                .containsOnly("spec §4.5", "computed by src/test/scripts/compute-tc3-cos-vectors.js");
        assertThat(all).filteredOn(v -> v.source().startsWith("computed")).hasSizeGreaterThanOrEqualTo(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signableVectors")
    void signerShouldReproduceEveryValueOfTheVector(CosVector v) {
        CosSignature s = new CosSigner(v.credential()).sign(v.keyTime(), v.method(), v.pathname(), v.params(), v.headers());

        assertThat(s.signature()).isEqualTo(v.expected("signature").orElseThrow());
        Map.of("signKey", s.signKey(),
                "httpString", s.httpString(),
                "stringToSign", s.stringToSign(),
                "headerList", s.headerList(),
                "urlParamList", s.urlParamList(),
                "authorization", s.authorization())
                .forEach((field, actual) -> v.expected(field).ifPresent(want -> assertThat(actual).as(field).isEqualTo(want)));
        assertThat(s.authorization()).isEqualTo(v.authorization());
        assertThat(CosSigner.signKey(v.credential().secretKey(), v.keyTime())).isEqualTo(s.signKey());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifierShouldAcceptTheRequestOfEveryVector(CosVector v) {
        for (long now : new long[] {v.signTime().start(), v.signTime().end(), v.signTime().start() - 300}) {
            CosVerifier verifier = CosVerifier.builder(CosCredentialLookup.of(v.cosCredential()))
                    .clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC))
                    .build();

            Verdict<VerifiedCosRequest> verdict = verifier.verify(v.request());

            assertThat(verdict).as("now = %d", now).isInstanceOf(Verdict.Accepted.class);
            VerifiedCosRequest accepted = verdict.orElseThrow();
            assertThat(accepted.accessKeyId()).isEqualTo(v.credential().secretId());
            assertThat(accepted.signTime()).isEqualTo(v.signTime());
            assertThat(accepted.keyTime()).isEqualTo(v.keyTime());
            assertThat(accepted.signedParameters()).hasSameSizeAs(v.params());
            assertThat(accepted.signedHeaders()).hasSameSizeAs(v.headers());
            assertThat(accepted.temporary()).isEqualTo(v.cosCredential().securityToken().isPresent());
        }
    }
}
