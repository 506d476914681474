package io.openvod.platform.ugc;

import io.openvod.signature.ReplayStore;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * The durable {@link ReplayStore}: first uses of one-time signatures in the platform database,
 * so a replay is refused even after a restart. {@link #purge(Instant)} forgets expired ones.
 */
public final class SqlReplayStore implements UsedSignatures {
    private final Jdbi jdbi;

    public SqlReplayStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean markFirstUse(String useKey, Instant keepUntil) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "INSERT INTO used_signatures (use_key, keep_until) VALUES (:key, :until) ON CONFLICT (use_key) DO NOTHING")
                .bind("key", useKey)
                .bind("until", keepUntil.toEpochMilli())
                .execute()) == 1;
    }

    @Override
    public int purge(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM used_signatures WHERE keep_until < :now")
                .bind("now", now.toEpochMilli())
                .execute());
    }
}
