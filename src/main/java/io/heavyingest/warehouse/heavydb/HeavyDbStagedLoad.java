package io.heavyingest.warehouse.heavydb;

import io.heavyingest.heavydb.HeavyDbClient;
import io.heavyingest.heavydb.HeavyDbConnectionException;
import io.heavyingest.heavydb.LoadColumn;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.PnlBatch;
import io.heavyingest.warehouse.RowCountMismatchException;
import io.heavyingest.warehouse.StagedLoad;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A HeavyDB staging table filled with large columnar loads. Batches from the loader are gathered until
 * {@code batchRows} rows, because every load call is a durable commit on the server.
 *
 * <p>If the socket breaks during a load, the server may or may not commit it, and may do so later: HeavyDB keeps
 * running a load whose client is gone, and a count taken meanwhile does not wait for it. So a broken load is
 * never recounted and resent: the attempt fails with {@link BrokenLoadException}, its staging table (unique to the
 * attempt) is dropped, and the retry starts from an empty one. Each staging table receives each batch at most once.
 */
final class HeavyDbStagedLoad implements StagedLoad {
    private static final Logger LOG = Logger.getLogger(HeavyDbStagedLoad.class);

    private final HeavyDbWarehouse warehouse;
    private final HeavyDbClient client;
    private final String staging;
    private final String target;
    private final int batchRows;
    private List<String> names;
    private ByteBuffer[] encodedNames;
    private int[] days;
    private int[] strategies;
    private double[] pnl;
    private boolean[] nulls;
    private int buffered;
    private long loadedRows;
    private int loadCalls;
    private boolean published;
    private boolean verified;

    HeavyDbStagedLoad(HeavyDbWarehouse warehouse, HeavyDbClient client, String staging, String target, int batchRows) {
        this.warehouse = warehouse;
        this.client = client;
        this.staging = staging;
        this.target = target;
        this.batchRows = Math.max(1, batchRows);
    }

    @Override
    public void append(PnlBatch batch) {
        int n = batch.size();
        if (n == 0) {
            return;
        }
        if (batch.strategies() != names) {
            flush();
            names = batch.strategies();
            encodedNames = PnlColumns.encodeNames(names);
        }
        if (buffered > 0 && buffered + n > batchRows) {
            flush();
        }
        if (buffered == 0 && n >= batchRows) {
            // big enough on its own: send straight from the loader's arrays
            send(PnlColumns.of(batch.epochDayColumn(), batch.strategyIndexColumn(), batch.pnlColumn(),
                    batch.nullColumn(), n, encodedNames), n);
            return;
        }
        ensureCapacity();
        System.arraycopy(batch.epochDayColumn(), 0, days, buffered, n);
        System.arraycopy(batch.strategyIndexColumn(), 0, strategies, buffered, n);
        System.arraycopy(batch.pnlColumn(), 0, pnl, buffered, n);
        System.arraycopy(batch.nullColumn(), 0, nulls, buffered, n);
        buffered += n;
        if (buffered >= batchRows) {
            flush();
        }
    }

    private void ensureCapacity() {
        if (days == null) {
            days = new int[batchRows];
            strategies = new int[batchRows];
            pnl = new double[batchRows];
            nulls = new boolean[batchRows];
        }
    }

    private void flush() {
        if (buffered > 0) {
            send(PnlColumns.of(days, strategies, pnl, nulls, buffered, encodedNames), buffered);
            buffered = 0;
        }
    }

    private void send(List<LoadColumn> columns, int rows) {
        try {
            client.load(staging, columns);
        } catch (HeavyDbConnectionException e) {
            throw new BrokenLoadException(staging, loadCalls + 1, e);
        }
        loadedRows += rows;
        loadCalls++;
        LOG.debugf("loaded %,d rows into %s (call %d, %,d rows so far)", rows, staging, loadCalls, loadedRows);
    }

    /**
     * Flushes, checks the count, then: replaces any leftover dataset table, renames the staging table to it,
     * repoints the current view, and records the history row last. Each step commits on its own (HeavyDB has no
     * transactions); a crash before the history row leaves a complete table a retry replaces, never a partial one.
     */
    @Override
    public void verify(long expectedRows) {
        flush();
        long actual = warehouse.count(staging);
        if (actual != expectedRows) {
            throw new RowCountMismatchException(staging, expectedRows, actual);
        }
        verified = true;
    }

    @Override
    public String publish(LoadRecord record) {
        if (!verified) {
            throw new IllegalStateException("publish before verify: " + staging);
        }
        warehouse.replaceWithStaging(staging, target);
        published = true;
        warehouse.pointCurrentAt(target);
        warehouse.recordAttempt(record);
        return target;
    }

    @Override
    public void close() {
        if (!published) {
            try {
                warehouse.dropQuietly(staging);
            } catch (RuntimeException e) {
                LOG.debugf("could not drop %s: %s; the next attempt drops it first", staging, e.getMessage());
            }
        }
    }
}
