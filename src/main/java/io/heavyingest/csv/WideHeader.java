package io.heavyingest.csv;

import java.util.List;

/**
 * The header of a wide P&amp;L file: {@code Date}, an optional {@code Day}, then one column per strategy.
 *
 * @param strategies strategy names in file order; a strategy's index here is its index in every row
 * @param hasDay whether the second column is the redundant weekday name
 * @param headerBytes size of the header record in bytes, used to estimate row counts
 */
public record WideHeader(List<String> strategies, boolean hasDay, long headerBytes) {

    /** Number of leading non-strategy columns. */
    public int leadingColumns() {
        return hasDay ? 2 : 1;
    }

    /** Total fields per record. */
    public int fieldCount() {
        return leadingColumns() + strategies.size();
    }
}
