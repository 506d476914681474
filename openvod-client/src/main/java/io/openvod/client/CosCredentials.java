package io.openvod.client;

import java.time.Clock;

/**
 * The upload's current temporary COS credentials. They are renewed — ApplyUploadUGC again with the
 * vodSessionKey, which answers the same paths with fresh credentials — shortly before they expire
 * by the platform's clock, and when COS refuses them as expired.
 */
final class CosCredentials {
    /** Renews the credentials of a session. */
    @FunctionalInterface
    interface Renewal {
        ApplyAnswer renew() throws UploadException;
    }

    /** A COS request made with some credentials. */
    @FunctionalInterface
    interface CosCall<T> {
        T run(ApplyAnswer credentials) throws UploadException;
    }

    private static final long RENEW_BEFORE_SECONDS = 120;
    private static final int MAX_RENEWALS_PER_CALL = 2;

    private final Renewal renewal;
    private final Retrier retrier;
    private final Clock clock;
    private ApplyAnswer current;
    private long clockOffset;

    CosCredentials(ApplyAnswer first, Renewal renewal, Retrier retrier, Clock clock) {
        this.renewal = renewal;
        this.retrier = retrier;
        this.clock = clock;
        accept(first);
    }

    /** Runs {@code call} with retries, renewing the credentials when they expire. */
    <T> T call(CosCall<T> call) throws UploadException {
        for (int renewals = 0; ; renewals++) {
            ApplyAnswer used = current();
            try {
                return retrier.call(() -> call.run(used));
            } catch (UploadException e) {
                if (!CosApi.credentialsExpired(e) || renewals >= MAX_RENEWALS_PER_CALL) {
                    throw e;
                }
                renew(used);
            }
        }
    }

    synchronized ApplyAnswer current() throws UploadException {
        long platformNow = clock.instant().getEpochSecond() + clockOffset;
        if (platformNow >= current.expiredTime() - RENEW_BEFORE_SECONDS) {
            accept(renewal.renew());
        }
        return current;
    }

    private synchronized void renew(ApplyAnswer stale) throws UploadException {
        if (current == stale) {
            accept(renewal.renew());
        }
    }

    private void accept(ApplyAnswer answer) {
        current = answer;
        clockOffset = answer.serverTime() - clock.instant().getEpochSecond();
    }
}
