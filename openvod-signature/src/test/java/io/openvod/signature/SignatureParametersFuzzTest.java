package io.openvod.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters from any values are either refused by {@link SignatureParameters.Builder#build()}
 * with an {@link IllegalArgumentException}, or they sign to a signature that verifies, at its
 * {@code currentTimeStamp}, to the same parameters (an optional one signed empty reads as absent).
 */
class SignatureParametersFuzzTest {
    private static final String KEY = UploadSignatureFixtures.SECRET_KEY;
    /** The last second a verifier's clock can show with 90 days of validity still ahead. */
    private static final long LAST_ISSUE = Instant.MAX.getEpochSecond() - SignatureParameters.MAX_VALIDITY.toSeconds();

    @FuzzTest(maxDuration = "5s")
    void signThenVerify(FuzzedDataProvider data) {
        long issued = data.consumeLong(0, LAST_ISSUE);
        SignatureParameters.Builder b = SignatureParameters.builder()
                .secretId(data.consumeString(64))
                .currentTimeStamp(issued)
                .expireTime(issued + data.consumeLong(-10, SignatureParameters.MAX_VALIDITY.toSeconds() + 10))
                .random(data.consumeLong(-1, SignatureParameters.MAX_RANDOM + 1));
        if (data.consumeBoolean()) {
            b.procedure(data.consumeString(100));
        }
        if (data.consumeBoolean()) {
            b.classId(data.consumeLong());
        }
        if (data.consumeBoolean()) {
            b.taskPriority(data.consumeInt(-12, 12));
        }
        if (data.consumeBoolean()) {
            b.taskNotifyMode(data.pickValue(TaskNotifyMode.values()));
        }
        if (data.consumeBoolean()) {
            b.oneTimeValid(data.consumeBoolean());
        }
        if (data.consumeBoolean()) {
            b.sourceContext(data.consumeString(300));
        }
        if (data.consumeBoolean()) {
            b.sessionContext(data.consumeString(1100));
        }
        if (data.consumeBoolean()) {
            b.vodSubAppId(data.consumeLong());
        }
        if (data.consumeBoolean()) {
            b.storageRegion(data.consumeString(70));
        }
        SignatureParameters built;
        try {
            built = b.build();
        } catch (IllegalArgumentException refused) {
            return;
        }
        Clock clock = Clock.fixed(Instant.ofEpochSecond(issued), ZoneOffset.UTC);
        UploadSignatureVerifier verifier = UploadSignatureVerifier.builder(id -> Optional.of(KEY)).clock(clock).build();
        Verdict<VerifiedUploadSignature> verdict = verifier.verify(UploadSigner.sign(built, KEY));
        assertThat(verdict.isAccepted()).as("%s", verdict).isTrue();
        assertThat(withoutEmpty(verdict.orElseThrow().parameters().toOrderedMap())).isEqualTo(withoutEmpty(built.toOrderedMap()));
    }

    private static Map<String, String> withoutEmpty(Map<String, String> fields) {
        Map<String, String> out = new LinkedHashMap<>(fields);
        out.values().removeIf(String::isEmpty);
        return out;
    }
}
