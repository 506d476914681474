package io.openvod.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.testing.TestSecrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Steps of the client upload flow for tests: Apply bodies, slicing files into parts, Complete XML, digests. */
public final class Uploads {
    private Uploads() {
    }

    /** The Apply body of a new upload of {@code file} named {@code name.type}. */
    public static ObjectNode applyBody(String signature, String name, String type, long size) {
        ObjectNode body = PlatformFixture.json();
        body.put("signature", signature).put("videoName", name).put("videoType", type).put("videoSize", size)
                .put("uploadFromWeb", true);
        return body;
    }

    /** The {@code data} of a successful answer; fails the test with the answer otherwise. */
    public static JsonNode data(JsonNode answer) {
        assertThat(answer.get("code").isInt()).as("code is a JSON number").isTrue();
        assertThat(answer.get("code").asInt()).as(answer.toString()).isZero();
        JsonNode certificate = answer.get("data").path("tempCertificate");
        TestSecrets.remember(certificate.path("secretKey").asText(null));
        TestSecrets.remember(certificate.path("token").asText(null));
        return answer.get("data");
    }

    /**
     * A whole small upload through the platform — Apply, one PUT Object, Commit — with a signature
     * shaped by {@code customize}; returns the Commit {@code data} ({@code fileId}, {@code video.url}).
     */
    public static JsonNode uploadSmall(PlatformFixture platform, byte[] body,
                                       java.util.function.UnaryOperator<io.openvod.signature.SignatureParameters.Builder> customize) {
        JsonNode apply = data(platform.ugc("ApplyUploadUGC", applyBody(platform.signature(customize), "small", "mp4", body.length)));
        CosTestClient cos = CosTestClient.forApply(platform.url(), apply);
        var put = cos.put(CosTestClient.key(apply.get("video").get("storagePath").asText()), body, java.util.Map.of(), java.util.Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return data(platform.ugc("CommitUploadUGC", PlatformFixture.json().put("signature", platform.signature())
                .put("vodSessionKey", apply.get("vodSessionKey").asText())));
    }

    /** Bytes {@code [offset, offset+length)} of a file. */
    public static byte[] slice(Path file, long offset, int length) {
        try (var channel = Files.newByteChannel(file)) {
            channel.position(offset);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading
            }
            return java.util.Arrays.copyOf(buffer.array(), buffer.position());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Complete Multipart Upload body, one line as cos-js sends it. */
    public static String completeXml(List<String> quotedEtags) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><CompleteMultipartUpload>");
        for (int i = 0; i < quotedEtags.size(); i++) {
            xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><ETag>")
                    .append(quotedEtags.get(i).replace("\"", "&quot;")).append("</ETag></Part>");
        }
        return xml.append("</CompleteMultipartUpload>").toString();
    }

    public static String md5Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("MD5").digest(bytes));
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(InputStream in) throws IOException {
        MessageDigest sha = digest("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
