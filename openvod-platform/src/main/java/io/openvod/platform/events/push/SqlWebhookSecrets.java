package io.openvod.platform.events.push;

import io.openvod.core.Secret;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link WebhookSecrets} in the platform database's {@code webhook_secrets} table. */
public final class SqlWebhookSecrets implements WebhookSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Clock clock;

    public SqlWebhookSecrets(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Created create(long subAppId) {
        return jdbi.inTransaction(h -> {
            requireApp(h, subAppId);
            return insert(h, subAppId, clock.millis());
        });
    }

    @Override
    public Created rotate(long subAppId, Duration overlap) {
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("the overlap may not be negative");
        }
        return jdbi.inTransaction(h -> {
            requireApp(h, subAppId);
            long now = clock.millis();
            long until = now + overlap.toMillis();
            h.createUpdate("UPDATE webhook_secrets SET expires_at = :until WHERE sub_app_id = :app AND revoked_at IS NULL "
                            + "AND (expires_at IS NULL OR expires_at > :until)")
                    .bind("until", until)
                    .bind("app", subAppId)
                    .execute();
            return insert(h, subAppId, now);
        });
    }

    @Override
    public boolean revoke(String secretId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE webhook_secrets SET revoked_at = :now WHERE secret_id = :id "
                        + "AND revoked_at IS NULL")
                .bind("now", clock.millis())
                .bind("id", secretId)
                .execute()) == 1;
    }

    @Override
    public List<WebhookSecret> list(Optional<Long> subAppId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT secret_id, sub_app_id, created_at, expires_at, revoked_at "
                        + "FROM webhook_secrets WHERE sub_app_id = :app OR :all ORDER BY created_at, secret_id")
                .bind("app", subAppId.orElse(0L))
                .bind("all", subAppId.isEmpty())
                .map((rs, ctx) -> new WebhookSecret(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                        instant(rs, 4), instant(rs, 5)))
                .list());
    }

    @Override
    public List<Secret> signing(long subAppId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT secret FROM webhook_secrets WHERE sub_app_id = :app "
                        + "AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now) ORDER BY created_at DESC, secret_id")
                .bind("app", subAppId)
                .bind("now", clock.millis())
                .map((rs, ctx) -> Secret.of(rs.getString(1)))
                .list());
    }

    private static Created insert(Handle h, long subAppId, long now) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String secretId = "whk_" + HexFormat.of().formatHex(id);
        Secret secret = Secret.of("whsec_" + Base64.getEncoder().encodeToString(key));
        h.createUpdate("INSERT INTO webhook_secrets (secret_id, sub_app_id, secret, created_at) VALUES (:id, :app, :secret, :now)")
                .bind("id", secretId)
                .bind("app", subAppId)
                .bind("secret", secret.reveal())
                .bind("now", now)
                .execute();
        return new Created(secretId, subAppId, secret);
    }

    private static void requireApp(Handle h, long subAppId) {
        boolean known = h.createQuery("SELECT COUNT(*) FROM apps WHERE sub_app_id = :app").bind("app", subAppId)
                .mapTo(Integer.class).one() > 0;
        if (!known) {
            throw new IllegalArgumentException("there is no application " + subAppId);
        }
    }

    private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
