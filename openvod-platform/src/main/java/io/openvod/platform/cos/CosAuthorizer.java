package io.openvod.platform.cos;

import io.openvod.platform.cos.protocol.CosAddress;
import io.openvod.platform.cos.protocol.CosErrorCode;
import io.openvod.platform.cos.protocol.CosProtocolException;
import io.openvod.platform.ugc.UploadSession;
import io.openvod.platform.ugc.UploadSessions;
import io.openvod.signature.Credential;
import io.openvod.signature.Verdict;
import io.openvod.signature.cos.CosCredential;
import io.openvod.signature.cos.CosRejection;
import io.openvod.signature.cos.CosRequest;
import io.openvod.signature.cos.CosVerifier;
import io.openvod.signature.cos.VerifiedCosRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides whether a COS write or listing may proceed: the request signature must verify with a
 * temporary credential of an open upload session (its {@code x-cos-security-token} included), and
 * the addressed bucket and key must be that session's.
 */
public final class CosAuthorizer {
    private final UploadSessions sessions;
    private final Clock clock;
    private final Duration clockSkew;

    public CosAuthorizer(UploadSessions sessions, Clock clock, Duration clockSkew) {
        this.sessions = sessions;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    /**
     * The session that authorizes {@code request} for {@code address}; {@code prefix} is the
     * listing prefix of a bucket-level List Multipart Uploads, else null.
     *
     * @throws CosProtocolException with the COS error to answer
     */
    public UploadSession authorize(CosRequest request, CosAddress address, String prefix) {
        AtomicReference<UploadSession> found = new AtomicReference<>();
        CosVerifier verifier = CosVerifier.builder(accessKeyId -> sessions.credential(accessKeyId, clock.instant()).map(scoped -> {
            found.set(scoped.session());
            var c = scoped.credential();
            return CosCredential.temporary(new Credential(c.secretId(), c.secretKey()), c.token());
        })).clock(clock).clockSkew(clockSkew).build();
        switch (verifier.verify(request)) {
            case Verdict.Accepted<VerifiedCosRequest> ok -> {
                UploadSession session = found.get();
                String key = address.isBucketLevel() ? (prefix == null ? "" : prefix) : address.key();
                if (!session.covers(address.bucket(), key)) {
                    throw new CosProtocolException(CosErrorCode.ACCESS_DENIED,
                            "The credential does not grant access to this bucket and key.");
                }
                return session;
            }
            case Verdict.Rejected<VerifiedCosRequest> no -> throw refusal(no.reason());
        }
    }

    private static CosProtocolException refusal(io.openvod.signature.RejectionReason reason) {
        if (reason instanceof CosRejection rejection) {
            CosErrorCode code = CosErrorCode.fromCode(rejection.cosCode()).orElse(CosErrorCode.ACCESS_DENIED);
            return new CosProtocolException(code, rejection.cosMessage());
        }
        return new CosProtocolException(CosErrorCode.ACCESS_DENIED);
    }
}
