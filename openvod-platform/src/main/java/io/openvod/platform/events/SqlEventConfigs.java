package io.openvod.platform.events;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link EventConfigs} in the platform database, with the configured defaults for the rest. Inside
 * a transaction on the same {@link Jdbi} (an event being written) it reads within that transaction.
 */
public final class SqlEventConfigs implements EventConfigs {
    private final Jdbi jdbi;
    private final EventConfig defaults;
    private final Clock clock;

    /** @param defaults the settings of an application never configured (its subAppId is ignored) */
    public SqlEventConfigs(Jdbi jdbi, EventConfig defaults, Clock clock) {
        this.jdbi = jdbi;
        this.defaults = defaults;
        this.clock = clock;
    }

    @Override
    public EventConfig get(long subAppId) {
        Optional<EventConfig> stored = jdbi.withHandle(h -> h.createQuery("SELECT sub_app_id, mode, notification_url, "
                        + "upload_switch, delete_switch, persistence_switch FROM event_configs WHERE sub_app_id = :id")
                .bind("id", subAppId)
                .map((rs, ctx) -> new EventConfig(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .findOne());
        return stored.orElseGet(() -> defaults.forApp(subAppId));
    }

    @Override
    public List<EventConfig> stored() {
        return jdbi.withHandle(h -> h.createQuery("SELECT sub_app_id, mode, notification_url, upload_switch, delete_switch, "
                        + "persistence_switch FROM event_configs ORDER BY sub_app_id")
                .map((rs, ctx) -> new EventConfig(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list());
    }

    @Override
    public boolean remove(long subAppId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM event_configs WHERE sub_app_id = :id").bind("id", subAppId)
                .execute()) > 0;
    }

    @Override
    public void put(EventConfig c) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO event_configs (sub_app_id, mode, notification_url, upload_switch, "
                        + "delete_switch, persistence_switch, updated_at) VALUES (:id, :mode, :url, :up, :del, :per, :at) "
                        + "ON CONFLICT (sub_app_id) DO UPDATE SET mode = excluded.mode, notification_url = excluded.notification_url, "
                        + "upload_switch = excluded.upload_switch, delete_switch = excluded.delete_switch, "
                        + "persistence_switch = excluded.persistence_switch, updated_at = excluded.updated_at")
                .bind("id", c.subAppId())
                .bind("mode", c.mode())
                .bind("url", c.notificationUrl())
                .bind("up", c.uploadSwitch())
                .bind("del", c.deleteSwitch())
                .bind("per", c.persistenceSwitch())
                .bind("at", clock.millis())
                .execute());
    }
}
