package io.openvod.platform.account;

import java.security.SecureRandom;

/** Makes new key pairs in Tencent's shapes: a 36-character {@code AKID…} id and a 32-character key. */
public final class ApiKeyGenerator {
    private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyGenerator() {
    }

    public static String secretId() {
        return "AKID" + random(32);
    }

    public static String secretKey() {
        return random(32);
    }

    /** {@code length} random letters and digits from a secure source. */
    public static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
        }
        return new String(out);
    }
}
