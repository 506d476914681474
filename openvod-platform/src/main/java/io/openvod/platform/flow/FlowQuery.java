package io.openvod.platform.flow;

import java.util.Objects;
import java.util.Optional;

/**
 * Which flows {@link TaskQueue#list} returns: newest first, at most {@code limit}, optionally of
 * one application, one FileId or one {@link FlowSummary#status()}, and starting at the flow
 * {@code from} (the next page of an earlier list, whose last flow was the one before it).
 */
public record FlowQuery(Optional<Long> subAppId, Optional<String> fileId, Optional<String> status, Optional<String> from, int limit) {
    public FlowQuery {
        Objects.requireNonNull(subAppId, "subAppId == null");
        Objects.requireNonNull(fileId, "fileId == null");
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(from, "from == null");
        if (status.isPresent() && !FlowSummary.STATUSES.contains(status.get())) {
            throw new IllegalArgumentException("status " + status.get() + " is not one of " + FlowSummary.STATUSES);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit + " < 1");
        }
    }

    /** The newest {@code limit} flows of every application. */
    public static FlowQuery newest(int limit) {
        return new FlowQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    public FlowQuery withSubAppId(long id) {
        return new FlowQuery(Optional.of(id), fileId, status, from, limit);
    }

    public FlowQuery withFileId(String id) {
        return new FlowQuery(subAppId, Optional.of(id), status, from, limit);
    }

    public FlowQuery withStatus(String wanted) {
        return new FlowQuery(subAppId, fileId, Optional.of(wanted), from, limit);
    }

    public FlowQuery from(String taskId) {
        return new FlowQuery(subAppId, fileId, status, Optional.of(taskId), limit);
    }
}
