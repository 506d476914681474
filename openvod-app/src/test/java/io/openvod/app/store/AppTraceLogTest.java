package io.openvod.app.store;

import io.openvod.core.sql.SqlTraceLog;
import io.openvod.core.trace.TraceLog;
import io.openvod.core.trace.TraceLogContract;

/** The {@link TraceLog} contract on the app backend's {@code trace_spans} (V5), on SQLite and PostgreSQL. */
class AppTraceLogTest extends TraceLogContract<AppDatabase> {
    @Override
    protected AppDatabase open(String jdbcUrl) {
        return AppDatabase.open(jdbcUrl);
    }

    @Override
    protected TraceLog traceLog(AppDatabase database) {
        return new SqlTraceLog(database.jdbi());
    }
}
