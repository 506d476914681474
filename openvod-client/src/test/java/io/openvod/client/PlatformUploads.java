package io.openvod.client;

import io.openvod.platform.testing.PlatformFixture;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Helpers of the SDK's tests: signatures by the fixture's key, counting suppliers, digests of local and stored bytes. */
final class PlatformUploads {
    private PlatformUploads() {
    }

    /** A signature by the fixture platform's key, issued at {@code now} (Unix seconds) and valid an hour. */
    static String signature(long now) {
        return UploadSigner.sign(SignatureParameters.builder().secretId(PlatformFixture.SECRET_ID).currentTimeStamp(now)
                .expireTime(now + 3600).random(ThreadLocalRandom.current().nextLong(1L << 32)).build(), PlatformFixture.SECRET_KEY);
    }

    /** A supplier of fresh signatures that counts its calls. */
    static SignatureSupplier counting(AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            return signature(System.currentTimeMillis() / 1000);
        };
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /** The SHA-256 of what {@code url} serves. */
    static String sha256(String url) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        try (InputStream in = response.body()) {
            return sha256(in);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
