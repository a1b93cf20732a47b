package io.heavyingest.generate;

import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param days date rows
 * @param strategies strategy columns
 * @param seed random seed; the same spec always yields the same bytes
 * @param firstDate first date (a weekday)
 * @param cadenceDays calendar days between rows: 7 like production, 1 for daily (weekends skipped)
 * @param crlf whether lines end with CRLF instead of LF
 */
public record GeneratorSpec(int days, int strategies, long seed, LocalDate firstDate, int cadenceDays, boolean crlf) {

    /** Production: 82 weekly rows from 2024-01-04, 25,544 strategies. */
    public static final int PRODUCTION_DAYS = 82;
    public static final int PRODUCTION_STRATEGIES = 25_544;
    public static final LocalDate PRODUCTION_FIRST_DATE = LocalDate.of(2024, 1, 4);

    public GeneratorSpec {
        if (days < 1 || strategies < 1) {
            throw new IllegalArgumentException("need at least one day and one strategy");
        }
        if (cadenceDays < 1) {
            throw new IllegalArgumentException("cadence must be at least one day");
        }
    }

    public static GeneratorSpec production(long seed) {
        return new GeneratorSpec(PRODUCTION_DAYS, PRODUCTION_STRATEGIES, seed, PRODUCTION_FIRST_DATE, 7, false);
    }

    public static GeneratorSpec of(int days, int strategies, long seed) {
        return new GeneratorSpec(days, strategies, seed, PRODUCTION_FIRST_DATE, 7, false);
    }
}
