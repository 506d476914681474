package io.openvod.signature.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures. A secret is {@code whsec_} followed by the base64 of its key
 * bytes (at least 16). The signature of a message is {@code v1,} + base64(HMAC-SHA256(key,
 * "<webhook-id>.<webhook-timestamp>.<body>")); with several secrets (a rotation) the
 * {@code webhook-signature} header holds one signature per secret, separated by spaces, and a
 * receiver accepts the message when any one of them verifies with any key it holds.
 */
public final class StandardWebhooks {
    /** The prefix of a secret. */
    public static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1,";

    private final List<byte[]> keys;

    private StandardWebhooks(List<byte[]> keys) {
        this.keys = keys;
    }

    /**
     * Keys from secrets {@code whsec_<base64>}.
     *
     * @throws IllegalArgumentException when a secret is not of that form (the message never shows the secret)
     */
    public static StandardWebhooks fromSecrets(List<String> secrets) {
        List<byte[]> keys = new ArrayList<>();
        for (String secret : secrets) {
            keys.add(keyBytes(secret));
        }
        return new StandardWebhooks(List.copyOf(keys));
    }

    private static byte[] keyBytes(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with whsec_");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is whsec_ followed by base64");
        }
        if (key.length < 16) {
            throw new IllegalArgumentException("a webhook secret needs at least 16 key bytes");
        }
        return key;
    }

    /** Whether there is any key. */
    public boolean hasKeys() {
        return !keys.isEmpty();
    }

    /** The {@code webhook-signature} header of a message: one {@code v1,<base64>} per key. */
    public String sign(String id, long timestampSeconds, byte[] body) {
        StringBuilder header = new StringBuilder();
        for (byte[] key : keys) {
            if (!header.isEmpty()) {
                header.append(' ');
            }
            header.append(VERSION).append(Base64.getEncoder().encodeToString(hmac(key, id, Long.toString(timestampSeconds), body)));
        }
        return header.toString();
    }

    /**
     * Checks a received message: its headers, the timestamp against {@code now} ± {@code tolerance},
     * and the signatures (compared in constant time) against every key.
     */
    public WebhookVerdict verify(String id, String timestamp, String signatureHeader, byte[] body, Instant now,
                                 Duration tolerance) {
        if (isBlank(id) || isBlank(timestamp) || isBlank(signatureHeader)) {
            return WebhookVerdict.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return WebhookVerdict.BAD_TIMESTAMP;
        }
        if (!within(now.getEpochSecond(), seconds, tolerance.toSeconds())) {
            return WebhookVerdict.TIMESTAMP_OUT_OF_TOLERANCE;
        }
        List<byte[]> offered = new ArrayList<>();
        for (String part : signatureHeader.trim().split(" +")) {
            if (part.startsWith(VERSION)) {
                try {
                    offered.add(Base64.getDecoder().decode(part.substring(VERSION.length())));
                } catch (IllegalArgumentException e) {
                    // not base64: cannot match, try the others
                }
            }
        }
        for (byte[] key : keys) {
            byte[] expected = hmac(key, id, timestamp.trim(), body);
            for (byte[] signature : offered) {
                if (MessageDigest.isEqual(expected, signature)) {
                    return WebhookVerdict.VALID;
                }
            }
        }
        return WebhookVerdict.NO_MATCHING_SIGNATURE;
    }

    /** Whether {@code seconds} is at most {@code tolerance} from {@code now}; a distance beyond a long is not. */
    private static boolean within(long now, long seconds, long tolerance) {
        try {
            return Math.absExact(Math.subtractExact(now, seconds)) <= tolerance;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static byte[] hmac(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
