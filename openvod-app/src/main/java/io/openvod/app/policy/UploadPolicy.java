package io.openvod.app.policy;

import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.openvod.app.ledger.Quota;
import java.util.Optional;

/**
 * Decides what a user may have signed: the role (per-user entry, else the account's, else the
 * identity provider's claim when it names a configured role, else the default), the per-user
 * overrides, and the request checked against them. Anything not allowed is refused, never signed.
 */
public final class UploadPolicy {
    private final PolicyConfig config;

    public UploadPolicy(PolicyConfig config) {
        this.config = config;
    }

    /** The role that applies to this user. */
    public String roleOf(String userId, Optional<String> accountRole, Optional<String> claimedRole) {
        UserPolicy entry = config.users().getOrDefault(userId, UserPolicy.NONE);
        if (entry.role() != null) {
            return entry.role();
        }
        Optional<String> known = accountRole.filter(config.roles()::containsKey)
                .or(() -> claimedRole.filter(config.roles()::containsKey));
        return known.orElse(config.defaultRole());
    }

    /** The role's policy with the user's overrides applied. */
    public RolePolicy effective(String userId, String role) {
        RolePolicy base = config.roles().getOrDefault(role, config.roles().get(config.defaultRole()));
        return base.with(config.users().getOrDefault(userId, UserPolicy.NONE));
    }

    /**
     * Checks a request against a policy.
     *
     * @throws AppException with the precise refusal
     */
    public Grant decide(RolePolicy p, SignatureRequest request) {
        if (!p.enabled()) {
            throw new AppException(AppError.USER_BANNED, "uploads are disabled for this user");
        }
        Optional<String> procedure = request.procedure().filter(s -> !s.isEmpty());
        if (procedure.isPresent() && !p.procedures().contains(procedure.get())) {
            throw new AppException(AppError.PROCEDURE_NOT_ALLOWED, "procedure '" + shown(procedure.get())
                    + "' is not allowed; allowed: " + p.procedures());
        }
        if (request.classId().isPresent() && !p.classIds().contains(request.classId().get())) {
            throw new AppException(AppError.CLASS_NOT_ALLOWED, "classId " + request.classId().get()
                    + " is not allowed; allowed: " + p.classIds());
        }
        if (p.bytesPerDay() >= 0 && request.fileSize().isEmpty()) {
            throw new AppException(AppError.FILE_SIZE_REQUIRED, "declare fileSize: a bytes-per-day quota applies");
        }
        if (p.maxFileSize() >= 0 && request.fileSize().isPresent() && request.fileSize().get() > p.maxFileSize()) {
            throw new AppException(AppError.FILE_TOO_LARGE, "fileSize " + request.fileSize().get()
                    + " exceeds the maximum of " + p.maxFileSize() + " bytes");
        }
        Optional<String> signedProcedure = procedure.or(() -> Optional.of(p.defaultProcedure()).filter(s -> !s.isEmpty()));
        Optional<Long> signedClass = request.classId().or(() -> Optional.ofNullable(p.defaultClassId()));
        Quota quota = new Quota(unlimitedIfNegative(p.uploadsPerDay()), unlimitedIfNegative(p.bytesPerDay()));
        return new Grant(signedProcedure, signedClass, p.validity(), p.oneTimeValid(), quota);
    }

    private static long unlimitedIfNegative(long limit) {
        return limit < 0 ? Long.MAX_VALUE : limit;
    }

    private static String shown(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 57) + "...";
    }
}
