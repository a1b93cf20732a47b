package io.heavyingest.warehouse;

import java.util.List;

/**
 * A columnar batch of long-table rows {@code (trade_date, strategy, pnl)}, reused between appends.
 *
 * <p>Strategies travel as indexes into {@link #strategies()}, the file's header order, so a warehouse can send
 * names, dictionary ids or both without the loader building 2 million strings. The batch is filled with whole
 * file rows only: file row {@code r} of the batch is entries {@code [r * width, (r + 1) * width)}, strategies in
 * header order, which lets a warehouse ship a file row as one array.
 */
public final class PnlBatch {
    private final List<String> strategies;
    private final int[] epochDays;
    private final int[] strategyIndexes;
    private final double[] pnl;
    private final boolean[] nulls;
    private int size;

    public PnlBatch(List<String> strategies, int capacity) {
        this.strategies = strategies;
        this.epochDays = new int[capacity];
        this.strategyIndexes = new int[capacity];
        this.pnl = new double[capacity];
        this.nulls = new boolean[capacity];
    }

    /** Appends one whole file row: one value per strategy, in header order. */
    public void addRow(int epochDay, double[] values, boolean[] missing) {
        int n = values.length;
        if (size + n > epochDays.length) {
            throw new IllegalStateException("batch full: " + size + " + " + n + " > " + epochDays.length);
        }
        java.util.Arrays.fill(epochDays, size, size + n, epochDay);
        for (int s = 0; s < n; s++) {
            strategyIndexes[size + s] = s;
        }
        System.arraycopy(values, 0, pnl, size, n);
        System.arraycopy(missing, 0, nulls, size, n);
        size += n;
    }

    public void clear() {
        size = 0;
    }

    /** Values per file row: the number of strategies. */
    public int width() { return strategies.size(); }

    /** Whole file rows in the batch. */
    public int fileRows() { return size / strategies.size(); }

    /** Rows in the batch. */
    public int size() { return size; }

    /** Whether another file row of {@code width} values fits. */
    public boolean hasRoomFor(int width) {
        return size + width <= epochDays.length;
    }

    /** Strategy names, indexed by {@link #strategyIndex(int)}. */
    public List<String> strategies() { return strategies; }

    public int epochDay(int row) { return epochDays[row]; }

    public int strategyIndex(int row) { return strategyIndexes[row]; }

    public String strategy(int row) { return strategies.get(strategyIndexes[row]); }

    public double pnl(int row) { return pnl[row]; }

    public boolean isNull(int row) { return nulls[row]; }

    /** Backing arrays, valid for indexes below {@link #size()}; for warehouses that ship whole columns. */
    public int[] epochDayColumn() { return epochDays; }

    public int[] strategyIndexColumn() { return strategyIndexes; }

    public double[] pnlColumn() { return pnl; }

    public boolean[] nullColumn() { return nulls; }
}
