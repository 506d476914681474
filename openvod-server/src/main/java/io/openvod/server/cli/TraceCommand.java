package io.openvod.server.cli;

import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import io.openvod.core.trace.StoredSpan;
import io.openvod.core.trace.TraceLog;
import io.openvod.server.config.DurationText;
import io.openvod.server.config.OpenVodConfig;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code openvod trace ID}: one upload's timeline from the steps both services kept in their own
 * databases ({@code trace_spans}): the platform's ({@code platform.databaseUrl}) and the app
 * backend's ({@code app.database.url}), merged by start time.
 */
@Command(name = "trace",
        description = {"Print one upload's timeline from the steps of its trace that both services kept.",
                "The steps come from the platform's and the app's databases, by start time, with each step's offset, duration,",
                "service, FileId and error; then a summary and where the upload stands now (its task flows, its video at the app).",
                "Steps are kept for tracing.retention (default 7d)."},
        footer = {"", "A SQLite database whose file does not exist is not read (nor created). Exit status 4 when no step is found."})
final class TraceCommand implements Callable<Integer> {
    @ParentCommand OpenVodCommand root;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "ID", description = {"A signature request id (a UUID: its 32 hex digits are the trace id), a trace id "
            + "(32 hex digits), or a FileId (the trace of the earliest step that names it)."})
    String id;
    @Option(names = "--json", description = "Print the steps, the summary and the databases read as one JSON object.") boolean json;

    @Override
    public Integer call() {
        TraceQuery query = TraceQuery.parse(id);
        OpenVodConfig config = root.config();
        // The platform first: a FileId is the platform's, so its trace is found there unless its steps were swept.
        try (TraceDatabases.Opened platform = TraceDatabases.platform(config, spec.commandLine().getErr());
             TraceDatabases.Opened app = TraceDatabases.app(config, spec.commandLine().getErr())) {
            List<TraceLog> logs = List.of(platform.log(), app.log());
            List<TraceSource> sources = List.of(platform.source(), app.source());
            Optional<String> trace = traceOf(query, logs);
            List<List<StoredSpan>> steps = trace.map(t -> logs.stream().map(l -> l.spansOfTrace(t)).toList()).orElse(List.of());
            if (steps.stream().allMatch(List::isEmpty)) {
                throw notFound(query, sources, config);
            }
            TraceTimeline timeline = TraceTimeline.merge(trace.orElseThrow(), steps);
            List<String> now = timeline.fileId().map(f -> java.util.stream.Stream.of(platform, app)
                    .flatMap(o -> o.statesOf().apply(f).stream()).toList()).orElse(List.of());
            spec.commandLine().getOut().print(json ? TraceRenderer.json(timeline, now, sources) : TraceRenderer.text(timeline, now, sources));
            return 0;
        }
    }

    /**
     * The trace the query names: its trace id, or the trace of the earliest step naming its FileId in the
     * first log that has one (a 32-digit number is read as a trace id first, then as a FileId).
     */
    static Optional<String> traceOf(TraceQuery query, List<TraceLog> logs) {
        if (query.traceId().isPresent()) {
            String trace = query.traceId().get();
            if (query.fileId().isEmpty() || logs.stream().anyMatch(l -> !l.spansOfTrace(trace).isEmpty())) {
                return Optional.of(trace);
            }
        }
        String fileId = query.fileId().orElseThrow();
        return logs.stream().map(l -> l.traceOfFile(fileId)).flatMap(Optional::stream).findFirst();
    }

    private static OpenVodException notFound(TraceQuery query, List<TraceSource> sources, OpenVodConfig config) {
        String where = String.join(" and ", sources.stream().map(TraceSource::describe).toList());
        return new OpenVodException(CommonError.NOT_FOUND, "no steps for " + query.describe() + " in " + where
                + "; steps are kept for tracing.retention (" + DurationText.format(config.tracing().retention())
                + "); is this the node's configuration? try --config FILE (or --set platform.databaseUrl=… app.database.url=…)");
    }
}
