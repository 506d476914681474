package io.openvod.platform.events.push;

import io.openvod.core.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: for each secret ({@code whsec_} + base64 of the key bytes),
 * {@code v1,} + base64(HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>")), joined by
 * spaces in one {@code webhook-signature} header. Several secrets (a rotation) give several
 * signatures; a receiver accepts the request when any one of them verifies with a key it holds.
 */
public final class WebhookSigner {
    private static final String PREFIX = "whsec_";
    private final List<byte[]> keys;

    /** @throws IllegalArgumentException when a secret is not {@code whsec_<base64>} */
    public WebhookSigner(List<Secret> secrets) {
        List<byte[]> decoded = new ArrayList<>();
        for (Secret secret : secrets) {
            decoded.add(keyBytes(secret.reveal()));
        }
        this.keys = List.copyOf(decoded);
    }

    static byte[] keyBytes(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with whsec_");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret is whsec_ followed by base64");
        }
        if (key.length < 16) {
            throw new IllegalArgumentException("a webhook secret needs at least 16 key bytes");
        }
        return key;
    }

    /** Whether there is any key to sign with. */
    public boolean canSign() {
        return !keys.isEmpty();
    }

    /** The {@code webhook-signature} value of a message. */
    public String signature(String id, long timestampSeconds, String body) {
        byte[] content = (id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder();
        for (byte[] key : keys) {
            if (!header.isEmpty()) {
                header.append(' ');
            }
            header.append("v1,").append(Base64.getEncoder().encodeToString(hmac(key, content)));
        }
        return header.toString();
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
