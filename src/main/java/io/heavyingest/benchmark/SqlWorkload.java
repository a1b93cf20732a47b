package io.heavyingest.benchmark;

import io.heavyingest.heavydb.SqlText;
import io.heavyingest.schema.TablePlan;

import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;

/**
 * The benchmark's SQL, the same text on DuckDB and HeavyDB but for one clause. Values become literals through the
 * one quoting function ({@link SqlText#literal}: single quotes doubled, control characters refused) and the table
 * through {@link SqlText#name}; DuckDB reads the same literals, so one rendering serves both engines.
 *
 * <p>The one difference is how a set of strategies is filtered: HeavyDB resolves an {@code IN (...)} list of text
 * literals against the column's dictionary once; DuckDB compares its ENUM column with each of the list's literals
 * row by row (measured: 7-9 s to filter 1,000 names out of the production-shaped 2.1 M rows, against 0.04 s when
 * the names are a {@code VALUES} table in a subquery, which DuckDB joins by hash).
 */
final class SqlWorkload {
    private static final String DATE = TablePlan.DATE_COLUMN;
    private static final String STRATEGY = TablePlan.STRATEGY_COLUMN;
    private static final String PNL = TablePlan.PNL_COLUMN;

    private final String table;
    private final boolean valuesTable;

    /**
     * @param valuesTable filter strategy sets through a {@code VALUES} table (DuckDB) rather than a literal list
     */
    SqlWorkload(String table, boolean valuesTable) {
        this.table = SqlText.name(table);
        this.valuesTable = valuesTable;
    }

    /** Every row of the dates {@code from} .. {@code to} (inclusive). */
    String dateRange(LocalDate from, LocalDate to) {
        return "SELECT " + DATE + ", " + STRATEGY + ", " + PNL + " FROM " + table + " WHERE " + DATE + " BETWEEN "
                + date(from) + " AND " + date(to);
    }

    /** One strategy's days. */
    String strategyLookup(String strategy) {
        return "SELECT " + DATE + ", " + PNL + " FROM " + table + " WHERE " + STRATEGY + " = " + SqlText.literal(strategy)
                + " ORDER BY " + DATE;
    }

    /**
     * The correlation of every unordered pair of {@code strategies} by a self-join on the date, summarized to one row
     * (pairs, sum of the defined correlations, undefined pairs) so the engine computes every pair and only the
     * summary crosses the wire. Missing values count as 0, as in the function.
     */
    String correlationSummary(List<String> strategies) {
        return "SELECT COUNT(*) AS pairs, SUM(r) AS sum_r, SUM(CASE WHEN r IS NULL THEN 1 ELSE 0 END) AS undefined_pairs"
                + " FROM (" + correlationPairs(strategies) + ") q";
    }

    /**
     * The Pearson correlation of every unordered pair of {@code strategies}: (first, second, r). Each series is
     * standardized once (mean 0, population deviation 1; missing values count as 0, as in the function), then the
     * series are self-joined on the date and r = sum(z_a * z_b) / n; a constant series gives NULL, like CORR.
     * Measured on DuckDB with the production-shaped dataset and 1,000 strategies: the same self-join with the CORR
     * aggregate took 35 s, this form 2-3 s, the sums of r equal to 1e-12.
     */
    String correlationPairs(List<String> strategies) {
        return "WITH x AS (SELECT " + STRATEGY + " AS k, " + DATE + " AS d, COALESCE(" + PNL + ", 0) AS v FROM " + table
                + " WHERE " + STRATEGY + " IN " + in(strategies) + "),"
                + " s AS (SELECT k, AVG(v) AS m, STDDEV_POP(v) AS sd, COUNT(*) AS n FROM x GROUP BY k),"
                + " z AS (SELECT x.k AS k, x.d AS d, CASE WHEN s.sd > 0 THEN (x.v - s.m) / s.sd END AS z, s.n AS n"
                + " FROM x JOIN s ON x.k = s.k)"
                + " SELECT a.k AS first_strategy, b.k AS second_strategy, SUM(a.z * b.z) / MIN(a.n) AS r"
                + " FROM z a JOIN z b ON a.d = b.d AND a.k < b.k GROUP BY a.k, b.k";
    }

    private String in(List<String> values) {
        StringJoiner j = valuesTable ? new StringJoiner(", ", "(SELECT s FROM (VALUES ", ") v(s))")
                : new StringJoiner(", ", "(", ")");
        for (String v : values) {
            j.add(valuesTable ? "(" + SqlText.literal(v) + ")" : SqlText.literal(v));
        }
        return j.toString();
    }

    private static String date(LocalDate d) {
        return "DATE " + SqlText.literal(d.toString());
    }
}
