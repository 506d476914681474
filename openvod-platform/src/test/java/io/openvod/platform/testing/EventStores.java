package io.openvod.platform.testing;

import io.openvod.core.TimeOrderedIds;
import io.openvod.core.trace.TraceParent;
import io.openvod.platform.catalog.OutboxEvent;
import io.openvod.platform.catalog.SqlMediaCatalog;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.events.EventRouting;
import io.openvod.platform.events.SqlDeliveryLog;
import io.openvod.platform.events.SqlEventConfigs;
import io.openvod.platform.sql.PlatformDatabase;
import java.util.UUID;

/**
 * The catalog and event stores of one node on a platform database, wired as a node wires them
 * (the catalog routes each event by the settings into the delivery log), on a {@link TestClock}.
 * {@link #event} writes an event through the catalog, as uploads and task flows do.
 */
public final class EventStores {
    public final TestClock clock;
    public final SqlEventConfigs configs;
    public final SqlDeliveryLog deliveries;
    public final SqlMediaCatalog catalog;

    /** @param defaults the settings of applications never configured */
    public EventStores(PlatformDatabase database, TestClock clock, EventConfig defaults) {
        this.clock = clock;
        this.configs = new SqlEventConfigs(database.jdbi(), defaults, clock);
        this.deliveries = new SqlDeliveryLog(database.jdbi(), clock);
        this.catalog = new SqlMediaCatalog(database.jdbi(), new EventRouting(configs, deliveries), clock);
    }

    /** Settings that queue every event for PullEvents. */
    public static EventConfig pullAll() {
        return new EventConfig(0, "PULL", "", "ON", "ON", "ON");
    }

    /** Settings that POST every event to {@code url}. */
    public static EventConfig pushAll(String url) {
        return new EventConfig(0, "PUSH", url, "ON", "ON", "ON");
    }

    /** Writes a NewFileUpload event of a new FileId of {@code subAppId} now; returns the event id. */
    public String event(long subAppId) {
        return event(subAppId, "file-" + UUID.randomUUID());
    }

    /** Writes a NewFileUpload event of {@code fileId} now; returns the event id. */
    public String event(long subAppId, String fileId) {
        String id = TimeOrderedIds.next();
        catalog.recordEvent(new OutboxEvent(id, 1, subAppId, fileId, "NewFileUpload", body(fileId)));
        return id;
    }

    /** Writes a NewFileUpload event of {@code fileId} now, as the step at {@code writer} does; returns the event id. */
    public String event(long subAppId, String fileId, TraceParent writer) {
        String id = TimeOrderedIds.next();
        catalog.recordEvent(new OutboxEvent(id, 1, subAppId, fileId, "NewFileUpload", body(fileId)).withTrace(writer));
        return id;
    }

    /** The body {@link #event} writes for {@code fileId}. */
    public static String body(String fileId) {
        return "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":{\"FileId\":\"" + fileId + "\"}}";
    }
}
