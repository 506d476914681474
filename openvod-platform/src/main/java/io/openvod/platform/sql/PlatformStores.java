package io.openvod.platform.sql;

import io.openvod.core.health.DatabaseCheck;
import io.openvod.core.sql.SqlTraceLog;
import io.openvod.core.trace.TraceLog;
import io.openvod.core.health.HealthCheck;
import io.openvod.core.health.Readiness;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.account.ApiKeys;
import io.openvod.platform.account.SqlApiKeys;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.catalog.SqlMediaCatalog;
import io.openvod.platform.config.EventsConfig;
import io.openvod.platform.cos.MultipartUploads;
import io.openvod.platform.cos.SqlMultipartUploads;
import io.openvod.platform.events.DeliveryLog;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.events.EventConfigs;
import io.openvod.platform.events.EventQueue;
import io.openvod.platform.events.EventRouting;
import io.openvod.platform.events.SqlDeliveryLog;
import io.openvod.platform.events.SqlEventConfigs;
import io.openvod.platform.events.SqlEventQueue;
import io.openvod.platform.events.push.SqlWebhookSecrets;
import io.openvod.platform.events.push.WebhookSecrets;
import io.openvod.platform.flow.ProcedureTemplates;
import io.openvod.platform.flow.Procedures;
import io.openvod.platform.flow.SqlProcedureTemplateStore;
import io.openvod.platform.flow.SqlTaskQueue;
import io.openvod.platform.flow.TaskQueue;
import io.openvod.platform.ugc.SqlReplayStore;
import io.openvod.platform.ugc.SqlUploadSessions;
import io.openvod.platform.ugc.UploadSessions;
import io.openvod.platform.ugc.UsedSignatures;
import java.time.Clock;
import java.util.List;

/**
 * Every store of the platform on one database: the one place that chooses the SQL adapter behind
 * each port, used alike by a running node, the administration commands and the tests. A node and an
 * administration command on the same database therefore see the same rules (event routing, the
 * procedures, the keys named by the configuration).
 */
public final class PlatformStores {
    private final ApiKeys keys;
    private final UsedSignatures replays;
    private final UploadSessions sessions;
    private final MultipartUploads multipart;
    private final EventConfigs eventConfigs;
    private final DeliveryLog deliveries;
    private final EventQueue pullQueue;
    private final WebhookSecrets webhookSecrets;
    private final MediaCatalog catalog;
    private final Procedures procedures;
    private final TaskQueue queue;
    private final HealthCheck databaseCheck;
    private final TraceLog traces;

    private PlatformStores(PlatformDatabase database, List<ApiKey> configuredKeys, EventsConfig events, Clock clock) {
        var jdbi = database.jdbi();
        this.keys = new SqlApiKeys(jdbi, configuredKeys, clock);
        this.replays = new SqlReplayStore(jdbi);
        this.sessions = new SqlUploadSessions(jdbi);
        this.multipart = new SqlMultipartUploads(jdbi);
        this.eventConfigs = new SqlEventConfigs(jdbi, EventConfig.defaultsOf(events, 0), clock);
        this.deliveries = new SqlDeliveryLog(jdbi, clock);
        this.pullQueue = new SqlEventQueue(jdbi, clock, events.pull().visibility(), events.pull().retention());
        this.webhookSecrets = new SqlWebhookSecrets(jdbi, clock);
        SqlMediaCatalog sqlCatalog = new SqlMediaCatalog(jdbi, new EventRouting(eventConfigs, deliveries), clock);
        this.catalog = sqlCatalog;
        this.procedures = new Procedures(ProcedureTemplates.builtIn(), new SqlProcedureTemplateStore(jdbi), clock);
        this.queue = new SqlTaskQueue(jdbi, sqlCatalog, procedures, clock);
        this.databaseCheck = new DatabaseCheck(database.dataSource(), Readiness.DEFAULT_TIMEOUT);
        this.traces = new SqlTraceLog(jdbi);
    }

    /**
     * The stores on {@code database}.
     *
     * @param configuredKeys the API keys the configuration names (file only), trusted besides the stored ones
     * @param events the event settings: defaults of applications never configured, pull visibility and retention
     */
    public static PlatformStores on(PlatformDatabase database, List<ApiKey> configuredKeys, EventsConfig events, Clock clock) {
        return new PlatformStores(database, configuredKeys, events, clock);
    }

    public ApiKeys keys() {
        return keys;
    }

    public UsedSignatures replays() {
        return replays;
    }

    public UploadSessions sessions() {
        return sessions;
    }

    public MultipartUploads multipart() {
        return multipart;
    }

    public EventConfigs eventConfigs() {
        return eventConfigs;
    }

    public DeliveryLog deliveries() {
        return deliveries;
    }

    /** The events of PULL applications: {@code PullEvents}, {@code ConfirmEvents}. */
    public EventQueue pullQueue() {
        return pullQueue;
    }

    public WebhookSecrets webhookSecrets() {
        return webhookSecrets;
    }

    public MediaCatalog catalog() {
        return catalog;
    }

    /** The built-in procedures and each application's templates. */
    public Procedures procedures() {
        return procedures;
    }

    public TaskQueue queue() {
        return queue;
    }

    /** The steps the platform ran ({@code trace_spans}), for {@code openvod trace}. */
    public TraceLog traces() {
        return traces;
    }

    /** The readiness check of the database these stores are on ({@code SELECT 1}). */
    public HealthCheck databaseCheck() {
        return databaseCheck;
    }
}
