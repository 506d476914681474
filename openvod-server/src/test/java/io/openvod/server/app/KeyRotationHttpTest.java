package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.config.VodConfig;
import io.openvod.app.ledger.IssuedSignature;
import io.openvod.signature.Credential;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.UploadRejection;
import io.openvod.signature.UploadSignatureVerifier;
import io.openvod.signature.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotating the VOD key: the active key signs, the audit trail names it, and the database survives the switch. */
class KeyRotationHttpTest {
    @TempDir
    Path dir;

    private String signWith(VodConfig vod, boolean createUser) {
        try (AppBackend backend = AppBackend.start(AppFixture.config(dir, vod,
                Map.of("user", AppFixture.role(List.of(), "", List.of(), null, -1, -1, -1)), Map.of(),
                new RateLimitConfig(0, 0), AppFixture.noJwt()), Clock.systemUTC())) {
            if (createUser) {
                backend.services().accounts().createUser("frank", "", Optional.empty());
            }
            String token = backend.services().accounts().createApiToken("frank", "", Optional.empty()).token();
            return AppFixture.get(backend.url(), "api/v1/upload-signature", token).signature();
        }
    }

    @Test
    void afterRotationNewSignaturesShouldUseTheNewKeyAndTheAuditShouldNameEachKey() {
        UploadSignatureVerifier onlyA = UploadSignatureVerifier.builder(SecretKeyLookup.of(new Credential(AppFixture.KEY_A_ID, AppFixture.KEY_A))).build();
        UploadSignatureVerifier onlyB = UploadSignatureVerifier.builder(SecretKeyLookup.of(new Credential(AppFixture.KEY_B_ID, AppFixture.KEY_B))).build();

        String before = signWith(AppFixture.keyA(), true);
        assertThat(onlyA.verify(before).isAccepted()).isTrue();
        assertThat(((Verdict.Rejected<?>) onlyB.verify(before)).reason()).isEqualTo(UploadRejection.UNKNOWN_SECRET_ID);

        String after = signWith(AppFixture.rotatedToB(), false);
        assertThat(onlyB.verify(after).orElseThrow().parameters().secretId()).isEqualTo(AppFixture.KEY_B_ID);
        assertThat(onlyA.verify(after).isAccepted()).isFalse();

        try (var services = AppServices.open(AppFixture.config(dir, AppFixture.rotatedToB(), Map.of("user",
                AppFixture.role(List.of(), "", List.of(), null, -1, -1, -1)), Map.of(), new RateLimitConfig(0, 0), AppFixture.noJwt()),
                Clock.systemUTC())) {
            assertThat(services.ledger().recent("frank", 10)).extracting(IssuedSignature::secretId)
                    .containsExactlyInAnyOrder(AppFixture.KEY_A_ID, AppFixture.KEY_B_ID);
        }
    }

    @Test
    void withoutAnActiveKeyTheServiceShouldAnswerUnavailableNotSign() {
        try (AppBackend backend = AppBackend.start(AppFixture.config(dir, new VodConfig("", null, null, List.of(), 0, ""),
                Map.of("user", AppFixture.role(List.of(), "", List.of(), null, -1, -1, -1)), Map.of(),
                new RateLimitConfig(0, 0), AppFixture.noJwt()), Clock.systemUTC())) {
            backend.services().accounts().createUser("gina", "", Optional.empty());
            String token = backend.services().accounts().createApiToken("gina", "", Optional.empty()).token();
            AppFixture.Reply r = AppFixture.get(backend.url(), "api/v1/upload-signature", token);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.error()).isEqualTo("NO_SIGNING_KEY");
        }
    }
}
