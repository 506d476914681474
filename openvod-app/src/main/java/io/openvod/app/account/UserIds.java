package io.openvod.app.account;

import java.util.regex.Pattern;

/**
 * What a user id may look like. A built-in account's id (and a JWT's user claim) is 1–64
 * characters of letters, digits and {@code . _ @ -} ({@link #isValid}). Users from an identity
 * provider live in their own namespace: the app knows them as {@code jwt:<user claim>}
 * ({@link #ofJwt}), an id no built-in account can have, so a token can never stand for a
 * built-in account unless the operator maps it to one ({@code app.auth.jwt.accountMap}).
 * {@link #isKnown} accepts both kinds — the ids that bans, roles, quotas, videos and
 * {@code sourceContext} carry.
 */
public final class UserIds {
    /** The prefix of identity-provider users' ids. */
    public static final String JWT_PREFIX = "jwt:";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private UserIds() {
    }

    /** A built-in account's id or a JWT's user claim. */
    public static boolean isValid(String userId) {
        return userId != null && VALID.matcher(userId).matches();
    }

    /** A built-in account's id, or {@code jwt:} and a valid user claim. */
    public static boolean isKnown(String userId) {
        return isValid(userId) || userId != null && userId.startsWith(JWT_PREFIX) && isValid(userId.substring(JWT_PREFIX.length()));
    }

    /** True for an identity-provider user's id ({@code jwt:…}). */
    public static boolean isJwt(String userId) {
        return userId.startsWith(JWT_PREFIX);
    }

    /** The app's id of the identity-provider user whose user claim is {@code subject}. */
    public static String ofJwt(String subject) {
        if (!isValid(subject)) {
            throw new IllegalArgumentException("user claim '" + subject + "' must be 1-64 characters of A-Z a-z 0-9 . _ @ -");
        }
        return JWT_PREFIX + subject;
    }

    public static String requireValid(String userId) {
        if (!isValid(userId)) {
            throw new IllegalArgumentException("user id '" + userId + "' must be 1-64 characters of A-Z a-z 0-9 . _ @ -");
        }
        return userId;
    }

    /** Requires {@link #isKnown}. */
    public static String requireKnown(String userId) {
        if (!isKnown(userId)) {
            throw new IllegalArgumentException("user id '" + userId
                    + "' must be 1-64 characters of A-Z a-z 0-9 . _ @ -, or jwt: and such a user claim");
        }
        return userId;
    }
}
