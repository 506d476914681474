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

    /** Registers an application (SubAppId) of an account; the primary one is implicit. */
    void addApp(long appId, long subAppId, String name);

    /**
     * The SubAppId that a signature's {@code vodSubAppId} selects for an account: absent, 0 or the
     * AppId itself mean the primary application; another value must be registered for the account.
     */
    Optional<Long> resolveSubApp(long appId, Optional<Long> vodSubAppId);
}
