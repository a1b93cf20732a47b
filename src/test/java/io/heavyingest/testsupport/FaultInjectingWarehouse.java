package io.heavyingest.testsupport;

import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.PnlBatch;
import io.heavyingest.optimize.PnlMatrix;
import io.heavyingest.warehouse.StagedLoad;
import io.heavyingest.warehouse.Warehouse;
import io.heavyingest.warehouse.WarehouseException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The real warehouse, with appends that fail or slow down on request (see {@link WarehouseFaults}). */
public final class FaultInjectingWarehouse implements Warehouse {
    private final Warehouse real;
    private final WarehouseFaults faults;
    private final java.util.concurrent.atomic.AtomicInteger historyLookups = new java.util.concurrent.atomic.AtomicInteger();

    public FaultInjectingWarehouse(Warehouse real, WarehouseFaults faults) {
        this.real = real;
        this.faults = faults;
    }

    /** The wrapped warehouse, for tests that look at its tables with SQL. */
    public Warehouse real() { return real; }

    @Override public String kind() { return real.kind(); }

    @Override public String location() { return real.location(); }

    @Override public Optional<LoadRecord> publishedLoad(String datasetId) {
        historyLookups.incrementAndGet();
        return real.publishedLoad(datasetId);
    }

    @Override public Optional<LoadRecord> lastPublished(String datasetId) {
        historyLookups.incrementAndGet();
        return real.lastPublished(datasetId);
    }

    @Override public boolean republish(LoadRecord record) { return real.republish(record); }

    @Override public List<String> dropLeftovers(java.util.function.Predicate<String> loadingElsewhere) {
        return real.dropLeftovers(loadingElsewhere);
    }

    /** How many times the history was asked about one dataset ({@link #publishedLoad}) or read whole. */
    public int historyLookups() { return historyLookups.get(); }

    public void resetCounts() { historyLookups.set(0); }

    @Override public Rows query(String sql) { return real.query(sql); }

    @Override public void recordAttempt(LoadRecord record) { real.recordAttempt(record); }

    @Override public boolean claim(String datasetId, String owner, Instant expiresAt) {
        return real.claim(datasetId, owner, expiresAt);
    }

    @Override public void releaseClaim(String datasetId, String owner) { real.releaseClaim(datasetId, owner); }

    @Override public boolean holdsClaims() { return real.holdsClaims(); }

    @Override public Optional<io.heavyingest.warehouse.ClaimHolder> holder(String datasetId) { return real.holder(datasetId); }

    @Override public List<LoadRecord> history() {
        historyLookups.incrementAndGet();
        return real.history();
    }

    @Override public Optional<String> currentDatasetId() { return real.currentDatasetId(); }

    @Override public Optional<PnlMatrix> currentMatrix() { return real.currentMatrix(); }

    @Override public Optional<PnlMatrix> matrix(String datasetId) { return real.matrix(datasetId); }

    @Override public EngineFacts engineFacts() { return real.engineFacts(); }

    @Override public TableFacts tableFacts(String table) { return real.tableFacts(table); }

    @Override public Footprint footprint(String table) { return real.footprint(table); }

    @Override public void close() { real.close(); }

    @Override
    public StagedLoad stage(String datasetId, TablePlan plan) {
        StagedLoad staged = real.stage(datasetId, plan);
        return new StagedLoad() {
            @Override
            public void append(PnlBatch batch) {
                boolean fail;
                try {
                    fail = faults.beforeAppend();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WarehouseException("interrupted", e);
                }
                if (fail) {
                    throw new WarehouseException("injected failure: the warehouse connection dropped during an append");
                }
                staged.append(batch);
            }

            @Override
            public void verify(long expectedRows) {
                staged.verify(expectedRows);
            }

            @Override
            public String publish(LoadRecord record) {
                return staged.publish(record);
            }

            @Override
            public void close() {
                staged.close();
            }
        };
    }
}
