package io.openvod.platform.flow;

import java.util.List;
import java.util.Optional;

/**
 * The procedure templates applications defined ({@code Custom}), by application and name; a name
 * is unique within its application. The built-in templates are not stored here
 * ({@link ProcedureTemplates}); {@link Procedures} puts both together. Every method throws an
 * unchecked exception when the database fails.
 */
public interface ProcedureTemplateStore {

    /** Why a template was not added. */
    enum Conflict {
        /** The application has a template of that name. */
        EXISTS,
        /** The application has as many templates as it may. */
        TOO_MANY
    }

    /**
     * Adds {@code template} (its name, comment, tasks and times) to application {@code subAppId}'s
     * templates, unless it has one of that name or already {@code limit} of them.
     *
     * @return empty when added, else why not (nothing is then written)
     */
    Optional<Conflict> add(long subAppId, ProcedureTemplate template, int limit);

    /** The application's template {@code name}. */
    Optional<ProcedureTemplate> find(long subAppId, String name);

    /** The application's templates, by name. */
    List<ProcedureTemplate> list(long subAppId);

    /** Deletes the application's template {@code name}; false when it has none of that name. */
    boolean delete(long subAppId, String name);
}
