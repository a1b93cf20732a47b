package io.heavyingest.function;

import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;
import io.heavyingest.benchmark.ComplianceService;
import io.heavyingest.benchmark.ReportConfig;
import io.heavyingest.bucket.BucketConfig;
import io.heavyingest.bucket.S3ObjectStore;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.delivery.DeliveryConfig;
import io.heavyingest.delivery.ObjectIngestService;
import io.heavyingest.heavydb.HeavyDbConfig;
import io.heavyingest.optimize.OptimizeConfig;
import io.heavyingest.warehouse.Warehouse;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

/** Hands the injected configuration to the composition root, once per function instance. */
public class FunctionProducers {

    @Produces
    @Singleton
    Settings settings(HeavyIngestConfig core, HeavyDbConfig heavydb, BucketConfig bucket, DeliveryConfig delivery,
                      OptimizeConfig optimize, ReportConfig report) {
        return new Settings(core, heavydb, bucket, delivery, optimize, report);
    }

    @Produces
    @Singleton
    Warehouse warehouse(Settings settings) {
        return Components.openWarehouse(settings);
    }

    void closeWarehouse(@Disposes Warehouse warehouse) {
        warehouse.close();
    }

    @Produces
    @Singleton
    Components components(Settings settings, Warehouse warehouse) {
        return Components.on(settings, warehouse);
    }

    /** Benchmarks and compliance reports of datasets named by manifests in S3. */
    @Produces
    @Singleton
    ComplianceService complianceService(Components components, S3Client s3) {
        return components.compliance(new S3ObjectStore(s3));
    }

    /** Exactly-once loading from S3, through the S3 extension's configured client. */
    @Produces
    @Singleton
    ObjectIngestService objectIngestService(Components components, S3Client s3) {
        return components.delivery(new S3ObjectStore(s3), components.settings().bucket().outputBucket().orElse(null));
    }
}
