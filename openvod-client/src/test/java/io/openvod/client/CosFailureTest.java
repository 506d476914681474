package io.openvod.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries against a stand-in platform whose Upload Part answers are scripted: a COS 4xx is not
 * retried, a 503 is.
 */
class CosFailureTest {
    private static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5));

    @TempDir
    Path dir;

    private final AtomicInteger puts = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aCos4xxIsNotRetried() throws Exception {
        String url = start(attempt -> 400);
        Path file = Files.write(dir.resolve("v.mp4"), new byte[1000]);

        assertThatThrownBy(() -> uploader(url).upload(file, null)).isInstanceOfSatisfying(UploadException.class, e -> {
            assertThat(e.error()).isEqualTo(UploadError.COS_REJECTED);
            assertThat(e.cosCode()).isEqualTo("InvalidArgument");
            assertThat(e.httpStatus()).isEqualTo(400);
        });
        assertThat(puts.get()).as("Upload Part tried once").isEqualTo(1);
        assertThat(commits.get()).isZero();
    }

    @Test
    void aCos503IsRetriedWithBackoff() throws Exception {
        String url = start(attempt -> attempt <= 2 ? 503 : 200);
        Path file = Files.write(dir.resolve("v.mp4"), new byte[1000]);

        UploadResult result = uploader(url).upload(file, null);

        assertThat(result.fileId()).isEqualTo("5285890784418605123");
        assertThat(puts.get()).as("two 503s, then success").isEqualTo(3);
        assertThat(commits.get()).isEqualTo(1);
    }

    private Uploader uploader(String url) {
        return Uploader.builder().platform(url).signatures(() -> "not-checked-by-the-stand-in").concurrency(1).retry(FAST)
                .sessions(SessionStore.NONE).build();
    }

    private String start(java.util.function.IntUnaryOperator partStatus) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v3/index.php") && query.contains("ApplyUploadUGC")) {
                long now = System.currentTimeMillis() / 1000;
                reply(exchange, 200, "{\"code\":0,\"message\":\"\",\"data\":{\"video\":{\"storagePath\":\"/1/k/v.mp4\"},"
                        + "\"storageBucket\":\"vod1\",\"storageAppId\":125,\"storageRegionV5\":\"ap-x\",\"vodSessionKey\":\"s\","
                        + "\"tempCertificate\":{\"secretId\":\"AKIDTMP\",\"secretKey\":\"k\",\"token\":\"t\",\"expiredTime\":"
                        + (now + 3600) + "},\"timestamp\":" + now + "}}");
            } else if (path.equals("/v3/index.php")) {
                commits.incrementAndGet();
                reply(exchange, 200, "{\"code\":0,\"message\":\"\",\"data\":{\"fileId\":\"5285890784418605123\","
                        + "\"video\":{\"url\":\"http://media/v.mp4\"}}}");
            } else if ("uploads".equals(query)) {
                reply(exchange, 200, "<InitiateMultipartUploadResult><UploadId>u-1</UploadId></InitiateMultipartUploadResult>");
            } else if (exchange.getRequestMethod().equals("PUT")) {
                int status = partStatus.applyAsInt(puts.incrementAndGet());
                if (status == 200) {
                    exchange.getResponseHeaders().set("ETag", "\"" + md5(body) + "\"");
                    reply(exchange, 200, "");
                } else {
                    String code = status == 503 ? "ServiceUnavailable" : "InvalidArgument";
                    reply(exchange, status, "<Error><Code>" + code + "</Code><Message>scripted</Message></Error>");
                }
            } else {
                reply(exchange, 200, "<CompleteMultipartUploadResult/>");
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
