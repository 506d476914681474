/**
 * Events after they are written to the outbox: Tencent v3 event bodies ({@link
 * io.openvod.platform.events.FileUploadEvents}), each application's event settings
 * ({@link io.openvod.platform.events.EventConfigs}), the routing of every event to PUSH, PULL or
 * NONE in its outbox transaction ({@link io.openvod.platform.events.EventRouting}, which the
 * catalog calls through its {@link io.openvod.platform.catalog.EventRouter} port, so the catalog
 * never depends on this package), the log of deliveries ({@link io.openvod.platform.events.DeliveryLog})
 * and the PULL queue ({@link io.openvod.platform.events.EventQueue}). Only the {@code Sql*}
 * adapters touch the database; every state they keep is in it, so any node serves any request.
 */
package io.openvod.platform.events;
