package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Realistic report inputs built from deterministic random data, for tests and the sample page. */
final class SampleReports {
    /** A strategy name that HTML must escape. */
    static final String HOSTILE_NAME = "<script>alert(\"x\")</script> & 'SL5%'";

    private SampleReports() {
    }

    /** Dates about a week apart from 2024-01-04, like the production file. */
    static List<LocalDate> dates(int days) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate d = LocalDate.of(2024, 1, 4);
        for (int t = 0; t < days; t++) {
            out.add(d);
            d = d.plusDays(t % 3 == 0 ? 6 : 7);
        }
        return out;
    }

    /**
     * A days x strategies matrix with a few correlated groups (so the heatmap has structure), production-like
     * names, one constant strategy and the hostile name at column 1.
     */
    static PnlMatrix matrix(int days, int strategies, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int groups = 6;
        double[][] factors = new double[groups][days];
        for (double[] f : factors) {
            for (int t = 0; t < days; t++) {
                f[t] = random.nextGaussian() * 400;
            }
        }
        double[] values = new double[days * strategies];
        List<String> names = new ArrayList<>();
        for (int s = 0; s < strategies; s++) {
            int g = s * groups / strategies;
            double load = 0.3 + 0.7 * random.nextDouble();
            double drift = random.nextGaussian() * 30;
            for (int t = 0; t < days; t++) {
                values[s * days + t] = s == 2 ? 0.0
                        : drift + load * factors[g][t] + (1 - load) * random.nextGaussian() * 400;
            }
            names.add(s == 1 ? HOSTILE_NAME : String.format("SENSEX %04d-%04d SL%d%%%s", 915 + s % 300,
                    1000 + s % 500, 5 + s % 90, s % 3 == 0 ? "TP" + (10 + s % 80) + "%" : ""));
        }
        return TestMatrices.ofColumns(values, days, names);
    }

    static DatasetSection dataset(PnlMatrix m) {
        List<LocalDate> dates = dates(m.days());
        return new DatasetSection("3f2a9c0d1e4b5a67",
                new DatasetSection.Source("pnl-bucket", "incoming/Python_Multi_Consolidated_20250722_101500.csv",
                        "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", null),
                "pnl_3f2a9c0d1e4b5a67", (long) m.days() * m.strategyCount(), m.strategyCount(), m.days(),
                dates.get(0), dates.get(dates.size() - 1), 0, 39_201_813L);
    }

    static PlanSection plan(int strategies) {
        return new PlanSection("heavydb-gpu", "trade_date", 16, "strategy", 16, Math.round(strategies * 1.5), "pnl",
                strategies, 1, "trade_date",
                List.of("strategy DICT(16): names fit in 65,535", "trade_date DAYS(16): dates fit 1880..2059",
                        "fragment_size: about one week of rows", "sort_column trade_date: batches in date order"));
    }

    static AppliedSchema heavyDbApplied(PlanSection plan, String table) {
        return new AppliedSchema(Engine.HEAVYDB, table, List.of(
                new AppliedSchema.Column("trade_date", "DATE", "DAYS", plan.dateEncodingBits()),
                new AppliedSchema.Column("strategy", "TEXT", "DICT", plan.dictionaryBits()),
                new AppliedSchema.Column("pnl", "DOUBLE", "NONE", null)), plan.fragmentRows(), plan.sortColumn());
    }

    static AppliedSchema duckDbApplied(String table) {
        return new AppliedSchema(Engine.DUCKDB, table, List.of(
                new AppliedSchema.Column("trade_date", "DATE", null, 32),
                new AppliedSchema.Column("strategy", "ENUM", "DICT", 16),
                new AppliedSchema.Column("pnl", "DOUBLE", null, 64)), 122_880L, null);
    }

    static EnvironmentSection duckDbEnvironment() {
        return new EnvironmentSection(Engine.DUCKDB, "v1.4.4", null, null, EnvironmentSection.Runtime.JVM, "17.0.12",
                2, 2L << 30);
    }

    static EnvironmentSection heavyDbEnvironment() {
        return new EnvironmentSection(Engine.HEAVYDB, "8.1.0", new EnvironmentSection.HeavyDbServer("8.1.0", "os",
                List.of(new EnvironmentSection.Gpu(24L << 30, "8.6", 80, 1_695_000))), 3008,
                EnvironmentSection.Runtime.NATIVE, "17.0.12", 2, 2L << 30);
    }

    /** The benchmarks with plausible figures; {@code correlationTargetSeconds} lets one miss. */
    static List<Benchmark> benchmarks(double correlationTargetSeconds) {
        return List.of(
                Benchmark.builder("load-time", Benchmark.Target.below(30, "s"))
                        .description("parse + load + publish of the dataset, from its load record")
                        .sample(0.619).detail("parseMillis", 301L).detail("loadMillis", 288L)
                        .detail("publishMillis", 30L).build(),
                Benchmark.builder("memory", Benchmark.Target.below(2048, "MiB"))
                        .description("the dataset's footprint in the warehouse (estimated size)")
                        .sample(18.4).detail("peakHeapMiB", 212.5).detail("rssMiB", 402.0).build(),
                Benchmark.builder("correlation-top-1000", Benchmark.Target.below(correlationTargetSeconds, "s"))
                        .description("Pearson matrix of " + TopStrategies.Definition.TOTAL_PNL.describe(1000)
                                + ", computed in the function")
                        .statistic(Benchmark.Statistic.WARM_MEDIAN).samples(0.061, 0.024, 0.022, 0.025, 0.023)
                        .check(Benchmark.Check.atMost("max |in-function - SQL| over 200 pairs", 1e-9, 3.1e-15))
                        .detail("sqlSeconds", 4.7).build(),
                Benchmark.builder("optimization", Benchmark.Target.below(300, "s"))
                        .description("full sweep, sizes 35..60, eight algorithms")
                        .sample(41.2).build(),
                Benchmark.builder("date-range-query", Benchmark.Target.below(1000, "ms"))
                        .description("one week of rows").statistic(Benchmark.Statistic.WARM_MEDIAN)
                        .samples(38, 9, 8, 10).sql("SELECT COUNT(*) FROM pnl_3f2a9c0d1e4b5a67 WHERE trade_date "
                                + "BETWEEN DATE '2024-03-07' AND DATE '2024-03-13'")
                        .check(Benchmark.Check.equal("rows", 25_544, 25_544)).build(),
                Benchmark.builder("strategy-lookup", Benchmark.Target.below(1000, "ms"))
                        .description("one strategy's days").statistic(Benchmark.Statistic.WARM_MEDIAN)
                        .samples(21, 6, 5, 7).sql("SELECT trade_date, pnl FROM pnl_3f2a9c0d1e4b5a67 WHERE strategy = "
                                + "'SENSEX 1336-1406 SL71%' ORDER BY trade_date")
                        .check(Benchmark.Check.equal("rows", 82, 82)).build());
    }

    static OptimizerSection optimizer(PnlMatrix m) {
        List<String> best = m.strategies().subList(3, 40);
        return new OptimizerSection(35, 60, 42, 2,
                new OptimizerSection.BestPortfolio("SA", best.size(), 91.73, best,
                        Map.of("roi", 5120.5, "maxDrawdown", 55.8, "sharpe", 3.2,
                                "profitFactor", Double.POSITIVE_INFINITY, "winRate", 0.71)),
                List.of(new OptimizerSection.AlgorithmResult("GA", 88.1, 41, 1_200_000, 18_400),
                        new OptimizerSection.AlgorithmResult("SA", 91.73, 37, 900_000, 9_100),
                        new OptimizerSection.AlgorithmResult("RS", 30.2, 35, 1_000_000, 7_000)),
                41_200);
    }

    /** A DuckDB report whose benchmarks all pass. */
    static ComplianceReport duckDbPass(PnlMatrix m) {
        ComplianceReport.Builder b = ComplianceReport.builder()
                .generatedAt(Instant.parse("2025-07-22T10:15:30.123456Z"))
                .dataset(dataset(m)).environment(duckDbEnvironment()).plan(plan(m.strategyCount()))
                .applied(duckDbApplied("pnl_3f2a9c0d1e4b5a67")).optimizer(optimizer(m));
        benchmarks(5).forEach(b::benchmark);
        return b.build();
    }

    /** A HeavyDB report whose correlation target is impossibly low. */
    static ComplianceReport heavyDbFail(PnlMatrix m) {
        PlanSection plan = plan(m.strategyCount());
        ComplianceReport.Builder b = ComplianceReport.builder()
                .generatedAt(Instant.parse("2025-07-22T10:15:30Z"))
                .dataset(dataset(m)).environment(heavyDbEnvironment()).plan(plan)
                .applied(heavyDbApplied(plan, "pnl_3f2a9c0d1e4b5a67")).optimizer(optimizer(m));
        benchmarks(0.000_001).forEach(b::benchmark);
        return b.build();
    }
}
