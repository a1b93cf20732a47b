package io.heavyingest.optimize;

import java.time.LocalDate;
import java.util.List;

/**
 * A dataset as a dense days x strategies matrix, stored strategy-major: the series of strategy {@code s} is
 * {@code values[s * days .. (s + 1) * days)}, dates ascending. NULL cells hold 0 and are counted.
 *
 * @param datasetId dataset the matrix was read from
 * @param dates dates in ascending order
 * @param strategies strategy names, in the order the warehouse returns them (DuckDB: the file's header order, whose
 *                   dictionary it keeps; HeavyDB: by name)
 * @param values strategy-major values
 * @param nullCount NULL cells replaced by 0
 */
public record PnlMatrix(String datasetId, List<LocalDate> dates, List<String> strategies, double[] values, long nullCount) {

    public int days() { return dates.size(); }

    public int strategyCount() { return strategies.size(); }

    public double value(int strategy, int day) {
        return values[strategy * dates.size() + day];
    }
}
