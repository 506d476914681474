package io.openvod.client;

import io.openvod.signature.DecodedSignature;
import io.openvod.signature.UploadSignatureDecoder;
import io.openvod.signature.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The signature for the next UGC call: the last one again when it may be reused — not one-time
 * ({@code oneTimeValid=1} signatures are used once), not expired by its own {@code expireTime},
 * younger than the maximum age — else a new one from the supplier.
 */
final class Signatures {
    private static final long EXPIRY_MARGIN_SECONDS = 30;

    private final SignatureSupplier supplier;
    private final Duration maxAge;
    private final Clock clock;
    private String last;
    private Instant fetchedAt;
    private boolean oneTime;
    private long expireTime = Long.MAX_VALUE;
    private int fetched;

    Signatures(SignatureSupplier supplier, Duration maxAge, Clock clock) {
        this.supplier = supplier;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** A signature to send now. */
    synchronized String current() throws UploadException {
        Instant now = clock.instant();
        boolean usable = last != null && now.isBefore(fetchedAt.plus(maxAge))
                && now.getEpochSecond() + EXPIRY_MARGIN_SECONDS < expireTime;
        if (!usable) {
            fetch();
        }
        return last;
    }

    /** The signature sent was accepted: a one-time signature is not sent again. */
    synchronized void used() {
        if (oneTime) {
            last = null;
        }
    }

    /** The platform refused the last signature as expired or used: the next call gets a new one. */
    synchronized void discard() {
        last = null;
    }

    /** How many signatures the supplier gave. */
    synchronized int fetched() {
        return fetched;
    }

    /** The exception's message, or what it is when it has none (a refused connection has no message). */
    static String describe(Exception e) {
        String message = e.getMessage();
        String what = e instanceof java.net.ConnectException ? "connection refused"
                : e instanceof java.net.http.HttpTimeoutException ? "timed out" : e.getClass().getSimpleName();
        return message == null || message.isBlank() ? what : message;
    }

    private void fetch() throws UploadException {
        String signature;
        try {
            signature = supplier.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UploadException(UploadError.CANCELLED, "cancelled while getting a signature", e);
        } catch (UploadException e) {
            throw e;
        } catch (AppRefusedException e) {
            throw new UploadException(UploadError.SIGNATURE_REFUSED, "the signature supplier refused: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new UploadException(UploadError.SIGNATURE_UNAVAILABLE, "the signature supplier failed: " + describe(e), e);
        }
        if (signature == null || signature.isBlank()) {
            throw new UploadException(UploadError.SIGNATURE_UNAVAILABLE, "the signature supplier returned no signature");
        }
        fetched++;
        last = signature.strip();
        fetchedAt = clock.instant();
        Verdict<DecodedSignature> decoded = new UploadSignatureDecoder().decode(last);
        Map<String, String> fields = decoded instanceof Verdict.Accepted<DecodedSignature> a ? a.value().fields() : Map.of();
        oneTime = "1".equals(fields.get("oneTimeValid"));
        try {
            expireTime = Long.parseLong(fields.getOrDefault("expireTime", Long.toString(Long.MAX_VALUE)));
        } catch (NumberFormatException e) {
            expireTime = Long.MAX_VALUE;
        }
    }
}
