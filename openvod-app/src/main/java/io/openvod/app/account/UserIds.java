package io.openvod.app.account;

import java.util.regex.Pattern;

/** What a user id may look like: 1–64 characters of letters, digits and {@code . _ @ -}. */
public final class UserIds {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private UserIds() {
    }

    public static boolean isValid(String userId) {
        return userId != null && VALID.matcher(userId).matches();
    }

    public static String requireValid(String userId) {
        if (!isValid(userId)) {
            throw new IllegalArgumentException("user id '" + userId + "' must be 1-64 characters of A-Z a-z 0-9 . _ @ -");
        }
        return userId;
    }
}
