package io.openvod.app.policy;

import java.time.Duration;
import java.util.List;

/**
 * What the users of one role may sign. Every field has a default, so a role in the configuration
 * only names what differs.
 *
 * @param enabled whether the role may upload at all. Defaults to true.
 * @param procedures task-flow names a client may ask for. Defaults to none.
 * @param defaultProcedure the task flow signed when the client asks for none; empty for none.
 *     It need not be in {@code procedures} (clients cannot ask for it by name unless it is).
 * @param classIds category ids a client may ask for. Defaults to none.
 * @param defaultClassId the category signed when the client asks for none; absent (null) for none.
 * @param validity how long a signature stays valid. Defaults to 10m; at most 90d.
 * @param oneTimeValid sign {@code oneTimeValid=1}. Defaults to true.
 * @param uploadsPerDay signatures per UTC day; -1 for no limit. Defaults to 100.
 * @param bytesPerDay declared bytes per UTC day; -1 for no limit (then {@code fileSize} is optional). Defaults to -1.
 * @param maxFileSize the largest declared file size; -1 for no limit. Defaults to -1.
 */
public record RolePolicy(Boolean enabled, List<String> procedures, String defaultProcedure, List<Long> classIds,
                         Long defaultClassId, Duration validity, Boolean oneTimeValid, Long uploadsPerDay,
                         Long bytesPerDay, Long maxFileSize) {
    public static final RolePolicy DEFAULT = new RolePolicy(null, null, null, null, null, null, null, null, null, null);

    public RolePolicy {
        enabled = enabled == null || enabled;
        procedures = procedures == null ? List.of() : List.copyOf(procedures);
        defaultProcedure = defaultProcedure == null ? "" : defaultProcedure;
        classIds = classIds == null ? List.of() : List.copyOf(classIds);
        validity = validity == null ? Duration.ofMinutes(10) : validity;
        oneTimeValid = oneTimeValid == null || oneTimeValid;
        uploadsPerDay = uploadsPerDay == null ? 100 : uploadsPerDay;
        bytesPerDay = bytesPerDay == null ? -1 : bytesPerDay;
        maxFileSize = maxFileSize == null ? -1 : maxFileSize;
        if (validity.toSeconds() < 1 || validity.compareTo(Duration.ofDays(90)) > 0) {
            throw new IllegalArgumentException("validity must be within 1s..90d");
        }
        for (String p : procedures) {
            if (p == null || p.isBlank() || p.length() > 100) {
                throw new IllegalArgumentException("procedure names must be 1..100 characters");
            }
        }
        if (defaultClassId != null && defaultClassId < 0 || classIds.stream().anyMatch(c -> c == null || c < 0)) {
            throw new IllegalArgumentException("class ids must be >= 0");
        }
        for (long limit : new long[] {uploadsPerDay, bytesPerDay, maxFileSize}) {
            if (limit < -1) {
                throw new IllegalArgumentException("limits are -1 (none) or >= 0");
            }
        }
    }

    /** This policy with the non-null fields of {@code override} applied. */
    RolePolicy with(UserPolicy override) {
        return new RolePolicy(
                override.enabled() != null ? override.enabled() : enabled,
                override.procedures() != null ? override.procedures() : procedures,
                override.defaultProcedure() != null ? override.defaultProcedure() : defaultProcedure,
                override.classIds() != null ? override.classIds() : classIds,
                override.defaultClassId() != null ? override.defaultClassId() : defaultClassId,
                override.validity() != null ? override.validity() : validity,
                override.oneTimeValid() != null ? override.oneTimeValid() : oneTimeValid,
                override.uploadsPerDay() != null ? override.uploadsPerDay() : uploadsPerDay,
                override.bytesPerDay() != null ? override.bytesPerDay() : bytesPerDay,
                override.maxFileSize() != null ? override.maxFileSize() : maxFileSize);
    }
}
