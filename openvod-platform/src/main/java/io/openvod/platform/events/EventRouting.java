package io.openvod.platform.events;

import io.openvod.platform.catalog.OutboxEvent;
import org.jdbi.v3.core.Handle;

/**
 * Decides, in the transaction that writes an event to the outbox, how it will be delivered: one
 * {@code event_deliveries} row per event, PUSH (with the URL in force now), PULL or NONE, from the
 * application's event settings.
 */
public final class EventRouting {
    private final SqlEventConfigs configs;

    public EventRouting(SqlEventConfigs configs) {
        this.configs = configs;
    }

    /** Writes the delivery row of {@code event}, due at {@code now}; call inside the outbox transaction. */
    public void route(Handle h, OutboxEvent event, long now) {
        EventConfig config = configs.get(h, event.subAppId());
        String channel = config.channelFor(event.eventType());
        h.createUpdate("INSERT INTO event_deliveries (event_id, sub_app_id, channel, state, target_url, attempts, "
                        + "next_attempt_at, created_at) VALUES (:id, :app, :channel, :state, :url, 0, :now, :now)")
                .bind("id", event.eventId())
                .bind("app", event.subAppId())
                .bind("channel", channel)
                .bind("state", channel.equals("NONE") ? "DELIVERED" : "PENDING")
                .bind("url", channel.equals("PUSH") ? config.notificationUrl() : null)
                .bind("now", now)
                .execute();
    }
}
