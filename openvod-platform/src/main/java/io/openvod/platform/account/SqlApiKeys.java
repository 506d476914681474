package io.openvod.platform.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ApiKeys} in the platform database, plus the keys listed in the configuration (which
 * belong to the configured account, are always active, and shadow stored keys of the same id).
 */
public final class SqlApiKeys implements ApiKeys {
    private final Jdbi jdbi;
    private final Map<String, ApiKey> configured;
    private final Clock clock;

    public SqlApiKeys(Jdbi jdbi, List<ApiKey> configured, Clock clock) {
        this.jdbi = jdbi;
        this.configured = configured.stream().collect(Collectors.toUnmodifiableMap(ApiKey::secretId, Function.identity()));
        this.clock = clock;
    }

    @Override
    public Optional<ApiKey> find(String secretId) {
        ApiKey fromConfig = configured.get(secretId);
        if (fromConfig != null) {
            return Optional.of(fromConfig);
        }
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT secret_id, secret_key, app_id, status, created_at FROM api_keys WHERE secret_id = :id")
                .bind("id", secretId)
                .map((rs, ctx) -> new ApiKey(rs.getString(1), rs.getString(2), rs.getLong(3),
                        "ACTIVE".equals(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)), false))
                .findOne());
    }

    @Override
    public void add(ApiKey key) {
        if (configured.containsKey(key.secretId())) {
            throw new IllegalArgumentException("secretId " + key.secretId() + " is already configured");
        }
        jdbi.useTransaction(h -> {
            ensureApp(h, key.appId(), key.appId(), "primary");
            h.createUpdate("INSERT INTO api_keys (secret_id, secret_key, app_id, status, created_at) "
                            + "VALUES (:id, :key, :app, 'ACTIVE', :at)")
                    .bind("id", key.secretId())
                    .bind("key", key.secretKey())
                    .bind("app", key.appId())
                    .bind("at", key.createdAt().toEpochMilli())
                    .execute();
        });
    }

    @Override
    public List<ApiKey> list() {
        List<ApiKey> stored = jdbi.withHandle(h -> h.createQuery(
                        "SELECT secret_id, secret_key, app_id, status, created_at FROM api_keys ORDER BY created_at, secret_id")
                .map((rs, ctx) -> new ApiKey(rs.getString(1), rs.getString(2), rs.getLong(3),
                        "ACTIVE".equals(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)), false))
                .list());
        return java.util.stream.Stream.concat(configured.values().stream(),
                stored.stream().filter(k -> !configured.containsKey(k.secretId()))).toList();
    }

    @Override
    public boolean revoke(String secretId) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE api_keys SET status = 'REVOKED', revoked_at = :at WHERE secret_id = :id AND status = 'ACTIVE'")
                .bind("at", clock.millis())
                .bind("id", secretId)
                .execute()) == 1;
    }

    @Override
    public void addApp(long appId, long subAppId, String name) {
        jdbi.useTransaction(h -> ensureApp(h, appId, subAppId, name));
    }

    @Override
    public Optional<Long> accountOf(long subAppId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT app_id FROM apps WHERE sub_app_id = :sub")
                .bind("sub", subAppId)
                .mapTo(Long.class)
                .findOne());
    }

    private void ensureApp(org.jdbi.v3.core.Handle h, long appId, long subAppId, String name) {
        Optional<Long> owner = h.createQuery("SELECT app_id FROM apps WHERE sub_app_id = :sub")
                .bind("sub", subAppId).mapTo(Long.class).findOne();
        if (owner.isPresent()) {
            if (owner.get() != appId) {
                throw new IllegalArgumentException("SubAppId " + subAppId + " belongs to another account");
            }
            return;
        }
        h.createUpdate("INSERT INTO apps (sub_app_id, app_id, name, created_at) VALUES (:sub, :app, :name, :at)")
                .bind("sub", subAppId)
                .bind("app", appId)
                .bind("name", name)
                .bind("at", clock.millis())
                .execute();
    }
}
