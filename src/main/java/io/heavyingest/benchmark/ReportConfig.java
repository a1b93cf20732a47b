package io.heavyingest.benchmark;

import io.heavyingest.report.TopStrategies;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Targets and workload of the benchmark function and its compliance report. The defaults of the four original
 * targets (load, memory, correlation, optimization) are the original story's; the query targets are this
 * project's own.
 */
@ConfigMapping(prefix = "heavy-ingest.report")
public interface ReportConfig {

    /** Load time target: the dataset's recorded load (parse, load, publish) must take less. */
    @WithDefault("30s")
    Duration loadTarget();

    /** Memory target in MiB for the dataset's footprint in the warehouse and the function's peak memory. */
    @WithDefault("2048")
    long memoryTargetMib();

    /** Correlation target: the Pearson matrix of the top N strategies, computed in the function. */
    @WithDefault("5s")
    Duration correlationTarget();

    /** Target for the same matrix computed by the warehouse's SQL (a self-join of standardized series). */
    @WithDefault("5s")
    Duration correlationSqlTarget();

    /** Full portfolio optimization target (the optimizer's whole sweep on the dataset). */
    @WithDefault("300s")
    Duration optimizationTarget();

    /** Target of the one-week date-range query and of the one-strategy lookup (not an original target). */
    @WithDefault("1s")
    Duration queryTarget();

    /** How many strategies the correlation benchmark takes ("top N"). */
    @WithDefault("1000")
    int topN();

    /** What "top" means: TOTAL_PNL (highest total P&L), SHARPE or FILE_ORDER; printed in the report. */
    @WithDefault("TOTAL_PNL")
    TopStrategies.Definition topDefinition();

    /** Warm runs after the first (cold) run of each repeated benchmark; the warm median is compared. */
    @WithDefault("3")
    int warmRuns();

    /** Strategies sampled from the top N whose pairs SQL computes again to check the in-function matrix. */
    @WithDefault("20")
    int agreementStrategies();

    /** Largest accepted difference between an in-function and an SQL correlation of the same pair. */
    @WithDefault("1e-9")
    double agreementTolerance();

    /** Seed of the sample of strategies checked for agreement. */
    @WithDefault("42")
    long seed();

    /** Key prefix of compliance reports: {@code <prefix><datasetId>/compliance-<UTC>.json} and {@code <prefix>latest.json}. */
    @WithDefault("reports/")
    String prefix();
}
