package io.openvod.signature;

import static io.openvod.signature.UploadSignatureFixtures.ONE_DAY;
import static io.openvod.signature.UploadSignatureFixtures.SECRET_KEY;
import static io.openvod.signature.UploadSignatureFixtures.T0;
import static io.openvod.signature.UploadSignatureFixtures.clockAt;
import static io.openvod.signature.UploadSignatureFixtures.reasonOf;
import static io.openvod.signature.UploadSignatureFixtures.requiredFields;
import static io.openvod.signature.UploadSignatureFixtures.signRaw;
import static io.openvod.signature.UploadSignatureFixtures.vectorA;
import static io.openvod.signature.UploadSignatureFixtures.verifierAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The verifier's checks of each value and of the validity window, on correctly signed input. */
class UploadSignatureVerifierValuesTest {

    /** Signs the required fields with one replaced or one appended, and verifies at T0. */
    private static Verdict<VerifiedUploadSignature> verifyWith(String field, String value) {
        String original = requiredFields().contains(field + "=")
                ? requiredFields().replaceFirst(field + "=[^&]*", field + "=" + value)
                : requiredFields() + "&" + field + "=" + value;
        return verifierAt(T0).verify(signRaw(original));
    }

    private static Verdict<VerifiedUploadSignature> verifyTimes(long issued, long expires, long now) {
        String signature = UploadSigner.sign(
                "secretId=" + UploadSignatureFixtures.SECRET_ID + "&currentTimeStamp=" + issued
                        + "&expireTime=" + expires + "&random=1", SECRET_KEY);
        return verifierAt(now).verify(signature);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            currentTimeStamp | -1
            currentTimeStamp | 17000000000000000000
            currentTimeStamp | 9999999999999999999
            currentTimeStamp | 1700000000.123
            currentTimeStamp | +1700000000
            currentTimeStamp | 0x6553F100
            currentTimeStamp | ''
            expireTime       | -1700086400
            expireTime       | 1.7000864E9
            random           | -1
            random           | 4294967297
            random           | 99999999999999999999
            random           | 12ab
            classId          | -1
            classId          | 123456789012345678901
            classId          | one
            vodSubAppId      | -1500000001
            vodSubAppId      | 1e9
            taskPriority     | 11
            taskPriority     | -11
            taskPriority     | abc
            taskPriority     | 1.5
            taskPriority     | --1
            taskPriority     | 2147483648
            taskNotifyMode   | finish
            taskNotifyMode   | FINISH
            taskNotifyMode   | Finish%20
            taskNotifyMode   | All
            oneTimeValid     | 2
            oneTimeValid     | -1
            oneTimeValid     | true
            storageRegion    | AP-Chongqing
            storageRegion    | ap%20chongqing
            """)
    void verifyShouldRejectOutOfRangeOrMalformedValuesNamingTheField(String field, String value) {
        Verdict<VerifiedUploadSignature> verdict = verifyWith(field, value);

        assertThat(reasonOf(verdict)).isEqualTo(UploadRejection.BAD_VALUE);
        assertThat(((Verdict.Rejected<?>) verdict).detail()).contains(field);
    }

    @Test
    void verifyShouldRejectContextsOverTheirLengthLimits() {
        assertThat(reasonOf(verifyWith("sourceContext", "x".repeat(251)))).isEqualTo(UploadRejection.BAD_VALUE);
        assertThat(reasonOf(verifyWith("sessionContext", "x".repeat(1001)))).isEqualTo(UploadRejection.BAD_VALUE);
        assertThat(reasonOf(verifyWith("sourceContext", "%E6%B5%8B".repeat(251)))).isEqualTo(UploadRejection.BAD_VALUE);
    }

    @Test
    void verifyShouldAcceptContextsAtTheirLengthLimitsCountedInCharacters() {
        assertThat(verifyWith("sourceContext", "x".repeat(250)).orElseThrow().parameters().sourceContext()).hasValue("x".repeat(250));
        assertThat(verifyWith("sessionContext", "x".repeat(1000)).isAccepted()).isTrue();
        String emoji = "\uD83D\uDE00".repeat(250);
        assertThat(verifyWith("sourceContext", QueryString.escape(emoji)).orElseThrow().parameters().sourceContext()).hasValue(emoji);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            taskPriority   | 10       | 10
            taskPriority   | -10      | -10
            taskPriority   | -0       | 0
            classId        | 0        | 0
            random         | 4294967296 | 4294967296
            random         | 0        | 0
            random         | 00000042 | 42
            oneTimeValid   | 0        | 0
            taskNotifyMode | None     | None
            storageRegion  | ap-chongqing | ap-chongqing
            vodSubAppId    | 1500000001 | 1500000001
            """)
    void verifyShouldAcceptValuesAtTheEdgesOfTheirRanges(String field, String value, String parsed) {
        assertThat(verifyWith(field, value).orElseThrow().parameters().toOrderedMap()).containsEntry(field, parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"procedure", "classId", "taskPriority", "taskNotifyMode", "oneTimeValid", "sourceContext",
            "sessionContext", "vodSubAppId", "storageRegion"})
    void verifyShouldTreatAnOptionalFieldSignedEmptyAsAbsent(String field) {
        SignatureParameters parameters = verifyWith(field, "").orElseThrow().parameters();

        assertThat(parameters).isEqualTo(vectorA().random(1).build());
        assertThat(parameters.toOrderedMap()).doesNotContainKey(field);
    }

    @Test
    void verifyShouldRejectExpireTimeNotAfterCurrentTimeStamp() {
        assertThat(reasonOf(verifyTimes(T0, T0, T0))).isEqualTo(UploadRejection.INVALID_VALIDITY);
        assertThat(reasonOf(verifyTimes(T0, T0 - 1, T0 - 10))).isEqualTo(UploadRejection.INVALID_VALIDITY);
        assertThat(reasonOf(verifyTimes(T0, 0, T0))).isEqualTo(UploadRejection.INVALID_VALIDITY);
    }

    @Test
    void verifyShouldRejectValidityOverNinetyDaysButAcceptExactlyNinetyDays() {
        assertThat(verifyTimes(T0, T0 + 7_776_000, T0).isAccepted()).isTrue();
        assertThat(reasonOf(verifyTimes(T0, T0 + 7_776_001, T0))).isEqualTo(UploadRejection.VALIDITY_TOO_LONG);
        assertThat(reasonOf(verifyTimes(0, Long.MAX_VALUE, T0))).isEqualTo(UploadRejection.VALIDITY_TOO_LONG);
    }

    @Test
    void verifyShouldRejectValidityOverAConfiguredMaximum() {
        UploadSignatureVerifier oneHour = UploadSignatureVerifier.builder(UploadSignatureFixtures.keys())
                .clock(clockAt(T0)).maxValidity(Duration.ofHours(1)).build();

        assertThat(oneHour.verify(UploadSigner.sign(vectorA().expireTime(T0 + 3600).build(), SECRET_KEY)).isAccepted()).isTrue();
        assertThat(reasonOf(oneHour.verify(UploadSigner.sign(vectorA().expireTime(T0 + 3601).build(), SECRET_KEY))))
                .isEqualTo(UploadRejection.VALIDITY_TOO_LONG);
    }

    @Test
    void verifyShouldRejectASignatureIssuedFurtherInTheFutureThanTheClockSkew() {
        assertThat(reasonOf(verifyTimes(T0 + 301, T0 + ONE_DAY, T0))).isEqualTo(UploadRejection.NOT_YET_VALID);
        assertThat(verifyTimes(T0 + 300, T0 + ONE_DAY, T0).isAccepted()).isTrue();
        assertThat(verifyTimes(T0 + 1, T0 + ONE_DAY, T0).isAccepted()).isTrue();
        assertThat(reasonOf(verifyTimes(Long.MAX_VALUE - 10, Long.MAX_VALUE, T0))).isEqualTo(UploadRejection.NOT_YET_VALID);
    }

    @Test
    void verifyShouldApplyAConfiguredClockSkew() {
        String signature = UploadSigner.sign(vectorA().build(), SECRET_KEY);
        UploadSignatureVerifier.Builder builder = UploadSignatureVerifier.builder(UploadSignatureFixtures.keys()).clock(clockAt(T0 - 1));

        assertThat(reasonOf(builder.clockSkew(Duration.ZERO).build().verify(signature))).isEqualTo(UploadRejection.NOT_YET_VALID);
        assertThat(builder.clockSkew(Duration.ofSeconds(1)).build().verify(signature).isAccepted()).isTrue();
        assertThat(reasonOf(builder.clockSkew(Duration.ofSeconds(1)).clock(clockAt(T0 - 2)).build().verify(signature)))
                .isEqualTo(UploadRejection.NOT_YET_VALID);
    }

    @Test
    void verifyShouldTreatTheExpireTimeSecondItselfAsExpired() {
        assertThat(verifyTimes(T0, T0 + ONE_DAY, T0 + ONE_DAY - 1).isAccepted()).isTrue();
        assertThat(reasonOf(verifyTimes(T0, T0 + ONE_DAY, T0 + ONE_DAY))).isEqualTo(UploadRejection.EXPIRED);
        assertThat(reasonOf(verifyTimes(T0, T0 + ONE_DAY, T0 + 365 * ONE_DAY))).isEqualTo(UploadRejection.EXPIRED);
    }

    @Test
    void verifyShouldCheckTheMacBeforeAnyValue() {
        String forged = UploadSigner.sign(requiredFields() + "&taskPriority=99&oneTimeValid=7", "not the key");

        assertThat(reasonOf(verifierAt(T0).verify(forged))).isEqualTo(UploadRejection.BAD_MAC);
    }
}
