package io.openvod.platform.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * What a procedure named at upload starts (spec: event-protocol §13.2): a Procedure task flow when
 * the template holds processing tasks (or is unknown: that flow then finishes at once with no
 * tasks), and a ReviewAudioVideo task when it holds a {@code ReviewAudioVideoTask}.
 *
 * @param procedureFlow whether a Procedure flow starts (its TaskId is NewFileUpload's ProcedureTaskId)
 * @param reviewAudioVideoTask the template's {@code ReviewAudioVideoTask} as JSON, if any
 */
public record ProcedurePlan(boolean procedureFlow, Optional<String> reviewAudioVideoTask) {
    /** The plan of every procedure when templates are not consulted: a Procedure flow only. */
    public static final Lookup PROCEDURE_ONLY = (subAppId, procedure) -> new ProcedurePlan(true, Optional.empty());

    public ProcedurePlan {
        Objects.requireNonNull(reviewAudioVideoTask, "reviewAudioVideoTask == null");
    }

    /** Finds the plan of an application's procedure. */
    @FunctionalInterface
    public interface Lookup {
        ProcedurePlan plan(long subAppId, String procedure);
    }
}
