package io.heavyingest.app;

import io.heavyingest.benchmark.ComplianceService;
import io.heavyingest.benchmark.DatasetBenchmark;
import io.heavyingest.bucket.ObjectStore;
import io.heavyingest.delivery.ObjectIngestService;
import io.heavyingest.delivery.ObjectStoreClaims;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.optimize.OptimizationService;
import io.heavyingest.warehouse.LoadClaims;
import io.heavyingest.warehouse.Warehouse;

import java.util.function.Function;

/**
 * The composition root: the one place that builds the service graph from {@link Settings}. The Lambda producers,
 * the local command and the tests all get their services here.
 */
public final class Components implements AutoCloseable {
    private final Settings settings;
    private final Warehouse warehouse;
    private final boolean ownsWarehouse;
    private final IngestService ingest;

    private Components(Settings settings, Warehouse warehouse, boolean ownsWarehouse) {
        this.settings = settings;
        this.warehouse = warehouse;
        this.ownsWarehouse = ownsWarehouse;
        this.ingest = new IngestService(warehouse, settings.core());
    }

    /** Opens the configured warehouse and builds on it; {@link #close()} closes the warehouse. */
    public static Components open(Settings settings) {
        return new Components(settings, openWarehouse(settings), true);
    }

    /** Builds on a warehouse the caller opened and closes (a CDI bean, or a wrapped one in tests). */
    public static Components on(Settings settings, Warehouse warehouse) {
        return new Components(settings, warehouse, false);
    }

    /** The configured warehouse: HeavyDB or the embedded DuckDB default, per {@code heavy-ingest.warehouse.kind}. */
    public static Warehouse openWarehouse(Settings settings) {
        return Warehouses.open(settings.core(), settings.heavydb(), System::getenv);
    }

    public Settings settings() {
        return settings;
    }

    public Warehouse warehouse() {
        return warehouse;
    }

    /** Loads a stream that is not published yet (no delivery decisions). */
    public IngestService ingest() {
        return ingest;
    }

    /**
     * Exactly-once loading of objects from {@code store}. Claims live in the warehouse when it holds them (DuckDB);
     * otherwise (HeavyDB) they are claim objects written conditionally into the output bucket.
     *
     * @param outputBucket where manifests and error reports go; null for the bucket each object came from
     */
    public ObjectIngestService delivery(ObjectStore store, String outputBucket) {
        Function<String, LoadClaims> claimsIn = warehouse.holdsClaims() ? bucket -> warehouse
                : bucket -> new ObjectStoreClaims(store, bucket, settings.bucket().claimsPrefix());
        return new ObjectIngestService(warehouse, claimsIn, ingest, store, settings.bucket(), settings.delivery(),
                outputBucket, settings.core().schema().currentTable());
    }

    /** Benchmarks one dataset of this warehouse and builds its compliance report. */
    public DatasetBenchmark benchmark() {
        return new DatasetBenchmark(warehouse, optimizer(), settings.optimize(), settings.report());
    }

    /** Benchmarks datasets named by manifests in {@code store} and writes their reports there. */
    public ComplianceService compliance(ObjectStore store) {
        return new ComplianceService(benchmark(), warehouse, store, settings.bucket(), settings.report());
    }

    /** The portfolio optimizer with the configured budgets. */
    public OptimizationService optimizer() {
        return new OptimizationService(settings.optimize());
    }

    @Override
    public void close() {
        if (ownsWarehouse) {
            warehouse.close();
        }
    }
}
