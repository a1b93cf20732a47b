package io.heavyingest.app;

import io.heavyingest.benchmark.ReportConfig;
import io.heavyingest.bucket.BucketConfig;
import io.heavyingest.config.ConfigLoader;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.delivery.DeliveryConfig;
import io.heavyingest.heavydb.HeavyDbConfig;
import io.heavyingest.optimize.OptimizeConfig;
import io.smallrye.config.SmallRyeConfig;

import java.util.List;
import java.util.Map;

/**
 * Every typed settings group of the product, together: injected by Quarkus in the functions, loaded once by the
 * local command ({@link #load}). Nothing else reads configuration.
 *
 * @param core ingest, schema and warehouse settings
 * @param heavydb the HeavyDB server and client
 * @param bucket bucket layout and the local stand-in for a bucket
 * @param delivery exactly-once delivery
 * @param optimize the portfolio optimizer
 * @param report the benchmark's targets and workload, and where compliance reports go
 */
public record Settings(HeavyIngestConfig core, HeavyDbConfig heavydb, BucketConfig bucket, DeliveryConfig delivery,
                       OptimizeConfig optimize, ReportConfig report) {

    private static final List<Class<?>> MAPPINGS = List.of(HeavyIngestConfig.class, HeavyDbConfig.class,
            BucketConfig.class, DeliveryConfig.class, OptimizeConfig.class, ReportConfig.class);

    /** Loads every group from the standard sources (system properties, environment, config/, class path). */
    public static Settings load() {
        return load(Map.of());
    }

    /** Loads every group with {@code overrides} taking precedence; an invalid value fails naming its property. */
    public static Settings load(Map<String, String> overrides) {
        SmallRyeConfig config = ConfigLoader.build(overrides, MAPPINGS);
        return new Settings(config.getConfigMapping(HeavyIngestConfig.class), config.getConfigMapping(HeavyDbConfig.class),
                config.getConfigMapping(BucketConfig.class), config.getConfigMapping(DeliveryConfig.class),
                config.getConfigMapping(OptimizeConfig.class), config.getConfigMapping(ReportConfig.class));
    }
}
