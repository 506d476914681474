package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.ugc.TempCredential;
import io.openvod.platform.ugc.UgcService;
import io.openvod.platform.ugc.UploadGrant;
import io.openvod.platform.ugc.UploadSession;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code ApplyUpload}, the first step of a server-side upload (spec: upload-protocol §7): opens an
 * upload session exactly like ApplyUploadUGC does, with the caller's API 3.0 authorisation in
 * place of a client signature, and answers where to put the media (and cover) and the temporary
 * COS credentials for those keys.
 *
 * <p>{@code StorageBucket} is the full bucket name {@code vod<SubAppId>-<AppId>}: Tencent's COS
 * clients ({@code TransferManager.upload(bucket, key, file)}) take the bucket name with its
 * {@code -<appid>} suffix, and the server-side upload passes {@code StorageBucket} on unchanged.
 * (ApplyUploadUGC's {@code storageBucket}, by contrast, is the name without the suffix, next to
 * {@code storageAppId}.) The storage paths start with {@code /}.
 *
 * <p>The upload's trace is the request's {@code traceparent} header, else the signature request
 * named by {@code SourceContext} ({@code req=<UUID>}), else a new one
 * ({@link io.openvod.platform.trace.UploadTrace#atApply}).
 */
public final class ApplyUploadAction implements CloudAction {
    /** Tencent's limits on the contexts. */
    public static final int MAX_SOURCE_CONTEXT = 250;
    public static final int MAX_SESSION_CONTEXT = 1000;
    private static final int MAX_MEDIA_NAME = 4096;
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9]{1,10}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UgcService ugc;
    private final String region;

    /** @param region the platform's storage region; a request may name it, or none */
    public ApplyUploadAction(UgcService ugc, String region) {
        this.ugc = ugc;
        this.region = region;
    }

    @Override
    public String name() {
        return "ApplyUpload";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        RequestFields fields = new RequestFields(request);
        String mediaType = fields.requiredText("MediaType");
        if (!TYPE.matcher(mediaType).matches()) {
            throw new CloudApiException("InvalidParameterValue.MediaType", "MediaType must be a file extension such as mp4.");
        }
        Optional<String> coverType = fields.text("CoverType").filter(t -> !t.isEmpty());
        if (coverType.isPresent() && !TYPE.matcher(coverType.get()).matches()) {
            throw new CloudApiException("InvalidParameterValue.CoverType", "CoverType must be a file extension such as jpg.");
        }
        String mediaName = fields.text("MediaName").orElse("");
        if (mediaName.length() > MAX_MEDIA_NAME) {
            throw new CloudApiException("InvalidParameterValue", "MediaName is longer than " + MAX_MEDIA_NAME + " characters.");
        }
        Optional<String> storageRegion = fields.text("StorageRegion").filter(r -> !r.isEmpty());
        if (storageRegion.isPresent() && !storageRegion.get().equals(region)) {
            throw new CloudApiException("InvalidParameterValue.StorageRegion", "StorageRegion must be " + region
                    + ", the platform's only storage region.");
        }
        long classId = fields.integer("ClassId").orElse(0L);
        if (classId < 0) {
            throw new CloudApiException("InvalidParameterValue.ClassId", "ClassId must not be negative.");
        }
        String sourceContext = fields.text("SourceContext").orElse("");
        if (sourceContext.length() > MAX_SOURCE_CONTEXT) {
            throw new CloudApiException("InvalidParameterValue", "SourceContext is longer than " + MAX_SOURCE_CONTEXT + " characters.");
        }
        String sessionContext = fields.text("SessionContext").orElse("");
        if (sessionContext.length() > MAX_SESSION_CONTEXT) {
            throw new CloudApiException("InvalidParameterValue.SessionContextTooLong", "SessionContext is longer than "
                    + MAX_SESSION_CONTEXT + " characters.");
        }
        Optional<String> procedure = fields.text("Procedure").filter(p -> !p.isEmpty());
        Optional<Instant> expireAt = fields.time("ExpireTime", "InvalidParameterValue.ExpireTime");
        fields.text("ExtInfo");
        long subAppId = call.subAppId(fields.subAppId());

        UploadGrant grant = new UploadGrant(call.appId(), subAppId, call.secretId(), classId, procedure, 0, Optional.empty(),
                sourceContext, sessionContext);
        UgcService.OpenedSession opened = ugc.open(grant, mediaName, mediaType, coverType, expireAt, call.traceparent());
        UploadSession session = opened.session();
        TempCredential credential = opened.credential();
        ObjectNode response = JSON.createObjectNode();
        response.put("StorageBucket", session.bucket());
        response.put("StorageRegion", session.region());
        response.put("VodSessionKey", opened.sessionKey());
        response.put("MediaStoragePath", "/" + session.mediaKey().orElseThrow());
        response.put("CoverStoragePath", session.coverKey().map(k -> "/" + k).orElse(""));
        ObjectNode certificate = response.putObject("TempCertificate");
        certificate.put("SecretId", credential.secretId());
        certificate.put("SecretKey", credential.secretKey());
        certificate.put("Token", credential.token());
        certificate.put("ExpiredTime", credential.expiresAt().getEpochSecond());
        return response;
    }
}
