package io.heavyingest.delivery;

import io.heavyingest.bucket.ObjectRef;
import io.heavyingest.csv.CsvFormatException;
import io.heavyingest.ingest.IngestResult;
import io.heavyingest.warehouse.LoadRecord;

/**
 * What one delivery of one object came to. Transient failures are not outcomes: they are thrown as
 * {@link TransientIngestException} so the delivery is retried.
 */
public sealed interface ObjectOutcome {

    /** The object version. */
    ObjectRef object();

    /** Stable name of the outcome: LOADED, DUPLICATE, REPUBLISHED, REJECTED or IGNORED. */
    String status();

    /**
     * Loaded and published now.
     *
     * @param datasetId the dataset id
     * @param result what was published, with its table plan
     * @param manifestKey where the hand-off manifest was written
     */
    record Loaded(ObjectRef object, String datasetId, IngestResult result, String manifestKey) implements ObjectOutcome {
        @Override
        public String status() {
            return "LOADED";
        }
    }

    /**
     * Published by an earlier delivery; recorded as a duplicate, nothing read.
     *
     * @param datasetId the dataset id
     * @param earlier the load that published the dataset
     * @param manifestKey the manifest of the earlier load (written now if it was missing)
     */
    record Duplicate(ObjectRef object, String datasetId, LoadRecord earlier, String manifestKey) implements ObjectOutcome {
        @Override
        public String status() {
            return "DUPLICATE";
        }
    }

    /**
     * Published before, then replaced by another upload under the same key, and now uploaded again (the bucket holds
     * this content again): made current again from the kept table, nothing read.
     *
     * @param datasetId the dataset id
     * @param record the REPUBLISHED history row written
     * @param manifestKey the manifest of the earlier load (written now if it was missing)
     */
    record Republished(ObjectRef object, String datasetId, LoadRecord record, String manifestKey)
            implements ObjectOutcome {
        @Override
        public String status() {
            return "REPUBLISHED";
        }
    }

    /**
     * Bad input: recorded as FAILED, error report written; never retried.
     *
     * @param datasetId the id the dataset would have had
     * @param error what is wrong, where
     * @param errorReportKey where the error report was written
     */
    record Rejected(ObjectRef object, String datasetId, CsvFormatException error, String errorReportKey)
            implements ObjectOutcome {
        @Override
        public String status() {
            return "REJECTED";
        }
    }

    /**
     * Not a load (wrong prefix or suffix, not a creation, gone): acknowledged without touching the warehouse.
     *
     * @param reason why
     */
    record Ignored(ObjectRef object, String reason) implements ObjectOutcome {
        @Override
        public String status() {
            return "IGNORED";
        }
    }
}
