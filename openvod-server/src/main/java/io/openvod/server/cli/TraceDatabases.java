package io.openvod.server.cli;

import io.openvod.core.OpenVodException;
import io.openvod.core.sql.SqlDatabase;
import io.openvod.core.trace.StoredSpan;
import io.openvod.core.trace.TraceLog;
import io.openvod.platform.flow.FlowQuery;
import io.openvod.server.app.AppServices;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.platform.PlatformServices;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The two databases {@code openvod trace} reads, opened through each service's assembly
 * ({@link PlatformServices}, {@link AppServices}) as the other administration commands open them. A
 * SQLite database whose file does not exist is not opened (opening would create it); one that cannot
 * be opened is reported on standard error and read as empty, so the other service's steps still show.
 */
final class TraceDatabases {
    /** The log of a database not read: nothing in it. */
    private static final TraceLog NOTHING = new TraceLog() {
        @Override
        public void record(List<StoredSpan> spans) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public List<StoredSpan> spansOfTrace(String traceId) {
            return List.of();
        }

        @Override
        public Optional<String> traceOfFile(String fileId) {
            return Optional.empty();
        }

        @Override
        public int sweep(Instant endedBefore) {
            return 0;
        }
    };

    private TraceDatabases() {
    }

    /**
     * One service's database as read: what is shown of it, its trace log, what it says now of a FileId
     * (the platform: its task flows; the app: its video), and what to close.
     */
    record Opened(TraceSource source, TraceLog log, Function<String, List<String>> statesOf, Optional<AutoCloseable> services)
            implements AutoCloseable {
        @Override
        public void close() {
            services.ifPresent(s -> {
                try {
                    s.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close the " + source.service() + "'s database", e);
                }
            });
        }
    }

    static Opened platform(OpenVodConfig config, PrintWriter err) {
        return open("platform", config.platform().databaseUrl(), err, () -> {
            PlatformServices services = PlatformServices.openForAdmin(config.platform(), config.keys(), Clock.systemUTC());
            return new Opened(TraceSource.read("platform", config.platform().databaseUrl()), services.stores().traces(),
                    fileId -> services.stores().queue().list(FlowQuery.newest(20).withFileId(fileId)).stream()
                            .map(f -> "task flow " + f.taskId() + " " + f.status()
                                    + (f.failedTasks() > 0 ? " (" + f.failedTasks() + " of " + f.tasks() + " tasks failed)" : ""))
                            .toList(),
                    Optional.of(services));
        });
    }

    static Opened app(OpenVodConfig config, PrintWriter err) {
        return open("app", config.app().database().url(), err, () -> {
            AppServices services = AppServices.open(config.app(), Clock.systemUTC());
            return new Opened(TraceSource.read("app", config.app().database().url()), services.traces(),
                    fileId -> services.videos().find(fileId)
                            .map(v -> "video " + v.state().wireName() + (v.unplayable() ? " (not a playable video)" : "")
                                    + ", updated " + v.updatedAt())
                            .stream().toList(),
                    Optional.of(services));
        });
    }

    private static Opened open(String service, String jdbcUrl, PrintWriter err, Supplier<Opened> opening) {
        Optional<Path> file = SqlDatabase.sqliteFile(jdbcUrl);
        if (file.isPresent() && !Files.exists(file.get())) {
            return new Opened(TraceSource.notRead(service, jdbcUrl, "no such file"), NOTHING, fileId -> List.of(), Optional.empty());
        }
        try {
            return opening.get();
        } catch (RuntimeException e) {
            // the class only, or an OpenVOD error's own message: a driver's message might quote the URL
            String why = e instanceof OpenVodException ove ? ove.errorCode().code() + ": " + ove.getMessage()
                    : "cannot open it (" + e.getClass().getSimpleName() + ")";
            err.println("warning: the " + service + "'s database " + TraceSource.withoutCredentials(jdbcUrl) + " was not read: "
                    + why + "; its steps are missing");
            return new Opened(TraceSource.notRead(service, jdbcUrl, why), NOTHING, fileId -> List.of(), Optional.empty());
        }
    }
}
