package io.heavyingest.cli;

import io.heavyingest.bucket.BucketConfig;
import io.heavyingest.bucket.LocalObjectStore;
import io.heavyingest.config.ConfigLoader;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.delivery.Deadline;
import io.heavyingest.delivery.DeliveryConfig;
import io.heavyingest.delivery.ObjectIngestService;
import io.heavyingest.delivery.ObjectOutcome;
import io.heavyingest.ingest.IngestResult;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.warehouse.Warehouse;
import io.heavyingest.warehouse.Warehouses;

import java.nio.file.Path;
import java.util.Map;

/**
 * The local command's way into the same object ingest service the Lambda function uses, with a folder as the
 * bucket: manifests and error reports land in {@code heavy-ingest.bucket.local.output-folder}.
 */
final class LocalPipeline {
    private LocalPipeline() {
    }

    /** Loads {@code file} exactly once; bad input is rethrown after it was recorded and reported. */
    static IngestResult ingest(Path file, String datasetId) {
        HeavyIngestConfig config = ConfigLoader.load();
        BucketConfig bucket = ConfigLoader.load(BucketConfig.class, Map.of());
        DeliveryConfig delivery = ConfigLoader.load(DeliveryConfig.class, Map.of());
        try (Warehouse warehouse = Warehouses.open(config)) {
            ObjectIngestService service = new ObjectIngestService(new IngestService(warehouse, config),
                    new LocalObjectStore(), bucket, delivery, bucket.outputBucket().orElse(bucket.local().outputFolder()),
                    config.schema().currentTable());
            ObjectOutcome outcome = service.load(LocalObjectStore.ref(file), datasetId, Deadline.after(delivery.claimTtl()));
            switch (outcome.status()) {
                case REJECTED -> throw outcome.rejection();
                case IGNORED -> throw new IllegalStateException(outcome.reason());
                default -> {
                    return outcome.result();
                }
            }
        }
    }
}
