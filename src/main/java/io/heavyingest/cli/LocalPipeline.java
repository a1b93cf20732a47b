package io.heavyingest.cli;

import io.heavyingest.app.Components;
import io.heavyingest.bucket.BucketConfig;
import io.heavyingest.bucket.LocalObjectStore;
import io.heavyingest.delivery.Deadline;
import io.heavyingest.delivery.ObjectIngestService;
import io.heavyingest.delivery.ObjectOutcome;

import java.nio.file.Path;

/**
 * The local command's way into the same object ingest service the Lambda function uses, with a folder as the
 * bucket: manifests and error reports land in {@code heavy-ingest.bucket.local.output-folder}.
 */
final class LocalPipeline {
    private LocalPipeline() {
    }

    /**
     * Loads {@code file} exactly once: LOADED or DUPLICATE outcomes are returned; bad input is rethrown after it was
     * recorded and reported.
     */
    static ObjectOutcome ingest(Components components, Path file, String datasetId) {
        BucketConfig bucket = components.settings().bucket();
        ObjectIngestService service = components.delivery(new LocalObjectStore(),
                bucket.outputBucket().orElse(bucket.local().outputFolder()));
        ObjectOutcome outcome = service.load(LocalObjectStore.ref(file), datasetId,
                Deadline.after(components.settings().delivery().claimTtl()));
        if (outcome instanceof ObjectOutcome.Rejected rejected) {
            throw rejected.error();
        }
        if (outcome instanceof ObjectOutcome.Ignored ignored) {
            throw new IllegalStateException(ignored.reason());
        }
        return outcome;
    }
}
