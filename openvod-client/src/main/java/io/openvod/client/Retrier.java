package io.openvod.client;

import java.time.Duration;

/** Runs an action again after transient failures, waiting as a {@link RetryPolicy} says. */
final class Retrier {
    /** One request that may fail. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws UploadException;
    }

    private final RetryPolicy policy;

    Retrier(RetryPolicy policy) {
        this.policy = policy;
    }

    <T> T call(Attempt<T> attempt) throws UploadException {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.run();
            } catch (UploadException e) {
                if (!e.transientFailure() || tried >= policy.maxAttempts()) {
                    throw e;
                }
                pause(policy.delay(tried));
            }
        }
    }

    static void pause(Duration delay) throws UploadException {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadException(UploadError.CANCELLED, "cancelled while waiting to retry", e);
        }
    }
}
