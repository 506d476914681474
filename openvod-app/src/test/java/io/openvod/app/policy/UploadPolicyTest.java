package io.openvod.app.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.app.AppError;
import io.openvod.app.AppException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UploadPolicyTest {
    private final RolePolicy user = new RolePolicy(null, List.of("A"), "", List.of(1L), null, null, null, null, null, null);
    private final RolePolicy editor = new RolePolicy(null, List.of("A", "B"), "B", List.of(), 7L, Duration.ofMinutes(30), false, 5L, 100L, 50L);
    private final PolicyConfig config = new PolicyConfig("user", Map.of("user", user, "editor", editor),
            Map.of("zoe", new UserPolicy("editor", null, null, null, null, null, null, null, 1L, null, null),
                    "mute", new UserPolicy(null, false, null, null, null, null, null, null, null, null, null)));
    private final UploadPolicy policy = new UploadPolicy(config);

    @Test
    void roleShouldComeFromUserEntryThenAccountThenKnownClaimThenDefault() {
        assertThat(policy.roleOf("zoe", Optional.of("user"), Optional.of("user"))).isEqualTo("editor");
        assertThat(policy.roleOf("amy", Optional.of("editor"), Optional.of("user"))).isEqualTo("editor");
        assertThat(policy.roleOf("amy", Optional.empty(), Optional.of("editor"))).isEqualTo("editor");
        assertThat(policy.roleOf("amy", Optional.empty(), Optional.of("superadmin"))).isEqualTo("user");
        assertThat(policy.roleOf("amy", Optional.of("gone"), Optional.empty())).isEqualTo("user");
    }

    @Test
    void defaultsShouldApplyAndUserOverridesShouldWin() {
        RolePolicy zoe = policy.effective("zoe", "editor");
        assertThat(zoe.uploadsPerDay()).isEqualTo(1);
        assertThat(zoe.validity()).isEqualTo(Duration.ofMinutes(30));
        assertThat(user.validity()).isEqualTo(Duration.ofMinutes(10));
        assertThat(user.oneTimeValid()).isTrue();
        assertThat(user.uploadsPerDay()).isEqualTo(100);
        Grant g = policy.decide(zoe, new SignatureRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(10L)));
        assertThat(g.procedure()).contains("B");
        assertThat(g.classId()).contains(7L);
        assertThat(g.oneTimeValid()).isFalse();
        assertThat(g.quota().uploadsPerDay()).isEqualTo(1);
        assertThat(policy.decide(user, SignatureRequest.EMPTY).quota().bytesPerDay()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusalsShouldCarryTheirCodes() {
        assertThat(code(() -> policy.decide(policy.effective("mute", "user"), SignatureRequest.EMPTY))).isEqualTo(AppError.USER_BANNED);
        assertThat(code(() -> policy.decide(user, new SignatureRequest(Optional.of("B"), Optional.empty(), Optional.empty(), Optional.empty()))))
                .isEqualTo(AppError.PROCEDURE_NOT_ALLOWED);
        assertThat(code(() -> policy.decide(user, new SignatureRequest(Optional.empty(), Optional.of(2L), Optional.empty(), Optional.empty()))))
                .isEqualTo(AppError.CLASS_NOT_ALLOWED);
        assertThat(code(() -> policy.decide(editor, SignatureRequest.EMPTY))).isEqualTo(AppError.FILE_SIZE_REQUIRED);
        assertThat(code(() -> policy.decide(editor, new SignatureRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(51L)))))
                .isEqualTo(AppError.FILE_TOO_LARGE);
    }

    @Test
    void configurationShouldRejectUnknownRolesAndBadValues() {
        assertThatThrownBy(() -> new PolicyConfig("admin", Map.of("user", user), Map.of())).hasMessageContaining("defaultRole 'admin'");
        assertThatThrownBy(() -> new PolicyConfig("user", Map.of("user", user),
                Map.of("x", new UserPolicy("ghost", null, null, null, null, null, null, null, null, null, null)))).hasMessageContaining("users.x.role");
        assertThatThrownBy(() -> new RolePolicy(null, null, null, null, null, Duration.ofDays(91), null, null, null, null)).hasMessageContaining("validity");
        assertThatThrownBy(() -> new RolePolicy(null, null, null, null, null, null, null, -2L, null, null)).hasMessageContaining("limits");
    }

    private static AppError code(Runnable r) {
        try {
            r.run();
        } catch (AppException e) {
            return e.error();
        }
        throw new AssertionError("no refusal");
    }
}
