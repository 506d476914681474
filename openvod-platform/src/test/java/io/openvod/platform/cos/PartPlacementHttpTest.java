package io.openvod.platform.cos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.platform.ugc.StorageLayout;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
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

    @Test
    void aPartSentAfter100ContinueIsStoredWithItsMd5AsETag() throws Exception {
        byte[] file = bytes(2 * MIB, 4);
        Upload u = apply(file.length);
        String uploadId = u.cos.initiate(u.key);
        byte[] part = slice(file, 0, MIB);
        URI base = URI.create(platform.url());
        Map<String, String> query = new TreeMap<>(Map.of("partNumber", "1", "uploadId", uploadId));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /" + u.cos.bucket() + "/" + u.key + "?partNumber=1&uploadId=" + uploadId + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: " + u.cos.authorization("PUT", "/" + u.key, query, Map.of()) + "\r\n"
                    + "x-cos-security-token: " + u.cos.token() + "\r\n"
                    + "Content-Length: " + part.length + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(head(in)).as("the interim answer, before any byte of the body").startsWith("HTTP/1.1 100");
            out.write(part);
            out.flush();
            String answer = head(in);
            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("etag: \"" + md5(part) + "\"");
        }
        complete(u, uploadId, List.of("\"" + md5(part) + "\"", put(u, uploadId, 2, slice(file, MIB, MIB))));
        assertStored(u, file);
    }

    /** Reads an answer's status line and headers. */
    private static String head(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
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
