package io.openvod.platform.events;

import io.openvod.platform.catalog.EventRouter;
import io.openvod.platform.catalog.OutboxEvent;

/**
 * Routes each event by its application's settings as they are when the event is committed: one
 * {@link DeliveryLog} entry per event, PUSH (to the URL in force now), PULL or NONE
 * ({@link EventConfig#routeFor(String)}). Called inside the outbox transaction; SQL adapters on
 * the catalog's database read the settings and write the entry within it.
 */
public final class EventRouting implements EventRouter {
    private final EventConfigs configs;
    private final DeliveryLog deliveries;

    public EventRouting(EventConfigs configs, DeliveryLog deliveries) {
        this.configs = configs;
        this.deliveries = deliveries;
    }

    @Override
    public void route(OutboxEvent event, long now) {
        DeliveryRoute route = configs.get(event.subAppId()).routeFor(event.eventType());
        deliveries.schedule(event.eventId(), event.subAppId(), route, now);
    }
}
