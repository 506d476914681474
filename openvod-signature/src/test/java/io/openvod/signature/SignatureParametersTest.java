package io.openvod.signature;

import static io.openvod.signature.UploadSignatureFixtures.SECRET_ID;
import static io.openvod.signature.UploadSignatureFixtures.T0;
import static io.openvod.signature.UploadSignatureFixtures.vectorA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignatureParametersTest {

    private static SignatureParameters.Builder everything() {
        return vectorA().procedure("LongVideoPreset").classId(7L).taskPriority(-3).taskNotifyMode(TaskNotifyMode.Change)
                .oneTimeValid(true).sourceContext("src").sessionContext("session").vodSubAppId(1_500_000_001L)
                .storageRegion("ap-chongqing");
    }

    static Stream<Arguments> invalidBuilders() {
        return Stream.of(
                invalid("secretId", b -> b.secretId(null)),
                invalid("secretId", b -> b.secretId("")),
                invalid("secretId", b -> b.secretId("AKID\n")),
                invalid("secretId", b -> b.secretId("AKID\u007F")),
                invalid("secretId", b -> b.secretId("AKID\uD800")),
                invalid("currentTimeStamp", b -> SignatureParameters.builder().secretId(SECRET_ID).expireTime(T0).random(1)),
                invalid("expireTime", b -> SignatureParameters.builder().secretId(SECRET_ID).currentTimeStamp(T0).random(1)),
                invalid("random", b -> SignatureParameters.builder().secretId(SECRET_ID).currentTimeStamp(T0).expireTime(T0 + 1)),
                invalid("currentTimeStamp", b -> b.currentTimeStamp(-1).expireTime(10)),
                invalid("random", b -> b.random(-1)),
                invalid("random", b -> b.random(SignatureParameters.MAX_RANDOM + 1)),
                invalid("expireTime", b -> b.expireTime(T0)),
                invalid("expireTime", b -> b.expireTime(T0 - 1)),
                invalid("validity", b -> b.expireTime(T0 + 7_776_001)),
                invalid("classId", b -> b.classId(-1L)),
                invalid("taskPriority", b -> b.taskPriority(11)),
                invalid("taskPriority", b -> b.taskPriority(-11)),
                invalid("sourceContext", b -> b.sourceContext("x".repeat(251))),
                invalid("sessionContext", b -> b.sessionContext("测".repeat(1001))),
                invalid("procedure", b -> b.procedure("bad\uDC00")),
                invalid("sourceContext", b -> b.sourceContext("\uD83D")),
                invalid("sessionContext", b -> b.sessionContext("x\uDE00y")),
                invalid("vodSubAppId", b -> b.vodSubAppId(-1L)),
                invalid("storageRegion", b -> b.storageRegion("AP-Chongqing")),
                invalid("storageRegion", b -> b.storageRegion("ap chongqing")),
                invalid("storageRegion", b -> b.storageRegion("-ap")),
                invalid("storageRegion", b -> b.storageRegion("a".repeat(65))));
    }

    private static Arguments invalid(String field, UnaryOperator<SignatureParameters.Builder> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalidBuilders")
    void buildShouldRejectInvalidValuesWithAMessageNamingTheField(String field, UnaryOperator<SignatureParameters.Builder> change) {
        SignatureParameters.Builder builder = change.apply(vectorA());

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
    }

    @Test
    void buildShouldAcceptValuesAtTheEdgesOfTheirRanges() {
        SignatureParameters p = vectorA().random(SignatureParameters.MAX_RANDOM).expireTime(T0 + 7_776_000)
                .taskPriority(-10).classId(0L).vodSubAppId(0L).sourceContext("😀".repeat(250))
                .sessionContext("测".repeat(1000)).procedure("").storageRegion("").build();

        assertThat(p.random()).isEqualTo(4_294_967_296L);
        assertThat(p.validity()).isEqualTo(Duration.ofDays(90));
        assertThat(vectorA().currentTimeStamp(0).expireTime(1).build().issuedAt()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void toOrderedMapShouldUseTheFixedSigningOrderWithWhateverIsPresent() {
        assertThat(everything().build().toOrderedMap().keySet()).containsExactly("secretId", "currentTimeStamp",
                "expireTime", "random", "procedure", "classId", "taskPriority", "taskNotifyMode", "oneTimeValid",
                "sourceContext", "sessionContext", "vodSubAppId", "storageRegion");
        assertThat(vectorA().storageRegion("x").classId(1L).build().toOrderedMap().keySet())
                .containsExactly("secretId", "currentTimeStamp", "expireTime", "random", "classId", "storageRegion");
    }

    @Test
    void toOrderedMapShouldWritePresentEmptyOrZeroValuesOut() {
        SignatureParameters seedDefaults = vectorA().procedure("").classId(0L).oneTimeValid(false).sourceContext("").build();

        assertThat(UploadSigner.original(seedDefaults)).endsWith("&procedure=&classId=0&oneTimeValid=0&sourceContext=");
    }

    @Test
    void newBuilderShouldCopyWithoutChangingTheOriginal() {
        SignatureParameters original = everything().build();
        String before = original.toString();

        SignatureParameters changed = original.newBuilder().random(5).procedure(null).clearOneTimeValid()
                .sourceContext("other").taskNotifyMode(TaskNotifyMode.None).build();

        assertThat(original.toString()).isEqualTo(before);
        assertThat(original).isEqualTo(everything().build());
        assertThat(changed.random()).isEqualTo(5);
        assertThat(changed.procedure()).isEmpty();
        assertThat(changed.oneTimeValidValue()).isEmpty();
        assertThat(changed.oneTimeValid()).isFalse();
        assertThat(original.newBuilder().build()).isEqualTo(original).isNotSameAs(original);
    }

    @Test
    void toOrderedMapShouldBeACopy() {
        SignatureParameters p = everything().build();

        p.toOrderedMap().put("random", "0");
        p.toOrderedMap().clear();

        assertThat(p.toOrderedMap()).containsEntry("random", "220625").hasSize(13);
    }

    @Test
    void builderShouldNotBeAffectedByChangesAfterBuild() {
        SignatureParameters.Builder builder = everything();
        SignatureParameters built = builder.build();

        builder.random(1).sourceContext(null).classId(null);

        assertThat(built.random()).isEqualTo(220_625);
        assertThat(built.sourceContext()).hasValue("src");
        assertThat(built.classId()).hasValue(7L);
    }

    @Test
    void equalsAndHashCodeShouldFollowTheSignedFields() {
        SignatureParameters a = everything().build();
        SignatureParameters b = everything().build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(null).isNotEqualTo("not parameters");
        List<SignatureParameters> different = List.of(
                everything().random(1).build(),
                everything().procedure(null).build(),
                everything().procedure("").build(),
                everything().oneTimeValid(false).build(),
                everything().clearOneTimeValid().build(),
                everything().taskNotifyMode(TaskNotifyMode.Finish).build(),
                everything().secretId("AKIDother").build());
        for (SignatureParameters other : different) {
            assertThat(other).isNotEqualTo(a);
        }
        assertThat(vectorA().procedure("").build()).isNotEqualTo(vectorA().build());
    }

    @Test
    void validityShouldSetBothTimesFromAnInstantAndADuration() {
        SignatureParameters p = vectorA().validity(Instant.ofEpochSecond(T0, 999_000_000), Duration.ofHours(2)).build();

        assertThat(p.currentTimeStamp()).isEqualTo(T0);
        assertThat(p.expireTime()).isEqualTo(T0 + 7200);
        assertThat(p.issuedAt()).isEqualTo(Instant.ofEpochSecond(T0));
        assertThat(p.expiresAt()).isEqualTo(Instant.ofEpochSecond(T0 + 7200));
        assertThat(p.validity()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void accessorsShouldExposeEveryValue() {
        SignatureParameters p = everything().build();

        assertThat(p.secretId()).isEqualTo(SECRET_ID);
        assertThat(p.procedure()).hasValue("LongVideoPreset");
        assertThat(p.classId()).hasValue(7L);
        assertThat(p.taskPriority()).hasValue(-3);
        assertThat(p.taskNotifyMode()).hasValue(TaskNotifyMode.Change);
        assertThat(p.oneTimeValidValue()).hasValue(1);
        assertThat(p.sessionContext()).hasValue("session");
        assertThat(p.vodSubAppId()).hasValue(1_500_000_001L);
        assertThat(p.storageRegion()).hasValue("ap-chongqing");
        assertThat(vectorA().build().taskPriority()).isEmpty();
    }
}
