package io.heavyingest.testsupport;

import io.heavyingest.csv.CsvFormatException;
import io.heavyingest.delivery.ObjectIngestService;
import io.heavyingest.delivery.ObjectOutcome;
import io.heavyingest.delivery.TransientIngestException;
import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.bucket.ObjectRef;
import io.heavyingest.delivery.Deadline;

import java.time.Duration;

/**
 * What a test delivery published, in the shape service tests assert on: the history row of the attempt and the
 * plan. {@link #deliver} turns the other outcomes into the exceptions the tests expect: bad input as the
 * {@link CsvFormatException}, a transient failure as its cause.
 *
 * @param record the LOADED row, or for a duplicate the earlier load's figures with status DUPLICATE
 * @param plan the plan applied (null for a duplicate)
 * @param outcome the delivery's outcome
 */
public record Delivered(LoadRecord record, TablePlan plan, ObjectOutcome outcome) {

    public boolean duplicate() {
        return outcome instanceof ObjectOutcome.Duplicate;
    }

    /** Delivers {@code object} through {@code service} with a generous deadline. */
    public static Delivered deliver(ObjectIngestService service, ObjectRef object, String datasetId) {
        ObjectOutcome outcome;
        try {
            outcome = service.load(object, datasetId, Deadline.after(Duration.ofMinutes(5)));
        } catch (TransientIngestException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        if (outcome instanceof ObjectOutcome.Loaded loaded) {
            return new Delivered(loaded.result().record(), loaded.result().plan(), outcome);
        }
        if (outcome instanceof ObjectOutcome.Duplicate dup) {
            LoadRecord e = dup.earlier();
            return new Delivered(LoadRecord.duplicateOf(e, e.source(), e.timings()), null, outcome);
        }
        if (outcome instanceof ObjectOutcome.Rejected rejected) {
            throw rejected.error();
        }
        throw new IllegalStateException("ignored: " + ((ObjectOutcome.Ignored) outcome).reason());
    }
}
