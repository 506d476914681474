package io.openvod.platform.flow;

import io.openvod.core.ErrorKind;
import io.openvod.core.OpenVodException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Which failures of a step pass by themselves: the object store or the database unavailable for
 * a while (an I/O error, a store answering {@code UNAVAILABLE}, SQLite busy or locked), or the
 * review engine restarting or unreachable ({@code FailedOperation.ReviewUnavailable}, retryable).
 * Such a task is retried for minutes; a bad input never is.
 */
final class TransientFailures {
    private TransientFailures() {
    }

    static boolean isTransient(StepFailure failure) {
        return failure.errCodeExt().equals(TaskErrors.REVIEW_UNAVAILABLE) || isTransient(failure.getCause());
    }

    static boolean isTransient(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof OpenVodException o && o.errorCode().kind() == ErrorKind.UNAVAILABLE) {
                return true;
            }
            if (e instanceof IOException || e instanceof java.io.UncheckedIOException) {
                return true;
            }
            if (e instanceof SQLException sql && busy(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean busy(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("sqlite_busy") || m.contains("database is locked") || m.contains("sqlite_locked");
    }
}
