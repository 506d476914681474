package io.openvod.client;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Uploads files to an OpenVOD platform (or any server speaking Tencent VOD's UGC and COS APIs in
 * path style): ApplyUploadUGC, a parallel, resumable COS multipart upload, CommitUploadUGC. An
 * uploader is immutable and thread-safe; it can run several uploads at once. See the package
 * documentation for an example.
 */
public final class Uploader {
    /** The default part size, 5 MiB. */
    public static final long DEFAULT_PART_SIZE = 5L << 20;
    /** The smallest part size COS accepts for parts other than the last, 1 MiB. */
    public static final long MIN_PART_SIZE = 1L << 20;
    /** The largest part size, 1 GiB. */
    public static final long MAX_PART_SIZE = 1L << 30;
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Everything an upload runs with. */
    record Settings(String platform, SignatureSupplier signatures, long partSize, int concurrency, RetryPolicy retry,
                    ProgressListener progress, SessionStore sessions, Duration signatureMaxAge, Duration connectTimeout,
                    Duration requestTimeout, Clock clock) {
    }

    private final Settings settings;

    private Uploader(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts uploading {@code video} in the background. */
    public UploadHandle start(Path video) {
        return start(video, null);
    }

    /** Starts uploading {@code video} with {@code cover} (null for none) in the background. */
    public UploadHandle start(Path video, Path cover) {
        Objects.requireNonNull(video, "video == null");
        UploadRun run = new UploadRun(settings, video, cover);
        CompletableFuture<UploadResult> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(run.run());
            } catch (UploadException e) {
                future.completeExceptionally(e);
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "openvod-upload-" + THREADS.incrementAndGet());
        UploadHandle handle = new UploadHandle(run, future);
        thread.start();
        return handle;
    }

    /** Uploads {@code video} (and {@code cover}, null for none) and waits for the result. */
    public UploadResult upload(Path video, Path cover) throws UploadException, InterruptedException {
        UploadHandle handle = start(video, cover);
        try {
            return handle.await();
        } catch (InterruptedException e) {
            handle.cancel();
            throw e;
        }
    }

    /** Options of an {@link Uploader}; {@link #platform} and {@link #signatures} are required. */
    public static final class Builder {
        private String platform;
        private SignatureSupplier signatures;
        private long partSize = DEFAULT_PART_SIZE;
        private int concurrency = 4;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private ProgressListener progress = ProgressListener.NONE;
        private SessionStore sessions;
        private Duration signatureMaxAge = Duration.ofMinutes(5);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The platform's public URL, e.g. {@code http://127.0.0.1:8082}: the UGC API and the COS API (path style). */
        public Builder platform(String url) {
            this.platform = Objects.requireNonNull(url, "platform == null");
            return this;
        }

        /** Where signatures come from. */
        public Builder signatures(SignatureSupplier supplier) {
            this.signatures = Objects.requireNonNull(supplier, "signatures == null");
            return this;
        }

        /** The size of the video's parts (default 5 MiB, 1 MiB to 1 GiB); a resumed upload keeps the size it began with. */
        public Builder partSize(long bytes) {
            if (bytes < MIN_PART_SIZE || bytes > MAX_PART_SIZE) {
                throw new IllegalArgumentException("part size " + bytes + " is not within 1 MiB to 1 GiB");
            }
            this.partSize = bytes;
            return this;
        }

        /** How many parts are sent at once (default 4, 1 to 64). */
        public Builder concurrency(int parts) {
            if (parts < 1 || parts > 64) {
                throw new IllegalArgumentException("concurrency " + parts + " is not within 1 to 64");
            }
            this.concurrency = parts;
            return this;
        }

        /** How transient failures are retried (default {@link RetryPolicy#DEFAULT}). */
        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "retry == null");
            return this;
        }

        /** Told about progress (default: nobody). */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "progress == null");
            return this;
        }

        /** Where sessions are remembered for resuming (default {@link DirectorySessionStore#inHome()}). */
        public Builder sessions(SessionStore store) {
            this.sessions = Objects.requireNonNull(store, "sessions == null");
            return this;
        }

        /** How long a signature that is not one-time is used again (default 5 minutes; zero: never). */
        public Builder signatureMaxAge(Duration age) {
            if (age.isNegative()) {
                throw new IllegalArgumentException("signatureMaxAge is negative");
            }
            this.signatureMaxAge = age;
            return this;
        }

        /** The TCP connect timeout (default 10 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "connectTimeout == null");
            return this;
        }

        /** The timeout of one request, a part included (default 5 minutes). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout == null");
            return this;
        }

        /** The clock that signature ages are measured with (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        public Uploader build() {
            if (platform == null || platform.isBlank()) {
                throw new IllegalStateException("platform URL is required");
            }
            if (signatures == null) {
                throw new IllegalStateException("a SignatureSupplier is required");
            }
            return new Uploader(new Settings(platform, signatures, partSize, concurrency, retry, progress,
                    sessions == null ? DirectorySessionStore.inHome() : sessions, signatureMaxAge, connectTimeout, requestTimeout,
                    clock));
        }
    }
}
