package io.openvod.server.cli;

import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import io.openvod.core.trace.TraceParent;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code openvod trace ID} looks up: a signature request id (a UUID, whose 32 hex digits are
 * the trace id), a trace id, or a FileId (whose trace is the one of the earliest step naming it).
 *
 * @param traceId the trace named directly (by a request id or a trace id), if any
 * @param fileId the FileId to look the trace up by, if any: the id itself, or a 32-digit number
 *               that may be a trace id as well
 * @param requestId the signature request id given, if any
 */
record TraceQuery(Optional<String> traceId, Optional<String> fileId, Optional<String> requestId) {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern FILE_ID = Pattern.compile("[0-9A-Za-z_-]{1,128}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /**
     * Reads the id.
     *
     * @throws OpenVodException {@code INVALID_ARGUMENT} when it is none of the three
     */
    static TraceQuery parse(String id) {
        String text = id == null ? "" : id.strip();
        if (UUID.matcher(text).matches()) {
            TraceParent trace = TraceParent.ofRequestId(text).orElseThrow(() -> invalid("the request id " + text + " names no trace"));
            return new TraceQuery(Optional.of(trace.traceId()), Optional.empty(), Optional.of(text.toLowerCase(Locale.ROOT)));
        }
        if (HEX32.matcher(text).matches()) {
            String traceId = text.toLowerCase(Locale.ROOT);
            if (!TraceParent.isTraceId(traceId)) {
                throw invalid("the trace id " + text + " is all zeros");
            }
            Optional<String> alsoFileId = DIGITS.matcher(text).matches() ? Optional.of(text) : Optional.empty();
            return new TraceQuery(Optional.of(traceId), alsoFileId, Optional.empty());
        }
        if (FILE_ID.matcher(text).matches()) {
            return new TraceQuery(Optional.empty(), Optional.of(text), Optional.empty());
        }
        throw invalid("'" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "' is neither a signature request id (a UUID), "
                + "a trace id (32 hex digits) nor a FileId");
    }

    /** What was looked up, for messages: {@code trace …}, {@code trace … (signature request …)} or {@code FileId …}. */
    String describe() {
        if (requestId.isPresent()) {
            return "trace " + traceId.orElseThrow() + " (signature request " + requestId.get() + ")";
        }
        return traceId.map(t -> "trace " + t + fileId.map(f -> " or FileId " + f).orElse("")).orElseGet(() -> "FileId " + fileId.orElseThrow());
    }

    private static OpenVodException invalid(String message) {
        return new OpenVodException(CommonError.INVALID_ARGUMENT, message);
    }
}
