package io.openvod.platform.cos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.platform.ugc.StorageLayout;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where parts go on the local disk: equal parts are written in place (no part objects, nothing
 * copied at Complete); parts out of order, of unequal sizes, or re-sent still give the exact bytes.
 */
class PartPlacementHttpTest {
    private static final int MIB = 1024 * 1024;

    @TempDir
    static Path dir;
    static PlatformFixture platform;

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start(dir.resolve("platform"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void equalPartsInOrderAreWrittenInPlace() throws Exception {
        byte[] file = bytes(3 * MIB + 12345, 1);
        Upload u = apply(file.length);
        String uploadId = u.cos.initiate(u.key);
        List<String> etags = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            etags.add(put(u, uploadId, n, slice(file, (n - 1) * MIB, MIB)));
        }
        assertThat(platform.store().list("_multipart/" + uploadId)).as("only the draft, no part objects")
                .containsExactly("_multipart/" + uploadId + "/draft");
        complete(u, uploadId, etags);
        assertStored(u, file);
        assertThat(platform.store().list("_multipart/" + uploadId)).isEmpty();
    }

    @Test
    void partsOutOfOrderAndReSentAreAssembledExactly() throws Exception {
        byte[] file = bytes(4 * MIB + 7, 2);
        Upload u = apply(file.length);
        String uploadId = u.cos.initiate(u.key);
        String[] etags = new String[5];
        for (int n : new int[] {3, 5, 1, 2, 4}) {
            etags[n - 1] = put(u, uploadId, n, slice(file, (n - 1) * MIB, MIB));
        }
        assertThat(platform.store().list("_multipart/" + uploadId)).as("parts that came before part 1 have objects of their own")
                .contains("_multipart/" + uploadId + "/3", "_multipart/" + uploadId + "/draft");
        etags[1] = put(u, uploadId, 2, slice(file, MIB, MIB));
        complete(u, uploadId, List.of(etags));
        assertStored(u, file);
    }

    @Test
    void unequalPartsAreCopiedIntoPlace() throws Exception {
        byte[] file = bytes(3 * MIB + 100, 3);
        Upload u = apply(file.length);
        String uploadId = u.cos.initiate(u.key);
        int[] sizes = {MIB, MIB + MIB / 2, MIB / 2 + 100};
        List<String> etags = new ArrayList<>();
        int offset = 0;
        for (int n = 1; n <= sizes.length; n++) {
            etags.add(put(u, uploadId, n, slice(file, offset, sizes[n - 1])));
            offset += sizes[n - 1];
        }
        complete(u, uploadId, etags);
        assertStored(u, file);
        assertThat(platform.store().list("_multipart/" + uploadId)).isEmpty();
    }

    private record Upload(CosTestClient cos, String key) {
    }

    private static Upload apply(long size) {
        JsonNode data = Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(platform.signature(), "v", "mp4", size)));
        return new Upload(CosTestClient.forApply(platform.url(), data), CosTestClient.key(data.get("video").get("storagePath").asText()));
    }

    private static String put(Upload u, String uploadId, int n, byte[] body) {
        HttpResponse<String> response = u.cos.putPart(u.key, uploadId, n, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static void complete(Upload u, String uploadId, List<String> etags) {
        HttpResponse<String> response = u.cos.complete(u.key, uploadId, Uploads.completeXml(etags));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static void assertStored(Upload u, byte[] file) throws Exception {
        try (InputStream in = platform.store().read(StorageLayout.storeKey(u.cos.bucket(), u.key), 0, file.length)) {
            assertThat(in.readAllBytes()).isEqualTo(file);
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] slice(byte[] file, int offset, int length) {
        return java.util.Arrays.copyOfRange(file, offset, Math.min(file.length, offset + length));
    }
}
