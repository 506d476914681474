package io.openvod.signature.tc3;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.Verdict;
import io.openvod.signature.internal.Crypto;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Tc3VectorsTest {

    static List<Tc3Vector> vectors() {
        return Tc3Vector.all();
    }

    static List<Tc3Vector> signableVectors() {
        return Tc3Vector.all().stream().filter(v -> !v.verifyOnly()).toList();
    }

    @Test
    void vectorFileShouldHoldEveryPublishedVectorAndTheIndependentlyComputedOnes() {
        List<Tc3Vector> all = vectors();
        assertThat(all).extracting(Tc3Vector::source)
                .containsOnly("spec §12.3", "spec §12.4", "computed by src/test/scripts/compute-tc3-cos-vectors.js");
        assertThat(all).filteredOn(v -> v.source().equals("spec §12.3")).hasSize(1);
        assertThat(all).filteredOn(v -> v.source().equals("spec §12.4")).hasSize(2);
        assertThat(all).filteredOn(v -> v.source().startsWith("computed")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void publishedCvmBodyShouldContainTheEscapeSequenceNotTheChineseText() {
        Tc3Vector cvm = vectors().getFirst();
        assertThat(new String(cvm.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("[\"\\u672a\\u547d\\u540d\"]")
                .doesNotContain("未命名");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signableVectors")
    void signerShouldReproduceEveryValueOfTheVector(Tc3Vector v) {
        Tc3Signature s = new Tc3Signer(v.credential(), v.service()).sign(v.timestamp(), v.method(), v.query(), v.headers(), v.body());

        assertThat(s.signature()).isEqualTo(v.expected("signature").orElseThrow());
        Map.of("hashedPayload", s.hashedPayload(),
                "canonicalRequest", s.canonicalRequest(),
                "hashedCanonicalRequest", s.hashedCanonicalRequest(),
                "stringToSign", s.stringToSign(),
                "credentialScope", s.credentialScope(),
                "authorization", s.authorization())
                .forEach((field, actual) -> v.expected(field).ifPresent(want -> assertThat(actual).as(field).isEqualTo(want)));
        assertThat(s.authorization()).isEqualTo(v.authorization());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signableVectors")
    void signingKeyChainShouldMatchTheVectorWhereItIsPublished(Tc3Vector v) {
        String date = Tc3Canonical.date(v.timestamp());
        byte[] kDate = Crypto.hmacSha256(Crypto.utf8("TC3" + v.credential().secretKey()), Crypto.utf8(date));
        byte[] kService = Crypto.hmacSha256(kDate, Crypto.utf8(v.service()));
        v.expected("kDate").ifPresent(want -> assertThat(Crypto.hex(kDate)).isEqualTo(want));
        v.expected("kService").ifPresent(want -> assertThat(Crypto.hex(kService)).isEqualTo(want));
        v.expected("kSigning").ifPresent(want ->
                assertThat(Crypto.hex(Tc3Signer.signingKey(v.credential().secretKey(), date, v.service()))).isEqualTo(want));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifierShouldAcceptTheRequestOfEveryVector(Tc3Vector v) {
        for (long offset : new long[] {-300, 0, 120, 300}) {
            Tc3Verifier verifier = Tc3Verifier.builder(SecretKeyLookup.of(v.credential()))
                    .service(v.service())
                    .clock(Clock.fixed(Instant.ofEpochSecond(v.timestamp() + offset), ZoneOffset.UTC))
                    .build();

            Verdict<VerifiedTc3Request> verdict = verifier.verify(v.request());

            assertThat(verdict).as("clock offset %d s", offset).isInstanceOf(Verdict.Accepted.class);
            VerifiedTc3Request accepted = verdict.orElseThrow();
            assertThat(accepted.secretId()).isEqualTo(v.credential().secretId());
            assertThat(accepted.timestamp()).isEqualTo(v.timestamp());
            assertThat(accepted.signedHeaders()).contains("content-type", "host");
            assertThat(accepted.token()).isEqualTo(java.util.Optional.ofNullable(v.unsignedHeaders().get("X-TC-Token")));
        }
    }
}
