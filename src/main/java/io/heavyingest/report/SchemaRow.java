package io.heavyingest.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Objects;

/**
 * One requirement of the original story, what the plan chose for it, what the warehouse reports it applied, and
 * how the two compare.
 *
 * @param key stable identifier of the requirement (see {@link SchemaVerifier})
 * @param requirement what was required, in the story's words
 * @param planned what the recorded plan chose
 * @param applied what the warehouse reports
 * @param status how the applied design answers the requirement
 * @param reason why the status is what it is (always given unless {@code APPLIED})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record SchemaRow(String key, String requirement, String planned, String applied, Status status,
                        String reason) {

    public SchemaRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(status, "status");
        if (status != Status.APPLIED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("schema row " + key + ": a " + status + " row needs a reason");
        }
    }

    /** How a requirement is met. */
    public enum Status {
        /** The warehouse applied exactly what the plan chose, and that is what was required. */
        APPLIED,
        /** The requirement is met by the engine's own equivalent; the reason says which. */
        EQUIVALENT,
        /** The requirement has no meaning on this engine; the reason says why. */
        NOT_APPLICABLE,
        /** The warehouse applied something other than the plan, or a measured target was missed. Fails the report. */
        NOT_MET
    }
}
