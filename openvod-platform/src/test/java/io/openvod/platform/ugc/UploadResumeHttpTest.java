package io.openvod.platform.ugc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload resumed across a platform restart, as the web SDK resumes one: Apply again with only
 * the vodSessionKey, find the multipart upload by listing, check the stored parts by their MD5
 * ETags and sizes, send the rest, Complete and Commit.
 */
class UploadResumeHttpTest {
    static final int PART = 1024 * 1024;
    private static final Pattern UPLOAD = Pattern.compile("<Upload>.*?<Key>([^<]*)</Key>.*?<UploadId>([^<]*)</UploadId>.*?</Upload>",
            Pattern.DOTALL);
    private static final Pattern PART_ENTRY = Pattern.compile(
            "<Part>.*?<PartNumber>(\\d+)</PartNumber>.*?<ETag>([^<]*)</ETag>.*?<Size>(\\d+)</Size>.*?</Part>", Pattern.DOTALL);

    @TempDir
    static Path dir;
    static Path file;
    static PlatformFixture platform;

    @BeforeAll
    static void start() {
        file = TestClips.bytes(dir.resolve("upload.bin"), 4L * PART + PART / 2, 42);
        platform = PlatformFixture.start(dir.resolve("platform"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void anUploadResumesAfterARestartWithFreshCredentialsAndTheSameKeys() throws Exception {
        long size = Files.size(file);
        int parts = (int) ((size + PART - 1) / PART);
        assertThat(parts).isGreaterThanOrEqualTo(5);
        JsonNode first = Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(platform.signature(), "resumed", "bin", size)));
        String sessionKey = first.get("vodSessionKey").asText();
        CosTestClient before = CosTestClient.forApply(platform.url(), first);
        String key = CosTestClient.key(first.get("video").get("storagePath").asText());
        String uploadId = before.initiate(key);
        Map<Integer, String> etags = new LinkedHashMap<>();
        for (int n = 1; n <= 2; n++) {
            etags.put(n, put(before, key, uploadId, n, size));
        }

        platform.restart();

        JsonNode resumed = Uploads.data(platform.ugc("ApplyUploadUGC", PlatformFixture.json()
                .put("signature", platform.signature()).put("vodSessionKey", sessionKey).put("uploadFromWeb", true)));
        for (String field : List.of("storageBucket", "storageAppId", "storageRegionV5", "StorageRegionV5", "vodSessionKey")) {
            assertThat(resumed.get(field)).as(field).isEqualTo(first.get(field));
        }
        assertThat(resumed.get("video").get("storagePath")).isEqualTo(first.get("video").get("storagePath"));
        JsonNode oldCert = first.get("tempCertificate");
        JsonNode newCert = resumed.get("tempCertificate");
        assertThat(newCert.get("secretId").asText()).as("a new credential").isNotEqualTo(oldCert.get("secretId").asText());
        assertThat(newCert.get("secretKey").asText()).isNotEqualTo(oldCert.get("secretKey").asText());
        assertThat(newCert.get("token").asText()).isNotEqualTo(oldCert.get("token").asText());
        assertThat(String.valueOf(newCert.get("expiredTime").asLong())).hasSize(10);

        CosTestClient after = CosTestClient.forApply(platform.url(), resumed);
        HttpResponse<String> listing = after.listUploads(key);
        assertThat(listing.statusCode()).as(listing.body()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        Matcher upload = UPLOAD.matcher(listing.body());
        while (upload.find()) {
            if (upload.group(1).equals(key)) {
                found.add(upload.group(2));
            }
        }
        assertThat(found).as(listing.body()).containsExactly(uploadId);

        HttpResponse<String> partList = after.listParts(key, uploadId);
        assertThat(partList.statusCode()).as(partList.body()).isEqualTo(200);
        Matcher part = PART_ENTRY.matcher(partList.body());
        List<String> listed = new ArrayList<>();
        while (part.find()) {
            int n = Integer.parseInt(part.group(1));
            String etag = part.group(2).replace("&quot;", "\"").replace("&#34;", "\"");
            byte[] local = Uploads.slice(file, (long) (n - 1) * PART, PART);
            assertThat(etag).as("part %d ETag", n).isEqualTo("\"" + Uploads.md5Hex(local) + "\"").isEqualTo(etags.get(n));
            assertThat(Long.parseLong(part.group(3))).as("part %d Size", n).isEqualTo(PART);
            listed.add(part.group(1));
        }
        assertThat(listed).as(partList.body()).containsExactly("1", "2");

        for (int n = 3; n <= parts; n++) {
            etags.put(n, put(after, key, uploadId, n, size));
        }
        HttpResponse<String> completed = after.complete(key, uploadId, Uploads.completeXml(List.copyOf(etags.values())));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);

        JsonNode committed = Uploads.data(platform.ugc("CommitUploadUGC", PlatformFixture.json()
                .put("signature", platform.signature()).put("vodSessionKey", sessionKey)));
        String fileId = committed.get("fileId").asText();
        assertThat(key).contains("/" + fileId + "/");
        try (InputStream stored = platform.store().read(StorageLayout.storeKey(after.bucket(), key), 0, size)) {
            assertThat(Uploads.sha256(stored)).isEqualTo(Uploads.sha256(file));
        }
        assertThat(platform.node().catalog().find(fileId).orElseThrow().size()).isEqualTo(size);
        assertThat(platform.store().list("_multipart/" + uploadId)).as("the parts are gone").isEmpty();
    }

    private static String put(CosTestClient cos, String key, String uploadId, int n, long size) {
        long offset = (long) (n - 1) * PART;
        byte[] body = Uploads.slice(file, offset, (int) Math.min(PART, size - offset));
        HttpResponse<String> response = cos.putPart(key, uploadId, n, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + Uploads.md5Hex(body) + "\"");
        return etag;
    }
}
