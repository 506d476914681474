package io.openvod.platform.ugc;

import io.openvod.platform.account.ApiKey;
import io.openvod.platform.account.ApiKeys;
import io.openvod.signature.RejectionReason;
import io.openvod.signature.ReplayStore;
import io.openvod.signature.UploadRejection;
import io.openvod.signature.UploadSignatureVerifier;
import io.openvod.signature.Verdict;
import io.openvod.signature.VerifiedUploadSignature;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Checks the client-upload signature of a UGC call with the signature library and the
 * platform's keys, and maps every refusal to its {@link UgcError}. Prepare only looks at a
 * signature; Apply and Commit also consume a one-time signature in the durable replay store.
 */
public final class SignatureCheck {
    private final ApiKeys keys;
    private final UploadSignatureVerifier consuming;
    private final UploadSignatureVerifier looking;

    public SignatureCheck(ApiKeys keys, ReplayStore replays, Clock clock, Duration clockSkew, Duration maxValidity, int maxLength) {
        this.keys = keys;
        this.consuming = verifier(keys, clock, clockSkew, maxValidity, maxLength).replayStore(replays).build();
        this.looking = verifier(keys, clock, clockSkew, maxValidity, maxLength).build();
    }

    private static UploadSignatureVerifier.Builder verifier(ApiKeys keys, Clock clock, Duration skew, Duration maxValidity, int maxLength) {
        return UploadSignatureVerifier.builder(id -> keys.find(id).flatMap(ApiKey::usableSecretKey))
                .clock(clock).clockSkew(skew).maxValidity(maxValidity).maxLength(maxLength);
    }

    /** Verifies and, for a one-time signature, records its use. */
    public SignedUpload consume(String signature) {
        return check(consuming, signature);
    }

    /** Verifies without recording a use (PrepareUploadUGC). */
    public SignedUpload inspect(String signature) {
        return check(looking, signature);
    }

    private SignedUpload check(UploadSignatureVerifier verifier, String signature) {
        if (signature == null || signature.isEmpty()) {
            throw new UgcException(UgcError.INVALID_REQUEST, "signature is required");
        }
        return switch (verifier.verify(signature)) {
            case Verdict.Accepted<VerifiedUploadSignature> ok -> grant(ok.value());
            case Verdict.Rejected<VerifiedUploadSignature> no -> throw refusal(no.reason(), no.detail());
        };
    }

    private SignedUpload grant(VerifiedUploadSignature verified) {
        String secretId = verified.parameters().secretId();
        long appId = keys.find(secretId).map(ApiKey::appId)
                .orElseThrow(() -> new UgcException(UgcError.UNKNOWN_SECRET_ID, "unknown secretId " + secretId));
        Optional<Long> requested = verified.parameters().vodSubAppId();
        long subAppId = keys.resolveSubApp(appId, requested)
                .orElseThrow(() -> new UgcException(UgcError.SUB_APP_NOT_FOUND,
                        "vodSubAppId " + requested.orElse(0L) + " is not an application of this account"));
        return new SignedUpload(appId, subAppId, verified.parameters());
    }

    static UgcException refusal(RejectionReason reason, String detail) {
        if (!(reason instanceof UploadRejection rejection)) {
            return new UgcException(UgcError.INVALID_SIGNATURE, "invalid signature: " + detail);
        }
        UgcError error = switch (rejection) {
            case EXPIRED -> UgcError.SIGNATURE_EXPIRED;
            case REPLAYED -> UgcError.SIGNATURE_REPLAYED;
            case UNKNOWN_SECRET_ID -> UgcError.UNKNOWN_SECRET_ID;
            case NOT_YET_VALID -> UgcError.SIGNATURE_NOT_YET_VALID;
            case KEY_LOOKUP_FAILED, REPLAY_CHECK_FAILED -> UgcError.UPLOAD_UNAVAILABLE;
            default -> UgcError.INVALID_SIGNATURE;
        };
        return new UgcException(error, error.wireMessage() + " (" + rejection.code() + ": " + detail + ")");
    }
}
