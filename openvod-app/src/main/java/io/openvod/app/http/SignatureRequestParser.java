package io.openvod.app.http;

import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.openvod.app.policy.SignatureRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns request fields into a {@link SignatureRequest}. Clients may name {@code procedure},
 * {@code classId}, {@code fileName} and {@code fileSize}; asking for any other signature option
 * is refused ({@code OPTION_NOT_ALLOWED}), and unknown fields are bad requests, so nothing a
 * client sends is silently ignored (except {@code _}, the cache-buster some HTTP libraries add).
 */
final class SignatureRequestParser {
    static final Set<String> SIGNATURE_OPTIONS = Set.of("secretId", "currentTimeStamp", "expireTime", "random",
            "taskPriority", "taskNotifyMode", "sourceContext", "sessionContext", "oneTimeValid", "vodSubAppId",
            "storageRegion", "signature");
    private static final Set<String> ALLOWED = Set.of("procedure", "classId", "fileName", "fileSize", "_");

    private SignatureRequestParser() {
    }

    static SignatureRequest parse(Map<String, String> fields) {
        for (String name : fields.keySet()) {
            if (SIGNATURE_OPTIONS.contains(name)) {
                throw new AppException(AppError.OPTION_NOT_ALLOWED, "clients may not choose " + name + "; the policy sets it");
            }
            if (!ALLOWED.contains(name)) {
                throw new AppException(AppError.BAD_REQUEST, "unknown field '" + shown(name)
                        + "'; accepted: procedure, classId, fileName, fileSize");
            }
        }
        Optional<String> fileName = text(fields, "fileName", 255);
        return new SignatureRequest(text(fields, "procedure", 100), number(fields, "classId"), fileName, number(fields, "fileSize"));
    }

    private static Optional<String> text(Map<String, String> fields, String name, int max) {
        String v = fields.get(name);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        if (v.length() > max || v.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new AppException(AppError.BAD_REQUEST, name + " must be at most " + max + " printable characters");
        }
        return Optional.of(v);
    }

    private static Optional<Long> number(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null || v.isEmpty()) {
            return Optional.empty();
        }
        if (!v.matches("\\d{1,18}")) {
            throw new AppException(AppError.BAD_REQUEST, name + " '" + shown(v) + "' is not a non-negative integer");
        }
        return Optional.of(Long.parseLong(v));
    }

    private static String shown(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 40 ? clean : clean.substring(0, 37) + "...";
    }
}
