package io.openvod.platform.cos;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.core.trace.Tracing;
import io.openvod.platform.cos.protocol.CompleteMultipartUploadParser;
import io.openvod.platform.cos.protocol.CosAddress;
import io.openvod.platform.sql.PlatformDatabase;
import io.openvod.platform.storage.NativeMultipart;
import io.openvod.platform.storage.ObjectInfo;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.RangeAssembly;
import io.openvod.platform.storage.StoredObject;
import io.openvod.platform.storage.s3.S3MockProcess;
import io.openvod.platform.storage.s3.S3ObjectStore;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.TestClock;
import io.openvod.platform.testing.Uploads;
import io.openvod.platform.ugc.StorageLayout;
import io.openvod.platform.ugc.UploadSession;
import io.openvod.testing.TestPostgres;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two platform nodes (two {@link CosService}s, each with its own PostgreSQL pool and S3 client, on
 * one database and one bucket) serving one multipart upload: every request goes to the other node
 * than the one before, and both receive the Complete at once. The object is assembled once and
 * both answer the same ETag, on S3's multipart upload and on the fallback of objects of their own.
 */
class CompleteOnTwoNodesTest {
    private static final int MIB = 1024 * 1024;
    private static final String S3_BUCKET = "two-nodes";
    private static final String COS_BUCKET = "vod1-1250000000";
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static S3MockProcess s3mock;

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final AtomicInteger assemblies = new AtomicInteger();
    private final TestClock clock = TestClock.atNow();

    @BeforeAll
    static void startS3Mock() {
        s3mock = S3MockProcess.shared();
        s3mock.createBucket(S3_BUCKET);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    /** A node: a CosService on its own pool of the database and its own client of the bucket folder. */
    private record Node(CosService cos, MultipartUploads uploads, ObjectStore store) {
    }

    private List<Node> nodes(int count) {
        String url = TestPostgres.newDatabaseUrl();
        String prefix = "nodes-" + PREFIXES.incrementAndGet();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PlatformDatabase database = PlatformDatabase.open(url);
            ObjectStore store = new SlowAssembly(S3ObjectStore.open(s3mock.settings(S3_BUCKET, prefix)), assemblies);
            closing.add(database);
            closing.add(store);
            MultipartUploads uploads = new SqlMultipartUploads(database.jdbi());
            nodes.add(new Node(new CosService(uploads, store, PlatformFixture.defaultUpload(), clock,
                    Tracing.local("openvod-platform")), uploads, store));
        }
        return nodes;
    }

    @ParameterizedTest
    @ValueSource(ints = {5 * MIB, MIB})
    void twoNodesCompletingOneUploadAtOnceAssembleItOnceAndAnswerAlike(int partSize) throws Exception {
        List<Node> nodes = nodes(2);
        byte[] file = bytes(2 * partSize + 1000, partSize);
        String key = "1/5000000000000000001/abc.mp4";
        CosAddress address = address(key);
        UploadSession session = session(key, file.length);
        String uploadId = nodes.get(0).cos().initiate(address, "video/mp4");
        List<String> etags = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            byte[] part = Arrays.copyOfRange(file, (n - 1) * partSize, Math.min(file.length, n * partSize));
            etags.add(nodes.get(n % 2).cos().uploadPart(session, address, uploadId, Integer.toString(n), new ByteArrayInputStream(part),
                    part.length, Optional.empty()));
        }
        String xml = Uploads.completeXml(etags);

        List<String> answers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<String>> futures = new ArrayList<>();
            for (Node node : nodes) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return complete(node, session, address, uploadId, xml);
                }));
            }
            go.countDown();
            for (Future<String> f : futures) {
                answers.add(f.get(2, TimeUnit.MINUTES));
            }
        }

        assertThat(assemblies).as("one node assembled, the other waited for its result").hasValue(1);
        assertThat(answers.get(0)).endsWith("-3\"").isEqualTo(answers.get(1));
        String storeKey = StorageLayout.storeKey(COS_BUCKET, key);
        try (InputStream in = nodes.get(1).store().read(storeKey, 0, file.length)) {
            assertThat(Uploads.sha256(in)).isEqualTo(Uploads.sha256(new ByteArrayInputStream(file)));
        }
        assertThat(nodes.get(0).store().list("_multipart/")).isEmpty();
        assertThat(s3mock.multipartUploadKeys(S3_BUCKET)).noneMatch(k -> k.endsWith(storeKey));
    }

    @Test
    void aCompleteWhoseNodeDiedIsTakenOverWhenItsLeaseRunsOut() throws Exception {
        List<Node> nodes = nodes(1);
        Node node = nodes.getFirst();
        byte[] file = bytes(5 * MIB + 10, 3);
        String key = "1/5000000000000000002/def.mp4";
        CosAddress address = address(key);
        UploadSession session = session(key, file.length);
        String uploadId = node.cos().initiate(address, "video/mp4");
        String one = node.cos().uploadPart(session, address, uploadId, "1", new ByteArrayInputStream(file, 0, 5 * MIB), 5 * MIB,
                Optional.empty());
        String two = node.cos().uploadPart(session, address, uploadId, "2", new ByteArrayInputStream(file, 5 * MIB, 10), 10,
                Optional.empty());
        Instant now = clock.instant();
        assertThat(node.uploads().leaseCompletion(uploadId, "a-node-that-died", now.plus(CompletionLeases.LEASE), now)).isTrue();

        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<String> answer = pool.submit(() -> complete(node, session, address, uploadId, Uploads.completeXml(List.of(one, two))));
            Thread.sleep(1500); // three times as long as an assembly takes here
            assertThat(answer).as("waits while the lease holds").isNotDone();
            assertThat(assemblies).hasValue(0);
            clock.advance(CompletionLeases.LEASE.plus(Duration.ofSeconds(1)));
            assertThat(answer.get(1, TimeUnit.MINUTES)).endsWith("-2\"");
        }
        assertThat(assemblies).hasValue(1);
    }

    private static String complete(Node node, UploadSession session, CosAddress address, String uploadId, String xml) {
        return node.cos().complete(session, address, uploadId, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                CompleteMultipartUploadParser.DEFAULT_MAX_BYTES, Optional.empty());
    }

    private static CosAddress address(String key) {
        return new CosAddress(COS_BUCKET, Optional.empty(), key, CosAddress.Style.PATH, "127.0.0.1");
    }

    private UploadSession session(String key, long size) {
        return new UploadSession("hash", "5000000000000000001", 1_250_000_000L, 1, "AKIDTEST", COS_BUCKET, "ap-guangzhou",
                Optional.of(key), "v", "mp4", Optional.of(size), Optional.empty(), "", Optional.empty(), Optional.empty(), 0,
                Optional.empty(), 0, Optional.empty(), "", "", Optional.empty(), false, clock.instant(),
                clock.instant().plus(Duration.ofHours(1)));
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /**
     * A store that counts the objects it assembles (a native Complete or a compose) and takes half
     * a second for each, so that a concurrent Complete surely arrives while one assembles.
     */
    private static final class SlowAssembly implements ObjectStore {
        private final ObjectStore store;
        private final AtomicInteger assemblies;

        SlowAssembly(ObjectStore store, AtomicInteger assemblies) {
            this.store = store;
            this.assemblies = assemblies;
        }

        private void assembling() {
            assemblies.incrementAndGet();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public StoredObject put(String key, InputStream data, long length) {
            return store.put(key, data, length);
        }

        @Override
        public Optional<ObjectInfo> stat(String key) {
            return store.stat(key);
        }

        @Override
        public InputStream read(String key, long offset, long length) {
            return store.read(key, offset, length);
        }

        @Override
        public ObjectInfo compose(String target, List<String> sources) {
            assembling();
            return store.compose(target, sources);
        }

        @Override
        public boolean delete(String key) {
            return store.delete(key);
        }

        @Override
        public List<String> list(String prefix) {
            return store.list(prefix);
        }

        @Override
        public Optional<RangeAssembly> rangeAssembly() {
            return store.rangeAssembly();
        }

        @Override
        public Optional<NativeMultipart> nativeMultipart() {
            return store.nativeMultipart().map(m -> new NativeMultipart() {
                @Override
                public String begin(String key) {
                    return m.begin(key);
                }

                @Override
                public StoredPart uploadPart(String key, String uploadId, int partNumber, InputStream data, long length) {
                    return m.uploadPart(key, uploadId, partNumber, data, length);
                }

                @Override
                public PartEtag copyPart(String key, String uploadId, int partNumber, String sourceKey) {
                    return m.copyPart(key, uploadId, partNumber, sourceKey);
                }

                @Override
                public ObjectInfo complete(String key, String uploadId, List<PartEtag> parts) {
                    assembling();
                    return m.complete(key, uploadId, parts);
                }

                @Override
                public void abort(String key, String uploadId) {
                    m.abort(key, uploadId);
                }
            });
        }

        @Override
        public String describe() {
            return store.describe();
        }

        @Override
        public void close() {
            store.close();
        }
    }
}
