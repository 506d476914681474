package io.openvod.platform.testing;

import io.openvod.platform.ugc.TempCredential;
import io.openvod.platform.ugc.UploadSession;
import io.openvod.testing.TestSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Upload sessions and credentials as ApplyUploadUGC makes them, for store tests. */
public final class TestSessions {
    private TestSessions() {
    }

    /** A media upload (mp4 with a jpg cover) of {@code fileId}, open from {@code now} for {@code validity}. */
    public static UploadSession media(String hash, String fileId, long subAppId, Instant now, Duration validity) {
        return new UploadSession(hash, fileId, PlatformFixture.APP_ID, subAppId, PlatformFixture.SECRET_ID,
                "bucket-" + PlatformFixture.APP_ID, "ap-guangzhou", Optional.of("media/" + fileId + ".mp4"), "clip", "mp4",
                Optional.of(1024L), Optional.of("media/" + fileId + ".jpg"), "jpg", Optional.of(64L), Optional.empty(), 0,
                Optional.of("QCVB_SimpleProcessFile"), 10, Optional.of("Finish"), "source", "session", Optional.empty(), false,
                now, now.plus(validity));
    }

    /** A cover-only upload for the existing media {@code fileId}. */
    public static UploadSession cover(String hash, String fileId, long subAppId, Instant now, Duration validity) {
        return new UploadSession(hash, fileId, PlatformFixture.APP_ID, subAppId, PlatformFixture.SECRET_ID,
                "bucket-" + PlatformFixture.APP_ID, "ap-guangzhou", Optional.empty(), "", "", Optional.empty(),
                Optional.of("cover/" + hash + ".png"), "png", Optional.of(64L), Optional.of(fileId), 0, Optional.empty(), 0,
                Optional.empty(), "", "", Optional.empty(), false, now, now.plus(validity));
    }

    /** A temporary credential of the session {@code hash}, valid until {@code expiresAt}; its secrets are remembered. */
    public static TempCredential credential(String hash, Instant expiresAt) {
        String id = "AKIDTMP" + UUID.randomUUID().toString().replace("-", "");
        TempCredential credential = new TempCredential(id, "tmpkey-" + UUID.randomUUID(), "token-" + UUID.randomUUID(), hash, expiresAt);
        TestSecrets.remember(credential.secretKey());
        TestSecrets.remember(credential.token());
        return credential;
    }
}
