package io.heavyingest.delivery;

import io.heavyingest.bucket.ObjectRef;
import io.heavyingest.csv.CsvFormatException;
import io.heavyingest.ingest.IngestResult;

/**
 * What happened to one object of an event. Transient failures are not outcomes: they are thrown.
 *
 * @param status what happened
 * @param object the object version
 * @param datasetId its dataset id (null when ignored)
 * @param result the load (LOADED and DUPLICATE), else null; a rejection is in the history as a FAILED row
 * @param rejection the bad-input error (REJECTED only)
 * @param outputKey the manifest (LOADED, DUPLICATE) or error report (REJECTED) key, else null
 * @param reason why the object was ignored (IGNORED only)
 */
public record ObjectOutcome(Status status, ObjectRef object, String datasetId, IngestResult result,
                            CsvFormatException rejection, String outputKey, String reason) {

    public enum Status {
        /** Loaded and published now. */
        LOADED,
        /** Loaded by an earlier delivery; recorded as a duplicate. */
        DUPLICATE,
        /** Bad input: recorded as failed, error report written; never retried. */
        REJECTED,
        /** Not a load (wrong prefix or suffix, not a creation, gone): acknowledged without touching the warehouse. */
        IGNORED
    }

    static ObjectOutcome ignored(ObjectRef object, String reason) {
        return new ObjectOutcome(Status.IGNORED, object, null, null, null, null, reason);
    }
}
