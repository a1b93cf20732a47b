package io.heavyingest.warehouse;

/**
 * A dataset being loaded into a staging table that readers cannot see. {@link #publish} makes it current in one
 * step; {@link #close()} without a publish drops the staging table.
 */
public interface StagedLoad extends AutoCloseable {

    /** Appends a batch through the warehouse's bulk path. */
    void append(PnlBatch batch);

    /**
     * Verifies that the staging table holds exactly {@code expectedRows}, then publishes it as the dataset's table
     * and the current dataset, and records {@code record} in the load history, all in one step.
     *
     * @return the physical table name of the published dataset
     */
    String publish(long expectedRows, LoadRecord record);

    /** Drops the staging table unless it was published. Never throws for a dead connection. */
    @Override
    void close();
}
