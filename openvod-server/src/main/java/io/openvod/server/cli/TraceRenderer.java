package io.openvod.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.trace.StoredSpan;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a {@link TraceTimeline} as a table with a summary, or as JSON. */
final class TraceRenderer {
    private static final int MAX_NAME = 40;

    private TraceRenderer() {
    }

    static String text(TraceTimeline timeline, List<String> now, List<TraceSource> sources) {
        int nameWidth = Math.min(MAX_NAME, Math.max(4, timeline.steps().stream().mapToInt(s -> s.name().length()).max().orElse(4)));
        String row = "%-10s %11s  %-9s %-" + nameWidth + "s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, row, "OFFSET", "DURATION", "SERVICE", "STEP", "FILE ID").stripTrailing()).append('\n');
        for (StoredSpan s : timeline.steps()) {
            String fileAndError = s.fileId().orElse("-") + (s.ok() ? "" : "  error: " + s.detail());
            out.append(String.format(Locale.ROOT, row, offset(timeline.offset(s)), millis(s.duration()) + " ms",
                    TraceTimeline.service(s), s.name(), fileAndError));
        }
        out.append('\n');
        out.append("trace   ").append(timeline.traceId())
                .append(timeline.requestId().map(r -> " (signature request " + r + ")").orElse("")).append('\n');
        out.append("FileId  ").append(timeline.fileId().orElse("-")).append('\n');
        out.append("total   ").append(seconds(timeline.total())).append(" from ").append(timeline.first().name())
                .append(" to the end of ").append(timeline.last().name()).append(": ").append(timeline.steps().size())
                .append(timeline.steps().size() == 1 ? " step" : " steps").append(" (")
                .append(timeline.stepsByService().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")))
                .append("), ").append(timeline.failed()).append(" failed\n");
        for (String state : now) {
            out.append("now     ").append(state).append('\n');
        }
        out.append("read    ").append(sources.stream().map(TraceSource::describe).collect(Collectors.joining("; "))).append('\n');
        return out.toString();
    }

    static String json(TraceTimeline timeline, List<String> now, List<TraceSource> sources) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode steps = root.putArray("steps");
        for (StoredSpan s : timeline.steps()) {
            ObjectNode step = steps.addObject();
            step.put("offsetMs", millisValue(timeline.offset(s)));
            step.put("durationMs", millisValue(s.duration()));
            step.put("service", TraceTimeline.service(s));
            step.put("name", s.name());
            step.put("fileId", s.fileId().orElse(null));
            step.put("status", s.ok() ? "ok" : "error");
            step.put("detail", s.detail());
            step.put("spanId", s.spanId());
            step.put("parentSpanId", s.parentSpanId().orElse(null));
            step.put("startedAt", s.startedAt().toString());
            step.put("endedAt", s.endedAt().toString());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("traceId", timeline.traceId());
        summary.put("requestId", timeline.requestId().orElse(null));
        summary.put("fileId", timeline.fileId().orElse(null));
        summary.put("startedAt", timeline.startedAt().toString());
        summary.put("firstStep", timeline.first().name());
        summary.put("lastStep", timeline.last().name());
        summary.put("totalMs", millisValue(timeline.total()));
        summary.put("steps", timeline.steps().size());
        summary.put("failed", timeline.failed());
        ObjectNode byService = summary.putObject("stepsByService");
        timeline.stepsByService().forEach(byService::put);
        ArrayNode states = root.putArray("now");
        now.forEach(states::add);
        ArrayNode read = root.putArray("sources");
        for (TraceSource source : sources) {
            read.addObject().put("service", source.service()).put("database", source.shownUrl()).put("read", source.read())
                    .put("note", source.note().orElse(null));
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the timeline as JSON", e);
        }
    }

    /** {@code +1.234s}. */
    static String offset(Duration d) {
        return "+" + seconds(d);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3fs", d.toNanos() / 1e9);
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f", millisValue(d));
    }

    private static double millisValue(Duration d) {
        return d.toNanos() / 1_000 / 1_000.0;
    }
}
