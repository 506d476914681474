package io.openvod.platform.ugc;

import io.openvod.signature.SignatureParameters;
import io.openvod.signature.TaskNotifyMode;
import java.util.Objects;
import java.util.Optional;

/**
 * What an authorised caller decided about an upload, whichever way it was authorised: by a
 * verified client upload signature (ApplyUploadUGC, {@link #of(SignedUpload)}) or by a TC3-signed
 * API 3.0 call (ApplyUpload). An upload session is made from a grant and the files to upload.
 *
 * @param appId the account
 * @param subAppId the application the media will belong to
 * @param secretId the key that signed the signature or the API call
 * @param procedure the task flow to start once the upload is committed, if any
 * @param taskNotifyMode {@code Finish}, {@code Change} or {@code None}; empty for the default
 */
public record UploadGrant(long appId, long subAppId, String secretId, long classId, Optional<String> procedure,
                          int taskPriority, Optional<String> taskNotifyMode, String sourceContext, String sessionContext) {
    public UploadGrant {
        Objects.requireNonNull(secretId, "secretId == null");
        Objects.requireNonNull(procedure, "procedure == null");
        Objects.requireNonNull(taskNotifyMode, "taskNotifyMode == null");
        sourceContext = sourceContext == null ? "" : sourceContext;
        sessionContext = sessionContext == null ? "" : sessionContext;
    }

    /** The grant of a verified client upload signature. */
    public static UploadGrant of(SignedUpload signed) {
        SignatureParameters p = signed.parameters();
        return new UploadGrant(signed.appId(), signed.subAppId(), p.secretId(), p.classId().orElse(0L),
                p.procedure().filter(s -> !s.isEmpty()), p.taskPriority().orElse(0), p.taskNotifyMode().map(TaskNotifyMode::name),
                p.sourceContext().orElse(""), p.sessionContext().orElse(""));
    }
}
