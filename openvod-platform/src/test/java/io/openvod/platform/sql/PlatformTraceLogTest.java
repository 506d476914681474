package io.openvod.platform.sql;

import io.openvod.core.trace.TraceLog;
import io.openvod.core.trace.TraceLogContract;
import io.openvod.platform.config.EventsConfig;
import java.time.Clock;
import java.util.List;

/**
 * The {@link TraceLog} contract on the platform's {@code trace_spans} (V16), on SQLite and
 * PostgreSQL, through the adapter the platform's stores wire.
 */
class PlatformTraceLogTest extends TraceLogContract<PlatformDatabase> {
    @Override
    protected PlatformDatabase open(String jdbcUrl) {
        return PlatformDatabase.open(jdbcUrl);
    }

    @Override
    protected TraceLog traceLog(PlatformDatabase database) {
        return PlatformStores.on(database, List.of(), EventsConfig.defaults(), Clock.systemUTC()).traces();
    }
}
