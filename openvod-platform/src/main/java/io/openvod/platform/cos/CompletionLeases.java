package io.openvod.platform.cos;

import io.openvod.platform.cos.protocol.CosErrorCode;
import io.openvod.platform.cos.protocol.CosProtocolException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Completes of one multipart upload one at a time on every node that shares the
 * database, so that concurrent Completes (a client retrying while its first request still runs,
 * maybe on another node) never assemble the same object twice at once. A Complete assembles only
 * while it holds the upload's completion lease, taken with a conditional UPDATE of the upload's
 * row and renewed while it works. The others poll until the holder is done: they then answer the
 * stored result, or take the lease themselves when the holder failed (and answer as it did) or
 * died (its lease runs out).
 */
final class CompletionLeases {
    private static final Logger LOG = LoggerFactory.getLogger(CompletionLeases.class);
    /** How long a lease lasts without renewal: how soon a Complete of a dead node is taken over. */
    static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(10);
    /** How long a Complete waits for another one before it answers ServiceUnavailable (clients retry). */
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);
    private static final long FIRST_PAUSE_MILLIS = 20;
    private static final long LONGEST_PAUSE_MILLIS = 500;

    private final MultipartUploads uploads;
    private final Clock clock;

    CompletionLeases(MultipartUploads uploads, Clock clock) {
        this.uploads = uploads;
        this.clock = clock;
    }

    /**
     * Answers {@code settled} once it has an answer (it throws when there is nothing to complete);
     * until then, runs {@code work} while holding the lease of {@code uploadId}.
     */
    <T> T exclusive(String uploadId, Supplier<Optional<T>> settled, Supplier<T> work) {
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Optional<T> answer = settled.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            String holder = UUID.randomUUID().toString();
            Instant now = clock.instant();
            if (uploads.leaseCompletion(uploadId, holder, now.plus(LEASE), now)) {
                return holding(uploadId, holder, work);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new CosProtocolException(CosErrorCode.SERVICE_UNAVAILABLE, "Another Complete of this upload is still running; retry.");
            }
            sleep(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    private <T> T holding(String uploadId, String holder, Supplier<T> work) {
        CountDownLatch done = new CountDownLatch(1);
        Thread renewer = Thread.ofVirtual().name("complete-lease-" + uploadId).start(() -> renew(uploadId, holder, done));
        try {
            return work.get();
        } finally {
            done.countDown();
            join(renewer);
            uploads.releaseCompletion(uploadId, holder);
        }
    }

    private void renew(String uploadId, String holder, CountDownLatch done) {
        try {
            while (!done.await(RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                if (!uploads.renewCompletion(uploadId, holder, clock.instant().plus(LEASE))) {
                    LOG.warn("the completion lease of multipart upload {} was lost while completing it", uploadId);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("cannot renew the completion lease of multipart upload {}: {}", uploadId, e.toString());
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CosProtocolException(CosErrorCode.SERVICE_UNAVAILABLE, "Interrupted while waiting for another Complete.");
        }
    }
}
