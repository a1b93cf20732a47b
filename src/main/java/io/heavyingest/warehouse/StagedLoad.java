package io.heavyingest.warehouse;

/**
 * A dataset being loaded into a staging table that readers cannot see. {@link #verify} finishes the heavy work
 * and checks the count; {@link #publish} then makes the dataset current in one short step; {@link #close()}
 * without a publish drops what was staged.
 */
public interface StagedLoad extends AutoCloseable {

    /** Appends a batch through the warehouse's bulk path. */
    void append(PnlBatch batch);

    /**
     * Completes the staged data (sends what is buffered, builds the final table) and verifies that it holds
     * exactly {@code expectedRows}; still invisible to readers.
     *
     * @throws RowCountMismatchException when the count differs
     */
    void verify(long expectedRows);

    /**
     * Publishes the verified data as the dataset's table and the current dataset, and records {@code record} in the
     * load history, as one step.
     *
     * @return the physical table name of the published dataset
     */
    String publish(LoadRecord record);

    /** Drops the staging table unless it was published. Never throws for a dead connection. */
    @Override
    void close();
}
