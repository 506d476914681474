package io.openvod.app.policy;

import java.time.Duration;
import java.util.List;

/**
 * Per-user settings in {@code app.policy.users.<userId>:}: a role, and any {@link RolePolicy}
 * field to override for this user alone. Absent fields keep the role's value.
 */
public record UserPolicy(String role, Boolean enabled, List<String> procedures, String defaultProcedure,
                         List<Long> classIds, Long defaultClassId, Duration validity, Boolean oneTimeValid,
                         Long uploadsPerDay, Long bytesPerDay, Long maxFileSize) {
    public static final UserPolicy NONE = new UserPolicy(null, null, null, null, null, null, null, null, null, null, null);
}
