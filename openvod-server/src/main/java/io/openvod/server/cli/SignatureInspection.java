package io.openvod.server.cli;

import io.openvod.signature.DecodedSignature;
import io.openvod.signature.UploadRejection;
import io.openvod.signature.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code openvod signature inspect} found out about a signature.
 *
 * @param decoded the decoded signature, or empty when it could not be decoded
 * @param decodeFailure why decoding failed, when it did
 * @param at the instant the validity was judged at
 * @param verification the verifier's verdict, or empty when no key was available
 */
record SignatureInspection(Optional<DecodedSignature> decoded, Optional<Verdict.Rejected<?>> decodeFailure,
                           Instant at, Optional<Verdict<?>> verification) {
    static final Set<String> KNOWN_FIELDS = Set.of("secretId", "currentTimeStamp", "expireTime", "random",
            "procedure", "classId", "taskPriority", "taskNotifyMode", "oneTimeValid", "sourceContext",
            "sessionContext", "vodSubAppId", "storageRegion");

    /** VALID, REJECTED, UNVERIFIED (no key) or MALFORMED. */
    String status() {
        if (decodeFailure.isPresent()) {
            return "MALFORMED";
        }
        return verification.map(v -> v.isAccepted() ? "VALID" : "REJECTED").orElse("UNVERIFIED");
    }

    /** The validity window judged at {@link #at}, from the decoded fields alone (not authenticated). */
    String timeStatus() {
        Optional<Long> issued = number("currentTimeStamp");
        Optional<Long> expires = number("expireTime");
        if (issued.isEmpty() || expires.isEmpty()) {
            return "unknown (timestamps missing or not numbers)";
        }
        long now = at.getEpochSecond();
        if (now < issued.get()) {
            return "not yet valid: issued " + human(issued.get() - now) + " in the future";
        }
        if (now >= expires.get()) {
            return "expired " + human(now - expires.get()) + " ago";
        }
        return "within validity, expires in " + human(expires.get() - now);
    }

    /** Seconds as people read them: {@code 1d 2h 3m 4s}, largest units first, zero units left out. */
    static String human(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        StringBuilder out = new StringBuilder();
        if (d.toDays() > 0) {
            out.append(d.toDays()).append("d ");
        }
        if (d.toHoursPart() > 0) {
            out.append(d.toHoursPart()).append("h ");
        }
        if (d.toMinutesPart() > 0) {
            out.append(d.toMinutesPart()).append("m ");
        }
        if (d.toSecondsPart() > 0 || out.isEmpty()) {
            out.append(d.toSecondsPart()).append('s');
        }
        return out.toString().strip();
    }

    Optional<Long> number(String field) {
        return decoded.map(d -> d.fields().get(field))
                .filter(v -> v.matches("\\d{1,18}"))
                .map(Long::parseLong);
    }

    Optional<UploadRejection> rejection() {
        return verification.filter(v -> v instanceof Verdict.Rejected<?>)
                .map(v -> (UploadRejection) ((Verdict.Rejected<?>) v).reason());
    }
}
