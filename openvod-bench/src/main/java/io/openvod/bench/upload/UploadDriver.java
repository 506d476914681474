package io.openvod.bench.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.signature.Credential;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import io.openvod.signature.cos.CosKeyTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Uploads one file through the platform as a web client does and times each step: sign, then
 * ApplyUploadUGC (with {@code videoSize}), Initiate Multipart Upload, the parts ({@code --part-mib},
 * default 8 MiB, {@code --parallel} of them in flight, default 6), Complete Multipart Upload, and
 * CommitUploadUGC. It prints the wall time and MiB/s of the whole upload and of each step, then —
 * outside the timed section — checks the stored object's size with a {@code HEAD} of the media
 * URL, and with {@code --sha256} downloads it and compares its SHA-256 with the file's. See
 * {@link UploadOptions#USAGE}.
 *
 * <p>The driver runs on the same machine as the server it measures, so every CPU second it spends
 * is taken from the server. The small requests go through {@link HttpClient} (HTTP/1.1); the parts,
 * which are nearly all of the bytes, go over plain keep-alive sockets, one per worker, with the
 * body handed from the file to the socket by the kernel ({@link PartConnection}), like
 * {@code curl -T} sends a file. {@code --client jdk} sends them through {@link HttpClient} instead,
 * streamed from the file: on the 2-core machine of the first measurements that cost about 3.8 s of
 * CPU per GiB in the driver, against 0.5–0.7 s with sendfile and about 0.6 s for {@code curl -T}.
 * The CPU time the driver used during the upload is reported either way.
 */
public final class UploadDriver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UploadDriver() {
    }

    public static void main(String[] args) throws Exception {
        UploadOptions options;
        try {
            options = UploadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("UploadDriver: " + e.getMessage());
            System.err.println(UploadOptions.USAGE);
            System.exit(2);
            return;
        }
        UploadResult result;
        try {
            result = run(options);
        } catch (IOException | RuntimeException e) {
            System.err.println("UploadDriver: the upload failed: " + e);
            System.exit(1);
            return;
        }
        PrintStream summary = options.json() ? System.err : System.out;
        summary.println(result.summary());
        if (options.json()) {
            System.out.println(result.json());
        }
        System.out.flush();
        System.exit(result.verified() ? 0 : 1);
    }

    /** Runs the optional warm-up upload, then the measured upload of the whole file, then the checks. */
    static UploadResult run(UploadOptions options) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long size = Files.size(options.file());
        if (options.warmupMiB() > 0) {
            long warmup = Math.min(size, options.warmupMiB() * UploadOptions.MIB);
            upload(http, options, warmup, options.label() + " warm-up", null);
        }
        Upload measured = upload(http, options, size, options.label(), null);
        long stored = storedSize(http, measured.mediaUrl());
        String sha256 = "not checked";
        if (options.sha256()) {
            try (InputStream file = Files.newInputStream(options.file())) {
                sha256 = sha256(file).equals(sha256(download(http, measured.mediaUrl()))) ? "match" : "mismatch";
            }
        }
        return measured.result(stored, sha256);
    }

    /**
     * Uploads a whole file to a {@link PlatformUploadServer} with its API key, 8 MiB parts 6 at a time,
     * with an ApplyUploadUGC signature naming {@code procedure}; returns the FileId once
     * CommitUploadUGC has answered.
     */
    public static String uploadWithProcedure(URI url, Path file, String procedure) throws IOException, InterruptedException {
        UploadOptions options = new UploadOptions(url, file, 8 * UploadOptions.MIB, 6, 0, 300, false, "procedure", false, false, false,
                PlatformUploadServer.SECRET_ID, PlatformUploadServer.SECRET_KEY);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return upload(http, options, Files.size(file), options.label(), procedure).fileId();
    }

    /** One whole upload of the file's first {@code length} bytes; {@code procedure} (may be null) goes into Apply's signature. */
    private static Upload upload(HttpClient http, UploadOptions options, long length, String label, String procedure)
            throws IOException, InterruptedException {
        int parts = (int) Math.max(1, (length + options.partSize() - 1) / options.partSize());
        List<String> contentMd5s = options.contentMd5() ? partMd5s(options.file(), options.partSize(), length, parts) : List.of();
        var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = cpu.getProcessCpuTime();
        long t0 = System.nanoTime();
        ObjectNode applyBody = JSON.createObjectNode().put("signature", signature(options, procedure)).put("videoName", "upload-bench")
                .put("videoType", "mp4").put("videoSize", length).put("uploadFromWeb", true);
        JsonNode apply = ugc(http, options, "ApplyUploadUGC", applyBody);
        JsonNode cert = apply.get("tempCertificate");
        CosClient cos = new CosClient(http, options.url().toString(),
                apply.get("storageBucket").asText() + "-" + apply.get("storageAppId").asLong(),
                new Credential(cert.get("secretId").asText(), cert.get("secretKey").asText()), cert.get("token").asText(),
                new CosKeyTime(apply.get("timestamp").asLong() - 60, cert.get("expiredTime").asLong()),
                Duration.ofSeconds(options.timeoutSeconds()));
        String storagePath = apply.get("video").get("storagePath").asText();
        String key = storagePath.startsWith("/") ? storagePath.substring(1) : storagePath;
        long t1 = System.nanoTime();
        String uploadId = cos.initiate(key);
        long t2 = System.nanoTime();
        List<String> etags = uploadParts(cos, key, uploadId, options, length, parts, contentMd5s);
        long t3 = System.nanoTime();
        cos.complete(key, uploadId, etags);
        long t4 = System.nanoTime();
        ObjectNode commitBody = JSON.createObjectNode().put("signature", signature(options, null))
                .put("vodSessionKey", apply.get("vodSessionKey").asText());
        JsonNode commit = ugc(http, options, "CommitUploadUGC", commitBody);
        long t5 = System.nanoTime();
        long cpuUsed = cpu.getProcessCpuTime() - cpuStart;
        System.err.printf(java.util.Locale.ROOT, "[%s] %d bytes in %.3f s%n", label, length, (t5 - t0) / 1e9);
        return new Upload(options, length, parts, t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0, cpuUsed,
                commit.get("video").get("url").asText(), commit.get("fileId").asText());
    }

    /** Uploads the parts, {@code parallel} at a time (each worker on its own keep-alive connection), in part order. */
    private static List<String> uploadParts(CosClient cos, String key, String uploadId, UploadOptions options, long length,
                                            int parts, List<String> contentMd5s) throws IOException, InterruptedException {
        BlockingQueue<PartConnection> connections = new ArrayBlockingQueue<>(options.parallel());
        for (int i = 0; i < options.parallel(); i++) {
            connections.add(new PartConnection(options.url().getHost(), options.url().getPort() > 0 ? options.url().getPort() : 80));
        }
        try (FileChannel file = FileChannel.open(options.file(), StandardOpenOption.READ);
             ExecutorService pool = Executors.newFixedThreadPool(options.parallel(),
                     Thread.ofPlatform().daemon().name("part-", 0).factory())) {
            List<Future<String>> futures = new ArrayList<>(parts);
            for (int n = 1; n <= parts; n++) {
                int partNumber = n;
                long offset = (n - 1) * options.partSize();
                long partLength = Math.min(options.partSize(), length - offset);
                futures.add(pool.submit(() -> {
                    if (options.jdkClient()) {
                        return cos.uploadPart(key, uploadId, partNumber, options.file(), offset, partLength);
                    }
                    PartConnection connection = connections.take();
                    try {
                        return cos.uploadPart(connection, key, uploadId, partNumber, file, offset, partLength,
                                contentMd5s.isEmpty() ? null : contentMd5s.get(partNumber - 1));
                    } finally {
                        connections.add(connection);
                    }
                }));
            }
            List<String> etags = new ArrayList<>(parts);
            for (Future<String> f : futures) {
                try {
                    etags.add(f.get());
                } catch (ExecutionException e) {
                    futures.forEach(other -> other.cancel(true));
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
            return etags;
        } finally {
            connections.forEach(PartConnection::close);
        }
    }

    /** The Base64 MD5 of each part of the file's first {@code length} bytes, in part order. */
    static List<String> partMd5s(Path file, long partSize, long length, int parts) throws IOException {
        List<String> md5s = new ArrayList<>(parts);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1024 * 1024);
            for (int n = 0; n < parts; n++) {
                java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
                long offset = n * partSize;
                long end = Math.min(length, offset + partSize);
                while (offset < end) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), end - offset));
                    int read = in.read(buffer, offset);
                    if (read < 0) {
                        throw new IOException(file + " ended early");
                    }
                    md5.update(buffer.array(), 0, read);
                    offset += read;
                }
                md5s.add(java.util.Base64.getEncoder().encodeToString(md5.digest()));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return md5s;
    }

    private static String signature(UploadOptions options, String procedure) {
        long now = Instant.now().getEpochSecond();
        SignatureParameters.Builder b = SignatureParameters.builder().secretId(options.secretId()).currentTimeStamp(now)
                .expireTime(now + 3600).random(ThreadLocalRandom.current().nextLong(1L << 32));
        if (procedure != null) {
            b.procedure(procedure);
        }
        return UploadSigner.sign(b.build(), options.secretKey());
    }

    /** Calls a UGC action and returns its {@code data}; fails unless {@code code} is 0. */
    private static JsonNode ugc(HttpClient http, UploadOptions options, String action, ObjectNode body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(options.url() + "/v3/index.php?Action=" + action))
                .timeout(Duration.ofSeconds(options.timeoutSeconds())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        if (answer == null || answer.path("code").asInt(-1) != 0) {
            throw new IOException(action + " answered " + response.statusCode() + ": " + response.body());
        }
        return answer.get("data");
    }

    private static long storedSize(HttpClient http, String mediaUrl) throws IOException, InterruptedException {
        HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create(mediaUrl)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        if (head.statusCode() != 200) {
            throw new IOException("HEAD " + mediaUrl + " answered " + head.statusCode());
        }
        return head.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    private static InputStream download(HttpClient http, String mediaUrl) throws IOException, InterruptedException {
        HttpResponse<InputStream> get = http.send(HttpRequest.newBuilder(URI.create(mediaUrl)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (get.statusCode() != 200) {
            get.body().close();
            throw new IOException("GET " + mediaUrl + " answered " + get.statusCode());
        }
        return get.body();
    }

    static String sha256(InputStream in) throws IOException {
        try (in) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The timings of one upload, before the checks. */
    private record Upload(UploadOptions options, long bytes, int parts, long apply, long initiate, long upload, long complete,
                          long commit, long total, long clientCpu, String mediaUrl, String fileId) {
        UploadResult result(long storedBytes, String sha256) {
            return new UploadResult(options.label(), bytes, options.partSize(), options.parallel(),
                    options.jdkClient() ? "jdk" : "socket", parts, apply, initiate, upload,
                    complete, commit, total, clientCpu, storedBytes, sha256, fileId);
        }
    }
}
