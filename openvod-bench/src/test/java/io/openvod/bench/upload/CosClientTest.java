package io.openvod.bench.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.signature.Credential;
import io.openvod.signature.cos.CosKeyTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the driver puts on the wire for a part: its head and its slice of the file, read by a plain socket server. */
class CosClientTest {
    @TempDir
    Path dir;

    /** What the server read: the request head and the body. */
    record Request(String head, byte[] body) {
    }

    @Test
    void aPartCarriesItsContentMd5OnlyWhenGivenOne() throws Exception {
        byte[] data = new byte[300_000];
        new Random(3).nextBytes(data);
        Path file = Files.write(dir.resolve("data.bin"), data);
        List<String> md5s = UploadDriver.partMd5s(file, 128 * 1024, data.length, 3);

        Request withMd5 = sendPart(file, 131_072, 131_072, md5s.get(1));
        assertThat(withMd5.body()).isEqualTo(Arrays.copyOfRange(data, 131_072, 262_144));
        assertThat(withMd5.head()).contains("\r\nContent-MD5: " + md5s.get(1) + "\r\n")
                .startsWith("PUT /bucket-1250000000/key?").contains("partNumber=2");

        Request without = sendPart(file, 0, 1000, null);
        assertThat(without.body()).isEqualTo(Arrays.copyOf(data, 1000));
        assertThat(without.head().toLowerCase(Locale.ROOT)).doesNotContain("content-md5");
    }

    @Test
    void partMd5sAreTheMd5OfEachSliceTheLastOneShort() throws Exception {
        byte[] data = new byte[2 * 1024 * 1024 + 777];
        new Random(5).nextBytes(data);
        Path file = Files.write(dir.resolve("parts.bin"), data);
        List<String> md5s = UploadDriver.partMd5s(file, 1024 * 1024, data.length, 3);
        assertThat(md5s).containsExactly(md5(data, 0, 1024 * 1024), md5(data, 1024 * 1024, 2 * 1024 * 1024),
                md5(data, 2 * 1024 * 1024, data.length));
    }

    private static String md5(byte[] data, int from, int to) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(Arrays.copyOfRange(data, from, to)));
    }

    /** Uploads bytes [offset, offset + length) of file as part 2 to a one-shot server and returns what it read. */
    private static Request sendPart(Path file, long offset, long length, String contentMd5) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             FileChannel channel = FileChannel.open(file)) {
            CompletableFuture<Request> read = CompletableFuture.supplyAsync(() -> answerOnce(server));
            CosClient cos = new CosClient(HttpClient.newHttpClient(), "http://127.0.0.1:" + server.getLocalPort(),
                    "bucket-1250000000", new Credential("AKIDtest", "secret-key"), "session-token",
                    new CosKeyTime(1_700_000_000L, 1_700_003_600L), Duration.ofSeconds(10));
            try (PartConnection connection = new PartConnection("127.0.0.1", server.getLocalPort())) {
                String etag = cos.uploadPart(connection, "key", "upload-1", 2, channel, offset, length, contentMd5);
                assertThat(etag).isEqualTo("\"etag-of-the-part\"");
            }
            return read.get();
        }
    }

    private static Request answerOnce(ServerSocket server) {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the request ended in its head");
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.US_ASCII);
            String length = text.lines().filter(l -> l.regionMatches(true, 0, "Content-Length:", 0, 15)).findFirst()
                    .orElseThrow().substring(15).trim();
            byte[] body = in.readNBytes(Integer.parseInt(length));
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nETag: \"etag-of-the-part\"\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new Request(text, body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
