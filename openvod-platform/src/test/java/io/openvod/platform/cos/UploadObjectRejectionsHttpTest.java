package io.openvod.platform.cos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.platform.ugc.StorageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal of the COS-compatible object API over real HTTP, each answered with a COS
 * {@code <Error>} body and an {@code x-cos-request-id}, and each leaving nothing stored where the
 * request would have written.
 */
class UploadObjectRejectionsHttpTest {
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
    void aKeyOutsideTheSessionIsDenied() {
        Session s = apply(100);
        String sibling = s.key().substring(0, s.key().lastIndexOf('/') + 1) + "Other.mp4";
        byte[] body = bytes(100, 1);

        cosError(s.cos().put(sibling, body, Map.of(), Map.of()), 403, "AccessDenied");
        cosError(s.cos().send("POST", "/" + sibling, CosTestClient.params("uploads", ""), Map.of(),
                java.net.http.HttpRequest.BodyPublishers.noBody()), 403, "AccessDenied");
        CosTestClient otherBucket = s.cos().withBucket("vod1250000001-" + PlatformFixture.APP_ID);
        cosError(otherBucket.put(s.key(), body, Map.of(), Map.of()), 403, "AccessDenied");
        cosError(otherBucket.listUploads(s.key()), 403, "AccessDenied");
        cosError(s.cos().listUploads(""), 403, "AccessDenied");

        assertThat(platform.store().stat(StorageLayout.storeKey(s.cos().bucket(), sibling))).isEmpty();
        assertThat(platform.store().stat(StorageLayout.storeKey(otherBucket.bucket(), s.key()))).isEmpty();
        assertThat(platform.store().list(otherBucket.bucket())).isEmpty();
        assertThat(s.cos().put(s.key(), body, Map.of(), Map.of()).statusCode()).as("the session's own key is writable").isEqualTo(200);
    }

    @Test
    void aCredentialOfOneSessionCannotWriteAnothersKey() {
        Session a = apply(100);
        Session b = apply(100);
        cosError(a.cos().put(b.key(), bytes(100, 2), Map.of(), Map.of()), 403, "AccessDenied");
        String uploadId = b.cos().initiate(b.key());
        cosError(a.cos().putPart(b.key(), uploadId, 1, bytes(100, 2)), 403, "AccessDenied");
        cosError(a.cos().listParts(b.key(), uploadId), 403, "AccessDenied");
        cosError(a.cos().abort(b.key(), uploadId), 403, "AccessDenied");
        cosError(a.cos().listUploads(b.key()), 403, "AccessDenied");
        cosError(a.cos().putPart(a.key(), uploadId, 1, bytes(100, 2)), 404, "NoSuchUpload");

        assertThat(platform.store().stat(StorageLayout.storeKey(b.cos().bucket(), b.key()))).isEmpty();
        assertThat(platform.store().list(CosService.partKey(uploadId, 1))).isEmpty();
        assertThat(b.cos().listParts(b.key(), uploadId).body()).doesNotContain("<Part>");
    }

    @Test
    void aPartWithTheWrongContentMd5IsRefusedAndNotListed() {
        Session s = apply(3L * MIB);
        String uploadId = s.cos().initiate(s.key());
        byte[] part = bytes(MIB, 3);
        cosError(s.cos().put(s.key(), part, partQuery(uploadId, 1), Map.of("Content-MD5", contentMd5(bytes(10, 4)))), 400, "BadDigest");

        assertThat(s.cos().listParts(s.key(), uploadId).body()).doesNotContain("<Part>");
        assertThat(platform.store().list(CosService.partKey(uploadId, 1))).isEmpty();
    }

    @Test
    void aRetriedPartWithTheWrongContentMd5KeepsTheGoodCopy() {
        Session s = apply(MIB + 10L);
        String uploadId = s.cos().initiate(s.key());
        byte[] first = bytes(MIB, 5);
        byte[] last = bytes(10, 6);
        HttpResponse<String> good = s.cos().put(s.key(), first, partQuery(uploadId, 1), Map.of("Content-MD5", contentMd5(first)));
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);

        // A client re-sends part 1 and the body is damaged on the way: the MD5 no longer matches it.
        byte[] damaged = first.clone();
        damaged[12345] ^= 0x40;
        cosError(s.cos().put(s.key(), damaged, partQuery(uploadId, 1), Map.of("Content-MD5", contentMd5(first))), 400, "BadDigest");

        String listing = s.cos().listParts(s.key(), uploadId).body().replace("&quot;", "\"");
        assertThat(listing).as("part 1 is still the good copy").contains("<ETag>\"" + Uploads.md5Hex(first) + "\"</ETag>");
        String lastEtag = s.cos().putPart(s.key(), uploadId, 2, last).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> completed = s.cos().complete(s.key(), uploadId,
                Uploads.completeXml(List.of(good.headers().firstValue("ETag").orElseThrow(), lastEtag)));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        assertThat(read(s)).isEqualTo(concat(first, last));
    }

    @Test
    void completeRefusesAnEtagThatDiffersAMissingPartAndMalformedXml() {
        Session s = apply(MIB + 10L);
        String uploadId = s.cos().initiate(s.key());
        byte[] first = bytes(MIB, 7);
        String etag = s.cos().putPart(s.key(), uploadId, 1, first).headers().firstValue("ETag").orElseThrow();

        String otherEtag = "\"" + Uploads.md5Hex(bytes(10, 8)) + "\"";
        cosError(s.cos().complete(s.key(), uploadId, Uploads.completeXml(List.of(otherEtag))), 400, "InvalidPart");
        cosError(s.cos().complete(s.key(), uploadId, Uploads.completeXml(List.of(etag, otherEtag))), 400, "InvalidPart");
        cosError(s.cos().complete(s.key(), uploadId, "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber>"), 400, "MalformedXML");
        cosError(s.cos().complete(s.key(), uploadId, "not xml"), 400, "MalformedXML");

        assertThat(platform.store().stat(StorageLayout.storeKey(s.cos().bucket(), s.key()))).isEmpty();
        assertThat(s.cos().listParts(s.key(), uploadId).body()).as("the upload survives a refused Complete")
                .contains("<PartNumber>1</PartNumber>");
    }

    @Test
    void aBodyLargerThanTheDeclaredSizeIsTooLargeAndNotStored() {
        Session s = apply(100);
        cosError(s.cos().put(s.key(), bytes(101, 9), Map.of(), Map.of()), 400, "EntityTooLarge");
        assertThat(platform.store().stat(StorageLayout.storeKey(s.cos().bucket(), s.key()))).isEmpty();

        String uploadId = s.cos().initiate(s.key());
        cosError(s.cos().putPart(s.key(), uploadId, 1, bytes(101, 9)), 400, "EntityTooLarge");
        assertThat(platform.store().list(CosService.partKey(uploadId, 1))).isEmpty();
        assertThat(s.cos().listParts(s.key(), uploadId).body()).doesNotContain("<Part>");
    }

    @Test
    void aMissingOrWrongSecurityTokenIsInvalid() {
        Session s = apply(100);
        cosError(s.cos().withToken(null).put(s.key(), bytes(100, 10), Map.of(), Map.of()), 400, "InvalidToken");
        cosError(s.cos().withToken(s.cos().token() + "x").put(s.key(), bytes(100, 10), Map.of(), Map.of()), 400, "InvalidToken");
        assertThat(platform.store().stat(StorageLayout.storeKey(s.cos().bucket(), s.key()))).isEmpty();
    }

    @Test
    void aRequestSignedWithAnotherSecretDoesNotMatch() {
        Session s = apply(100);
        CosTestClient forger = s.cos().withSecretKey("NotTheSecretKey00000000000000000");
        cosError(forger.put(s.key(), bytes(100, 11), Map.of(), Map.of()), 403, "SignatureDoesNotMatch");
        cosError(forger.listUploads(s.key()), 403, "SignatureDoesNotMatch");
        assertThat(platform.store().stat(StorageLayout.storeKey(s.cos().bucket(), s.key()))).isEmpty();
    }

    @Test
    void aBodyShorterThanItsContentLengthStoresNothing() throws Exception {
        Session s = apply(1000);
        String uploadId = s.cos().initiate(s.key());

        String partAnswer = sendTruncated(s, partQuery(uploadId, 1));
        assertShortBodyAnswer(partAnswer);
        assertThat(platform.store().list(CosService.partKey(uploadId, 1))).isEmpty();
        assertThat(s.cos().listParts(s.key(), uploadId).body()).doesNotContain("<Part>");

        String objectAnswer = sendTruncated(s, Map.of());
        assertShortBodyAnswer(objectAnswer);
        assertThat(platform.store().stat(StorageLayout.storeKey(s.cos().bucket(), s.key()))).isEmpty();
        assertThat(platform.store().list(s.cos().bucket() + "/" + s.key())).isEmpty();
    }

    @Test
    void theCredentialsOfACommittedSessionNoLongerWork() {
        Session s = apply(100);
        byte[] body = bytes(100, 12);
        assertThat(s.cos().put(s.key(), body, Map.of(), Map.of()).statusCode()).isEqualTo(200);
        Uploads.data(platform.ugc("CommitUploadUGC", PlatformFixture.json().put("signature", platform.signature())
                .put("vodSessionKey", s.apply().get("vodSessionKey").asText())));

        cosError(s.cos().put(s.key(), bytes(100, 13), Map.of(), Map.of()), 403, "InvalidAccessKeyId");
        cosError(s.cos().send("POST", "/" + s.key(), CosTestClient.params("uploads", ""), Map.of(),
                java.net.http.HttpRequest.BodyPublishers.noBody()), 403, "InvalidAccessKeyId");
        cosError(s.cos().listUploads(s.key()), 403, "InvalidAccessKeyId");
        assertThat(read(s)).as("the committed media is unchanged").isEqualTo(body);
    }

    // --- helpers ---

    record Session(JsonNode apply, CosTestClient cos, String key) {
    }

    static Session apply(long videoSize) {
        JsonNode apply = Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(platform.signature(), "v", "mp4", videoSize)));
        return new Session(apply, CosTestClient.forApply(platform.url(), apply),
                CosTestClient.key(apply.get("video").get("storagePath").asText()));
    }

    private static final Pattern ERROR = Pattern.compile("^(<\\?xml[^>]*\\?>)?\\s*<Error>\\s*<Code>([^<]+)</Code>.*</Error>\\s*$",
            Pattern.DOTALL);

    /** Asserts a COS error: the status, an {@code <Error><Code>} body of {@code code}, and a request id. */
    static void cosError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        Matcher m = ERROR.matcher(response.body());
        assertThat(m.matches()).as("an <Error> body: " + response.body()).isTrue();
        assertThat(m.group(2)).isEqualTo(code);
        assertThat(response.headers().firstValue("x-cos-request-id")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
    }

    static Map<String, String> partQuery(String uploadId, int partNumber) {
        return CosTestClient.params("partNumber", Integer.toString(partNumber), "uploadId", uploadId);
    }

    /**
     * Sends a PUT announcing 1000 bytes, writes 10 and ends the stream (a half close, so the
     * answer, if any, can still be read), then reads whatever the server answers until it closes.
     */
    static String sendTruncated(Session s, Map<String, String> query) throws IOException {
        URI base = URI.create(platform.url());
        StringBuilder target = new StringBuilder("/").append(s.cos().bucket());
        for (String segment : s.key().split("/")) {
            target.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8));
        }
        String separator = "?";
        for (Map.Entry<String, String> p : query.entrySet()) {
            target.append(separator).append(p.getKey()).append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        String authorization = s.cos().authorization("PUT", "/" + s.key(), query, Map.of("content-length", "1000"));
        String head = "PUT " + target + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Authorization: " + authorization + "\r\n"
                + "x-cos-security-token: " + s.cos().token() + "\r\n"
                + "Content-Length: 1000\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes(10, 14));
            out.flush();
            socket.shutdownOutput();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }
    }

    /** The answer to a truncated body may be lost; when it arrives it is IncompleteBody, never a success. */
    static void assertShortBodyAnswer(String answer) {
        if (!answer.isEmpty()) {
            assertThat(answer).startsWith("HTTP/1.1 400").contains("<Error><Code>IncompleteBody</Code>")
                    .containsIgnoringCase("x-cos-request-id");
        }
    }

    static byte[] read(Session s) {
        String storeKey = StorageLayout.storeKey(s.cos().bucket(), s.key());
        long size = platform.store().stat(storeKey).orElseThrow().size();
        try (InputStream in = platform.store().read(storeKey, 0, size)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String contentMd5(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
