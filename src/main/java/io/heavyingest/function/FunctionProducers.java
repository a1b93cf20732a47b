package io.heavyingest.function;

import io.heavyingest.bucket.BucketConfig;
import io.heavyingest.bucket.S3Clients;
import io.heavyingest.bucket.S3ObjectStore;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.delivery.DeliveryConfig;
import io.heavyingest.delivery.ObjectIngestService;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.warehouse.Warehouse;
import io.heavyingest.warehouse.Warehouses;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the plain services from the injected configuration, once per function instance. */
public class FunctionProducers {

    @Produces
    @Singleton
    Warehouse warehouse(HeavyIngestConfig config) {
        return Warehouses.open(config);
    }

    void closeWarehouse(@Disposes Warehouse warehouse) {
        warehouse.close();
    }

    @Produces
    @Singleton
    S3Client s3(BucketConfig bucket) {
        return S3Clients.create(bucket.s3());
    }

    void closeS3(@Disposes S3Client s3) {
        s3.close();
    }

    @Produces
    @Singleton
    ObjectIngestService objectIngestService(Warehouse warehouse, S3Client s3, HeavyIngestConfig config,
                                            BucketConfig bucket, DeliveryConfig delivery) {
        return new ObjectIngestService(new IngestService(warehouse, config), new S3ObjectStore(s3), bucket, delivery,
                bucket.outputBucket().orElse(null), config.schema().currentTable());
    }
}
