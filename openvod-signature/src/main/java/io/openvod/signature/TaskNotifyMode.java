package io.openvod.signature;

import java.util.Optional;

/** When the platform reports task-flow progress: the {@code taskNotifyMode} signature field. */
public enum TaskNotifyMode {
    /** One {@code ProcedureStateChanged} event when the whole flow ends (the default). */
    Finish,
    /** An event each time a task of the flow changes state. */
    Change,
    /** No task-flow events. */
    None;

    /** The mode with exactly this wire name, case-sensitive. */
    public static Optional<TaskNotifyMode> parse(String wireName) {
        for (TaskNotifyMode mode : values()) {
            if (mode.name().equals(wireName)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
