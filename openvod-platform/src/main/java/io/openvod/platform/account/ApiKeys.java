package io.openvod.platform.account;

import java.util.List;
import java.util.Optional;

/** The accounts, their applications and their API keys. */
public interface ApiKeys {

    /** The key with this secret id, active or revoked. */
    Optional<ApiKey> find(String secretId);

    /** Stores a new key (its account is created when new). */
    void add(ApiKey key);

    /** Every key, oldest first. */
    List<ApiKey> list();

    /** Revokes a key; false if there is no such stored key. */
    boolean revoke(String secretId);

    /**
     * Registers an application (SubAppId) of an account; the primary one is implicit.
     *
     * @throws IllegalArgumentException when the SubAppId belongs to another account
     */
    void addApp(long appId, long subAppId, String name);

    /**
     * The account (AppId) of a registered application (SubAppId); empty when it is not registered.
     * Storing a key registers the primary application of its account.
     */
    Optional<Long> accountOf(long subAppId);

    /**
     * The SubAppId that a signature's {@code vodSubAppId} selects for an account: absent, 0 or the
     * AppId itself mean the primary application; another value must be registered for the account.
     */
    default Optional<Long> resolveSubApp(long appId, Optional<Long> vodSubAppId) {
        long requested = vodSubAppId.orElse(0L);
        if (requested == 0 || requested == appId) {
            return Optional.of(appId);
        }
        return accountOf(requested).filter(owner -> owner == appId).map(owner -> requested);
    }
}
