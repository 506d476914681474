package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.ugc.UgcError;
import io.openvod.platform.ugc.UgcException;
import io.openvod.platform.ugc.UploadCommitter;

/**
 * {@code CommitUpload}, the last step of a server-side upload (spec: upload-protocol §7): commits
 * an {@code ApplyUpload} session through the same path as CommitUploadUGC (objects complete,
 * metadata read, media and its NewFileUpload event recorded), and answers {@code FileId},
 * {@code MediaUrl} and {@code CoverUrl} ({@code ""} without a cover). Committing a session again
 * answers the same.
 */
public final class CommitUploadAction implements CloudAction {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UploadCommitter committer;

    public CommitUploadAction(UploadCommitter committer) {
        this.committer = committer;
    }

    @Override
    public String name() {
        return "CommitUpload";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        RequestFields fields = new RequestFields(request);
        String sessionKey = fields.requiredText("VodSessionKey");
        long subAppId = call.subAppId(fields.subAppId());
        UploadCommitter.Committed committed;
        try {
            committed = committer.commit(call.appId(), subAppId, sessionKey);
        } catch (UgcException e) {
            throw refusal(e);
        }
        ObjectNode response = JSON.createObjectNode();
        response.put("FileId", committed.media().fileId());
        response.put("MediaUrl", committed.media().mediaUrl());
        response.put("CoverUrl", committed.hasCover() ? committed.media().coverUrl() : "");
        return response;
    }

    private static CloudApiException refusal(UgcException e) {
        UgcError error = e.error();
        return switch (error) {
            case SESSION_NOT_FOUND -> new CloudApiException("InvalidParameterValue.VodSessionKey",
                    "VodSessionKey is unknown, expired, or of another application.");
            case UPLOAD_INCOMPLETE -> new CloudApiException("FailedOperation", e.getMessage());
            case MEDIA_NOT_FOUND -> new CloudApiException("ResourceNotFound.FileNotExist",
                    "The media whose cover was uploaded no longer exists.");
            case UPLOAD_UNAVAILABLE -> new CloudApiException("InternalError", "Storage or the database is unavailable; retry later.");
            default -> new CloudApiException("InternalError", "The upload could not be committed.");
        };
    }
}
