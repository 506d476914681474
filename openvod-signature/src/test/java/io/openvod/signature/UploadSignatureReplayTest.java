package io.openvod.signature;

import static io.openvod.signature.UploadSignatureFixtures.SECRET_KEY;
import static io.openvod.signature.UploadSignatureFixtures.T0;
import static io.openvod.signature.UploadSignatureFixtures.clockAt;
import static io.openvod.signature.UploadSignatureFixtures.reasonOf;
import static io.openvod.signature.UploadSignatureFixtures.vectorA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One-time signatures ({@code oneTimeValid=1}) and the replay store. */
class UploadSignatureReplayTest {
    private final List<String> recordedKeys = new ArrayList<>();
    private final List<Instant> recordedExpiries = new ArrayList<>();
    private final InMemoryReplayStore store = new InMemoryReplayStore(clockAt(T0));

    private final ReplayStore recordingStore = (useKey, keepUntil) -> {
        recordedKeys.add(useKey);
        recordedExpiries.add(keepUntil);
        return store.markFirstUse(useKey, keepUntil);
    };

    private UploadSignatureVerifier verifierAt(long now) {
        return UploadSignatureVerifier.builder(UploadSignatureFixtures.keys())
                .clock(clockAt(now)).replayStore(recordingStore).build();
    }

    private static String sign(SignatureParameters.Builder parameters) {
        return UploadSigner.sign(parameters.build(), SECRET_KEY);
    }

    @Test
    void verifyShouldRejectTheSecondUseOfAOneTimeSignature() {
        String signature = sign(vectorA().oneTimeValid(true));
        UploadSignatureVerifier verifier = verifierAt(T0);

        VerifiedUploadSignature first = verifier.verify(signature).orElseThrow();
        Verdict<VerifiedUploadSignature> second = verifier.verify(signature);

        assertThat(first.parameters().oneTimeValid()).isTrue();
        assertThat(reasonOf(second)).isEqualTo(UploadRejection.REPLAYED);
        assertThat(recordedKeys).containsExactly(first.useKey(), first.useKey());
        assertThat(recordedExpiries).containsOnly(Instant.ofEpochSecond(T0 + 86_400));
    }

    @Test
    void verifyShouldRejectAOneTimeSignatureReplayedInAnotherSpelling() {
        String signature = sign(vectorA().oneTimeValid(true).random(11));
        String urlSafe = signature.replace('+', '-').replace('/', '_').replace("=", "");
        assertThat(urlSafe).isNotEqualTo(signature);

        assertThat(verifierAt(T0).verify(signature).isAccepted()).isTrue();
        assertThat(reasonOf(verifierAt(T0 + 60).verify(urlSafe))).isEqualTo(UploadRejection.REPLAYED);
    }

    @Test
    void verifyShouldAcceptDistinctOneTimeSignaturesOnce() {
        UploadSignatureVerifier verifier = verifierAt(T0);

        for (long random = 0; random < 20; random++) {
            assertThat(verifier.verify(sign(vectorA().oneTimeValid(true).random(random))).isAccepted()).isTrue();
        }
        assertThat(store.size()).isEqualTo(20);
    }

    @Test
    void verifyShouldLetReusableSignaturesBeUsedAgain() {
        UploadSignatureVerifier verifier = verifierAt(T0);
        String oneTimeZero = sign(vectorA().oneTimeValid(false));
        String oneTimeAbsent = sign(vectorA());

        for (int use = 0; use < 3; use++) {
            assertThat(verifier.verify(oneTimeZero).isAccepted()).isTrue();
            assertThat(verifier.verify(oneTimeAbsent).isAccepted()).isTrue();
        }
        assertThat(recordedKeys).isEmpty();
    }

    @Test
    void verifyShouldRejectWhenTheReplayStoreFails() {
        UploadSignatureVerifier verifier = UploadSignatureVerifier.builder(UploadSignatureFixtures.keys())
                .clock(clockAt(T0))
                .replayStore((useKey, keepUntil) -> {
                    throw new IllegalStateException("connection refused");
                })
                .build();

        Verdict<VerifiedUploadSignature> verdict = verifier.verify(sign(vectorA().oneTimeValid(true)));

        assertThat(reasonOf(verdict)).isEqualTo(UploadRejection.REPLAY_CHECK_FAILED);
        assertThat(verifier.verify(sign(vectorA().oneTimeValid(false))).isAccepted()).isTrue();
    }

    @Test
    void verifyShouldNotSpendAOneTimeSignatureThatFailsAnotherCheck() {
        String signature = sign(vectorA().oneTimeValid(true));

        assertThat(reasonOf(verifierAt(T0 + 86_400).verify(signature))).isEqualTo(UploadRejection.EXPIRED);
        assertThat(reasonOf(verifierAt(T0 - 3600).verify(signature))).isEqualTo(UploadRejection.NOT_YET_VALID);
        assertThat(reasonOf(verifierAt(T0).verify(UploadSigner.sign(vectorA().oneTimeValid(true).build(), "wrong"))))
                .isEqualTo(UploadRejection.BAD_MAC);
        assertThat(recordedKeys).isEmpty();

        assertThat(verifierAt(T0).verify(signature).isAccepted()).isTrue();
    }

    @Test
    void verifiersSharingAStoreShouldSeeEachOthersUses() {
        String signature = sign(vectorA().oneTimeValid(true));

        assertThat(verifierAt(T0).verify(signature).isAccepted()).isTrue();
        assertThat(reasonOf(verifierAt(T0 + 1).verify(signature))).isEqualTo(UploadRejection.REPLAYED);
    }

    @Test
    void verifiersWithTheirOwnDefaultStoreShouldNotShareUses() {
        String signature = sign(vectorA().oneTimeValid(true));
        UploadSignatureVerifier a = UploadSignatureFixtures.verifierAt(T0);
        UploadSignatureVerifier b = UploadSignatureFixtures.verifierAt(T0);

        assertThat(a.verify(signature).isAccepted()).isTrue();
        assertThat(b.verify(signature).isAccepted()).isTrue();
        assertThat(reasonOf(a.verify(signature))).isEqualTo(UploadRejection.REPLAYED);
    }
}
