package io.openvod.app.ledger;

import io.openvod.core.trace.TraceParent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One signature the service handed out, as recorded for audit and quotas. It holds every signed
 * parameter except the key; the signature itself is not kept either (it is a bearer credential).
 *
 * @param requestId the id of the signature request, also carried in sourceContext
 * @param userId who asked
 * @param secretId which key signed (rotation shows in the audit trail)
 * @param issuedAt {@code currentTimeStamp}
 * @param expiresAt {@code expireTime}
 * @param random the signed random value
 * @param procedure the task flow, if any
 * @param classId the category, if any
 * @param oneTimeValid whether the signature is single-use
 * @param sourceContext the signed sourceContext
 * @param sessionContext the signed sessionContext, if any
 * @param fileName the file name the client declared, if any
 * @param fileSize the size in bytes the client declared, if any (counts against the bytes quota)
 * @param clientIp the requesting address
 * @param traceId the trace the signature begins (its request id's 32 hex digits, {@link TraceParent#ofRequestId});
 *     empty for rows recorded before traces were kept
 */
public record IssuedSignature(String requestId, String userId, String secretId, Instant issuedAt, Instant expiresAt,
                              long random, Optional<String> procedure, Optional<Long> classId, boolean oneTimeValid,
                              String sourceContext, Optional<String> sessionContext, Optional<String> fileName,
                              Optional<Long> fileSize, String clientIp, Optional<String> traceId) {
    public IssuedSignature {
        Objects.requireNonNull(requestId, "requestId == null");
        Objects.requireNonNull(userId, "userId == null");
        Objects.requireNonNull(secretId, "secretId == null");
        Objects.requireNonNull(issuedAt, "issuedAt == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        Objects.requireNonNull(sourceContext, "sourceContext == null");
        Objects.requireNonNull(clientIp, "clientIp == null");
        Objects.requireNonNull(traceId, "traceId == null");
        if (traceId.isPresent() && !TraceParent.isTraceId(traceId.get())) {
            throw new IllegalArgumentException("traceId must be 32 lowercase hex digits, not " + traceId.get());
        }
    }
}
