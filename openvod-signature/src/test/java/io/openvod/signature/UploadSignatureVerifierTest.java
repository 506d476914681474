package io.openvod.signature;

import static io.openvod.signature.UploadSignatureFixtures.SECRET_ID;
import static io.openvod.signature.UploadSignatureFixtures.SECRET_KEY;
import static io.openvod.signature.UploadSignatureFixtures.T0;
import static io.openvod.signature.UploadSignatureFixtures.reasonOf;
import static io.openvod.signature.UploadSignatureFixtures.requiredFields;
import static io.openvod.signature.UploadSignatureFixtures.signRaw;
import static io.openvod.signature.UploadSignatureFixtures.vectorA;
import static io.openvod.signature.UploadSignatureFixtures.verifierAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the verifier does with the signature's shape: Base64, length, UTF-8, query syntax, the
 * secret id and the MAC. Values, time and one-time use are in the sibling test classes.
 */
class UploadSignatureVerifierTest {
    private static final String VECTOR_A = UploadSigner.sign(vectorA().build(), SECRET_KEY);

    private static RejectionReason verify(String signature) {
        return reasonOf(verifierAt(T0).verify(signature));
    }

    private static String expiringAt(long expireTime) {
        return requiredFields().replace("expireTime=" + (T0 + 86_400), "expireTime=" + expireTime);
    }

    @Test
    void everyRejectionReasonShouldBeProducedBySomeInput() {
        Map<UploadRejection, Supplier<Verdict<?>>> inputs = new EnumMap<>(UploadRejection.class);
        UploadSignatureVerifier v = verifierAt(T0);
        inputs.put(UploadRejection.EMPTY, () -> v.verify(""));
        inputs.put(UploadRejection.TOO_LARGE, () -> v.verify("A".repeat(UploadSignatureDecoder.DEFAULT_MAX_LENGTH + 4)));
        inputs.put(UploadRejection.MALFORMED_BASE64, () -> v.verify("not*base64"));
        inputs.put(UploadRejection.TOO_SHORT, () -> v.verify(Base64.getEncoder().encodeToString(new byte[20])));
        inputs.put(UploadRejection.NOT_UTF8, () -> v.verify(signRaw(SECRET_KEY, new byte[] {'a', '=', (byte) 0xFF})));
        inputs.put(UploadRejection.MALFORMED_QUERY, () -> v.verify(signRaw(requiredFields() + "&procedure=%G1")));
        inputs.put(UploadRejection.DUPLICATE_FIELD, () -> v.verify(signRaw(requiredFields() + "&random=2")));
        inputs.put(UploadRejection.MISSING_FIELD, () -> v.verify(signRaw("currentTimeStamp=" + T0)));
        inputs.put(UploadRejection.UNKNOWN_SECRET_ID, () -> v.verify(signRaw(requiredFields().replace(SECRET_ID, "AKIDunknown"))));
        inputs.put(UploadRejection.KEY_LOOKUP_FAILED, () -> UploadSignatureVerifier.builder(id -> {
                    throw new IllegalStateException("key store is down");
                }).clock(UploadSignatureFixtures.clockAt(T0)).build().verify(VECTOR_A));
        inputs.put(UploadRejection.BAD_MAC, () -> v.verify(UploadSigner.sign(vectorA().build(), "another key")));
        inputs.put(UploadRejection.BAD_VALUE, () -> v.verify(signRaw(requiredFields() + "&taskPriority=11")));
        inputs.put(UploadRejection.INVALID_VALIDITY, () -> v.verify(signRaw(expiringAt(T0))));
        inputs.put(UploadRejection.VALIDITY_TOO_LONG, () -> v.verify(signRaw(expiringAt(T0 + 7_776_001))));
        inputs.put(UploadRejection.NOT_YET_VALID, () -> verifierAt(T0 - 301).verify(VECTOR_A));
        inputs.put(UploadRejection.EXPIRED, () -> verifierAt(T0 + 86400).verify(VECTOR_A));
        String oneTime = UploadSigner.sign(vectorA().oneTimeValid(true).build(), SECRET_KEY);
        inputs.put(UploadRejection.REPLAYED, () -> {
            v.verify(oneTime);
            return v.verify(oneTime);
        });
        inputs.put(UploadRejection.REPLAY_CHECK_FAILED, () -> UploadSignatureVerifier.builder(UploadSignatureFixtures.keys())
                .clock(UploadSignatureFixtures.clockAt(T0))
                .replayStore((key, until) -> {
                    throw new IllegalStateException("store is down");
                })
                .build().verify(oneTime));

        assertThat(inputs.keySet()).containsExactlyInAnyOrder(UploadRejection.values());
        inputs.forEach((reason, input) -> assertThat(reasonOf(input.get())).as(reason.name()).isEqualTo(reason));
    }

    @Test
    void verifyShouldAcceptTheSpecsVectorA() {
        assertThat(verifierAt(T0).verify(VECTOR_A).orElseThrow().parameters()).isEqualTo(vectorA().build());
    }

    @Test
    void verifyShouldRejectNullEmptyAndBlankAsEmpty() {
        assertThat(verify(null)).isEqualTo(UploadRejection.EMPTY);
        assertThat(verify("")).isEqualTo(UploadRejection.EMPTY);
        assertThat(verify("   ")).isEqualTo(UploadRejection.EMPTY);
        assertThat(verify("\r\n\t")).isEqualTo(UploadRejection.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc$", "ItLb!Qmch7", "ItLb.Qmch7", "签名签名", "ItLb\u0000Qmch", "ItLbSQ%3D", "It=LbSQ", "A=B="})
    void verifyShouldRejectCharactersOutsideBase64(String signature) {
        assertThat(verify(signature)).isEqualTo(UploadRejection.MALFORMED_BASE64);
    }

    @Test
    void verifyShouldRejectALengthNoBase64StringCanHave() {
        assertThat(verify("ItLbS")).isEqualTo(UploadRejection.MALFORMED_BASE64);
        assertThat(verify(VECTOR_A + "A")).isEqualTo(UploadRejection.MALFORMED_BASE64);
    }

    @Test
    void verifyShouldRejectDecodedSignaturesOfTwentyBytesOrLess() {
        byte[] full = Base64.getDecoder().decode(VECTOR_A);
        for (int n = 1; n <= 20; n++) {
            String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(full, n));
            assertThat(verify(truncated)).as("%d bytes", n).isEqualTo(UploadRejection.TOO_SHORT);
        }
        assertThat(verify(Base64.getEncoder().encodeToString(Arrays.copyOf(full, 21))))
                .isEqualTo(UploadRejection.MISSING_FIELD);
    }

    @Test
    void verifyShouldRejectSignaturesLongerThanMaxLength() {
        assertThat(verify("A".repeat(UploadSignatureDecoder.DEFAULT_MAX_LENGTH + 1))).isEqualTo(UploadRejection.TOO_LARGE);
        assertThat(verify("\n".repeat(UploadSignatureDecoder.DEFAULT_MAX_LENGTH) + VECTOR_A)).isEqualTo(UploadRejection.TOO_LARGE);
        UploadSignatureVerifier.Builder limited = UploadSignatureVerifier.builder(UploadSignatureFixtures.keys())
                .clock(UploadSignatureFixtures.clockAt(T0));
        assertThat(reasonOf(limited.maxLength(VECTOR_A.length() - 1).build().verify(VECTOR_A))).isEqualTo(UploadRejection.TOO_LARGE);
        assertThat(limited.maxLength(VECTOR_A.length()).build().verify(VECTOR_A).isAccepted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FF", "C0AF", "EDA080", "E6B5", "F4908080", "80"})
    void verifyShouldRejectAnOriginalThatIsNotUtf8(String badHex) {
        byte[] prefix = (requiredFields() + "&sourceContext=").getBytes(StandardCharsets.UTF_8);
        byte[] bad = HexFormat.of().parseHex(badHex);
        byte[] original = Arrays.copyOf(prefix, prefix.length + bad.length);
        System.arraycopy(bad, 0, original, prefix.length, bad.length);

        assertThat(verify(signRaw(SECRET_KEY, original))).isEqualTo(UploadRejection.NOT_UTF8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%4", "%G1", "%1G", "%FF", "%E6%B5", "%ED%A0%80", "%C0%AF", "a%%20"})
    void verifyShouldRejectPercentEscapesThatAreBadOrNotUtf8(String value) {
        assertThat(verify(signRaw(requiredFields() + "&sourceContext=" + value))).isEqualTo(UploadRejection.MALFORMED_QUERY);
        assertThat(verify(signRaw(requiredFields() + "&" + value + "=1"))).isEqualTo(UploadRejection.MALFORMED_QUERY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&random=2", "&random=1", "&secretId=" + SECRET_ID, "&secret%49d=x",
            "&sourceContext=a&sourceContext=b", "&classId=&classId=", "&foo=1&foo=2"})
    void verifyShouldRejectDuplicateKeys(String suffix) {
        assertThat(verify(signRaw(requiredFields() + suffix))).isEqualTo(UploadRejection.DUPLICATE_FIELD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secretId", "currentTimeStamp", "expireTime", "random"})
    void verifyShouldRejectEachMissingRequiredField(String field) {
        String original = requiredFields().replaceFirst(field + "=[^&]*&?", "").replaceFirst("&$", "");
        assertThat(original).doesNotContain(field + "=");

        assertThat(verify(signRaw(original))).isEqualTo(UploadRejection.MISSING_FIELD);
    }

    @Test
    void verifyShouldRejectAnEmptySecretIdAsMissing() {
        assertThat(verify(signRaw(requiredFields().replace("secretId=" + SECRET_ID, "secretId=")))).isEqualTo(UploadRejection.MISSING_FIELD);
    }

    @Test
    void verifyShouldRejectAnUnknownSecretId() {
        String signature = UploadSigner.sign(vectorA().secretId("AKIDsomebodyElse").build(), SECRET_KEY);
        assertThat(verify(signature)).isEqualTo(UploadRejection.UNKNOWN_SECRET_ID);
        UploadSignatureVerifier nullAnswering = UploadSignatureVerifier.builder(id -> null)
                .clock(UploadSignatureFixtures.clockAt(T0)).build();
        assertThat(reasonOf(nullAnswering.verify(VECTOR_A))).isEqualTo(UploadRejection.UNKNOWN_SECRET_ID);
        UploadSignatureVerifier emptyAnswering = UploadSignatureVerifier.builder(id -> Optional.empty())
                .clock(UploadSignatureFixtures.clockAt(T0)).build();
        assertThat(reasonOf(emptyAnswering.verify(VECTOR_A))).isEqualTo(UploadRejection.UNKNOWN_SECRET_ID);
    }

    @Test
    void verifyShouldRejectAMacMadeWithAnotherKeyOrOverOtherBytes() {
        assertThat(verify(UploadSigner.sign(vectorA().build(), SECRET_KEY + "x"))).isEqualTo(UploadRejection.BAD_MAC);
        byte[] raw = Base64.getDecoder().decode(VECTOR_A);
        raw[raw.length - 1] = '6';
        assertThat(verify(Base64.getEncoder().encodeToString(raw))).isEqualTo(UploadRejection.BAD_MAC);
        byte[] zeroMac = Base64.getDecoder().decode(VECTOR_A);
        Arrays.fill(zeroMac, 0, 20, (byte) 0);
        assertThat(verify(Base64.getEncoder().encodeToString(zeroMac))).isEqualTo(UploadRejection.BAD_MAC);
    }

    @Test
    void verifyShouldTolerateSpacesForPlusUrlSafeAlphabetMissingPaddingAndLineBreaks() {
        String padded = UploadSigner.sign(vectorA().random(3).build(), SECRET_KEY);
        assertThat(VECTOR_A).contains("+", "/");
        assertThat(padded).endsWith("=");

        assertThat(verifierAt(T0).verify(VECTOR_A.replace('+', ' ')).isAccepted()).isTrue();
        assertThat(verifierAt(T0).verify(VECTOR_A.replace('+', '-').replace('/', '_')).isAccepted()).isTrue();
        assertThat(verifierAt(T0).verify(padded.replace("=", "")).isAccepted()).isTrue();
        assertThat(verifierAt(T0).verify(Base64.getMimeEncoder().encodeToString(Base64.getDecoder().decode(VECTOR_A))).isAccepted()).isTrue();
        assertThat(verifierAt(T0).verify(VECTOR_A.substring(0, 10) + "\n" + VECTOR_A.substring(10) + "\r\n").isAccepted()).isTrue();
        assertThat(verifierAt(T0).verify("\t" + VECTOR_A).isAccepted()).isTrue();
    }

    @Test
    void verifyShouldTolerateAFormDecodedPlusAtEitherEndOfTheSignature() {
        String leadingPlus = null;
        for (long random = 0; leadingPlus == null && random < 100_000; random++) {
            String signature = UploadSigner.sign(vectorA().random(random).build(), SECRET_KEY);
            leadingPlus = signature.startsWith("+") ? signature : null;
        }
        // '~' (0x7E) ends the Base64 in '+' when the decoded length is a multiple of 3.
        String trailingPlus = null;
        for (int pad = 0; trailingPlus == null && pad < 3; pad++) {
            String signature = UploadSigner.sign(vectorA().sourceContext("a".repeat(pad) + "~").build(), SECRET_KEY);
            trailingPlus = signature.endsWith("+") ? signature : null;
        }
        assertThat(leadingPlus).startsWith("+");
        assertThat(trailingPlus).endsWith("+");

        assertThat(verifierAt(T0).verify(leadingPlus.replace('+', ' ')).isAccepted()).isTrue();
        assertThat(verifierAt(T0).verify(trailingPlus.replace('+', ' ')).isAccepted()).isTrue();
    }

    @Test
    void verifyShouldRejectNonCanonicalBase64WithNonZeroPaddingBits() {
        String oneByteOver = UploadSigner.sign(vectorA().random(3).build(), SECRET_KEY);
        assertThat(oneByteOver).endsWith("==");
        String twoBytesOver = UploadSigner.sign(vectorA().random(30).build(), SECRET_KEY);
        assertThat(twoBytesOver).endsWith("=").doesNotEndWith("==");

        for (String signature : new String[] {oneByteOver, twoBytesOver}) {
            int last = signature.indexOf('=') - 1;
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            int value = alphabet.indexOf(signature.charAt(last));
            String tampered = signature.substring(0, last) + alphabet.charAt(value | 1) + signature.substring(last + 1);
            assertThat(tampered).isNotEqualTo(signature);
            assertThat(verify(tampered)).isEqualTo(UploadRejection.MALFORMED_BASE64);
            assertThat(verify(tampered.replace("=", ""))).isEqualTo(UploadRejection.MALFORMED_BASE64);
        }
    }

    @Test
    void verifyShouldAcceptOriginalsEncodedLikeThePhpAndJavaSamples() {
        String php = requiredFields() + "&procedure=QCVB_SimpleProcessFile%281%2C1%29&sourceContext=user+42%2F%e6%b5%8b%e8%af%95";
        String java = requiredFields() + "&procedure=QCVB_SimpleProcessFile(1,1)&sourceContext=user+42/测试";

        for (String original : new String[] {php, java}) {
            SignatureParameters p = verifierAt(T0).verify(signRaw(original)).orElseThrow().parameters();
            assertThat(p.procedure()).contains("QCVB_SimpleProcessFile(1,1)");
            assertThat(p.sourceContext()).contains("user 42/测试");
        }
    }

    @Test
    void verifyShouldIgnoreUnknownKeysAndEmptySegments() {
        String original = "isTranscode=1&" + requiredFields() + "&&fileId=5285890813342811041&=orphan&flag&x%20y=%E2%9C%93&";

        VerifiedUploadSignature verified = verifierAt(T0).verify(signRaw(original)).orElseThrow();

        assertThat(verified.parameters()).isEqualTo(vectorA().random(1).build());
        assertThat(verified.decoded().fields()).containsEntry("isTranscode", "1").containsEntry("flag", "")
                .containsEntry("", "orphan").containsEntry("x y", "\u2713");
    }
}
