package io.heavyingest.benchmark;

import io.heavyingest.bucket.Manifest;
import io.heavyingest.optimize.OptimizationReport;
import io.heavyingest.optimize.OptimizationRequest;
import io.heavyingest.optimize.OptimizationResult;
import io.heavyingest.optimize.OptimizationService;
import io.heavyingest.optimize.OptimizeConfig;
import io.heavyingest.optimize.PnlMatrix;
import io.heavyingest.optimize.SizeRange;
import io.heavyingest.report.AppliedSchema;
import io.heavyingest.report.Benchmark;
import io.heavyingest.report.ComplianceReport;
import io.heavyingest.report.CorrelationAgreement;
import io.heavyingest.report.CorrelationMatrix;
import io.heavyingest.report.DatasetSection;
import io.heavyingest.report.Engine;
import io.heavyingest.report.EnvironmentSection;
import io.heavyingest.report.EquityCurve;
import io.heavyingest.report.HtmlReport;
import io.heavyingest.report.OptimizerSection;
import io.heavyingest.report.Pearson;
import io.heavyingest.report.PlanSection;
import io.heavyingest.report.TopStrategies;
import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.Inspection;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.Queries;
import io.heavyingest.warehouse.Warehouse;
import org.jboss.logging.Logger;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Runs the benchmark workload on one published dataset and builds its compliance report: load time from the
 * load record, footprint and memory, the top-N correlation in the function and in SQL (checked against each
 * other), the full optimization, a one-week date-range query and a one-strategy lookup, plus the schema section
 * from the recorded plan and what the engine reports it applied.
 */
public final class DatasetBenchmark {
    private static final Logger LOG = Logger.getLogger(DatasetBenchmark.class);
    private static final double MIB = 1024.0 * 1024.0;

    private final Warehouse warehouse;
    private final OptimizationService optimizer;
    private final OptimizeConfig optimize;
    private final ReportConfig config;

    public DatasetBenchmark(Warehouse warehouse, OptimizationService optimizer, OptimizeConfig optimize,
                            ReportConfig config) {
        this.warehouse = warehouse;
        this.optimizer = optimizer;
        this.optimize = optimize;
        this.config = config;
    }

    /**
     * A report and the page beside it.
     *
     * @param report the compliance report
     * @param html its self-contained HTML page
     */
    public record Result(ComplianceReport report, String html) {
    }

    /**
     * Benchmarks the dataset {@code manifest} names (that dataset, never "whatever is current").
     *
     * @param functionMemoryMb the Lambda function's configured memory, null outside Lambda
     * @throws DatasetNotFoundException when the dataset was not published or its table is gone
     */
    public Result run(Manifest manifest, Integer functionMemoryMb) {
        String datasetId = manifest.datasetId();
        LoadRecord load = warehouse.publishedLoad(datasetId).orElseThrow(() -> new DatasetNotFoundException(
                "dataset " + datasetId + " was never published in " + warehouse.location()));
        TablePlan plan = load.plan();
        if (plan == null) {
            throw new DatasetNotFoundException("dataset " + datasetId + " was loaded before table plans were "
                    + "recorded, so its report could only show a recomputed plan; load the file again under a new dataset id"
                    + " (local command: ingest <file> --dataset-id <new id>), then benchmark that dataset");
        }
        long r0 = System.nanoTime();
        PnlMatrix matrix = warehouse.matrix(datasetId).orElseThrow(() -> new DatasetNotFoundException(
                "the table " + load.tableName() + " of dataset " + datasetId + " no longer exists in "
                        + warehouse.location()));
        long readMillis = (System.nanoTime() - r0) / 1_000_000;
        String table = load.tableName();
        SqlWorkload sql = new SqlWorkload(table, !"heavydb".equals(warehouse.kind()));
        LOG.infof("benchmarking dataset %s (%s): %,d strategies x %,d days", datasetId, table,
                matrix.strategyCount(), matrix.days());

        ComplianceReport.Builder report = ComplianceReport.builder();
        Inspection.EngineFacts engine = warehouse.engineFacts();
        Engine kind = "heavydb".equals(engine.engine()) ? Engine.HEAVYDB : Engine.DUCKDB;
        report.dataset(dataset(manifest, load, matrix))
                .environment(environment(kind, engine, functionMemoryMb))
                .plan(plan(plan))
                .applied(applied(kind, warehouse.tableFacts(table)));

        report.benchmark(loadTime(load));
        report.benchmark(footprint(table));
        TopResult top = correlation(matrix, sql, readMillis);
        report.benchmark(top.function());
        report.benchmark(top.sql());
        OptimizationResult optimized = optimization(matrix);
        report.benchmark(optimizationBenchmark(optimized));
        report.benchmark(dateRange(matrix, sql));
        report.benchmark(strategyLookup(matrix, top.matrix(), sql));
        report.optimizer(optimizerSection(optimized));
        report.benchmark(processMemory());
        ComplianceReport built = report.build();
        EquityCurve equity = EquityCurve.ofPortfolio(matrix.dates(), matrix, optimized.best().members());
        LOG.infof("dataset %s: %s %s", datasetId, built.verdict(), built.failing());
        return new Result(built, HtmlReport.render(built, top.matrix(), equity));
    }

    private static DatasetSection dataset(Manifest m, LoadRecord load, PnlMatrix matrix) {
        DatasetSection.Source source = new DatasetSection.Source(m.object().bucket(), m.object().key(),
                m.object().versionId(), m.object().versionId() == null ? m.object().eTag() : null);
        LocalDate first = load.firstDate() != null ? load.firstDate() : matrix.dates().get(0);
        LocalDate last = load.lastDate() != null ? load.lastDate() : matrix.dates().get(matrix.days() - 1);
        return new DatasetSection(load.datasetId(), source, load.tableName(), load.rows(), load.strategies(),
                load.days(), first, last, load.nullValues(), load.bytes());
    }

    private static EnvironmentSection environment(Engine kind, Inspection.EngineFacts e, Integer functionMemoryMb) {
        EnvironmentSection.HeavyDbServer server = null;
        if (kind == Engine.HEAVYDB) {
            List<EnvironmentSection.Gpu> gpus = e.gpus().stream().map(g -> new EnvironmentSection.Gpu(g.memoryBytes(),
                    g.computeMajor() + "." + g.computeMinor(), g.multiprocessors(), g.clockKhz())).toList();
            server = new EnvironmentSection.HeavyDbServer(e.version(), e.edition(), gpus);
        }
        return EnvironmentSection.detect(kind, e.version(), server, functionMemoryMb);
    }

    /** The plan exactly as recorded with the load. */
    static PlanSection plan(TablePlan p) {
        return new PlanSection(p.profile(), TablePlan.DATE_COLUMN, p.dateEncoding().bits(), TablePlan.STRATEGY_COLUMN,
                p.dictionaryBits(), p.dictionaryCapacity(), TablePlan.PNL_COLUMN, p.fragmentRows(),
                p.datesPerFragment(), p.sortColumn(), p.reasons());
    }

    static AppliedSchema applied(Engine kind, Inspection.TableFacts facts) {
        List<AppliedSchema.Column> columns = facts.columns().stream().map(c -> new AppliedSchema.Column(c.name(),
                c.type(), c.encoding(), c.encodingBits())).toList();
        return new AppliedSchema(kind, facts.table(), columns, facts.fragmentRows(), facts.sortColumn());
    }

    private Benchmark loadTime(LoadRecord load) {
        return Benchmark.builder("load-time", target(config.loadTarget()))
                .description("the dataset's recorded load: parse, warehouse load and verification, up to the publish"
                        + " step (the history's and the manifest's totalMillis)")
                .sample(load.totalMillis() / 1000.0)
                .detail("parseMillis", load.parseMillis()).detail("loadMillis", load.loadMillis())
                .detail("totalMillis", load.totalMillis()).detail("bytes", load.bytes())
                .detail("rows", load.rows()).build();
    }

    private Benchmark footprint(String table) {
        Inspection.Footprint f = warehouse.footprint(table);
        Benchmark.Builder b = Benchmark.builder("memory", Benchmark.Target.below(config.memoryTargetMib(), "MiB"))
                .description("the dataset's footprint in the warehouse: " + f.basis())
                .sample(f.tableBytes() / MIB);
        f.figures().forEach(b::detail);
        return b.build();
    }

    private Benchmark processMemory() {
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        Optional<Long> peakRss = procStatus("VmHWM");
        Optional<Long> rss = procStatus("VmRSS");
        Benchmark.Builder b = Benchmark.builder("function-memory",
                        Benchmark.Target.below(config.memoryTargetMib(), "MiB"))
                .description(peakRss.isPresent()
                        ? "the function's peak resident memory (VmHWM) over the whole benchmark"
                        : "the function's peak heap over the whole benchmark (resident memory not readable here)")
                .sample(peakRss.orElse(peakHeap) / MIB)
                .detail("peakHeapBytes", peakHeap)
                .detail("maxHeapBytes", Runtime.getRuntime().maxMemory());
        rss.ifPresent(v -> b.detail("rssBytes", v));
        peakRss.ifPresent(v -> b.detail("peakRssBytes", v));
        return b.build();
    }

    private static Optional<Long> procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return Optional.of(Long.parseLong(parts[0]) * 1024L);
                }
            }
        } catch (Exception e) {
            // not Linux: the heap figure stands in
        }
        return Optional.empty();
    }

    private record TopResult(CorrelationMatrix matrix, Benchmark function, Benchmark sql) {
    }

    private TopResult correlation(PnlMatrix matrix, SqlWorkload sql, long readMillis) {
        int n = config.topN();
        TopStrategies.Definition definition = config.topDefinition();
        CorrelationMatrix corr = null;
        double[] functionSamples = new double[1 + Math.max(0, config.warmRuns())];
        for (int i = 0; i < functionSamples.length; i++) {
            long t0 = System.nanoTime();
            corr = Pearson.topN(matrix, n, definition);
            functionSamples[i] = (System.nanoTime() - t0) / 1e9;
        }
        List<String> names = corr.names();
        int k = names.size();
        long expectedPairs = (long) k * (k - 1) / 2;

        // the same pairs in SQL: timed over the whole set, compared pair by pair on a sample
        String summarySql = sql.correlationSummary(names);
        double[] sqlSamples = new double[1 + Math.max(0, config.warmRuns())];
        Queries.Rows summary = null;
        for (int i = 0; i < sqlSamples.length; i++) {
            long t0 = System.nanoTime();
            summary = warehouse.query(summarySql);
            sqlSamples[i] = (System.nanoTime() - t0) / 1e9;
        }
        List<Object> row = summary.rows().get(0);
        long sqlPairs = ((Number) row.get(0)).longValue();
        double sqlSum = row.get(1) == null ? 0 : ((Number) row.get(1)).doubleValue();
        long sqlUndefined = row.get(2) == null ? 0 : ((Number) row.get(2)).longValue();
        double functionSum = 0;
        long functionUndefined = 0;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                double v = corr.get(i, j);
                if (Double.isNaN(v)) {
                    functionUndefined++;
                } else {
                    functionSum += v;
                }
            }
        }
        List<String> sample = sample(names);
        String pairsSql = sql.correlationPairs(sample);
        List<CorrelationAgreement.Pair> pairs = new ArrayList<>();
        for (List<Object> r : warehouse.query(pairsSql).rows()) {
            pairs.add(new CorrelationAgreement.Pair(String.valueOf(r.get(0)), String.valueOf(r.get(1)),
                    r.get(2) == null ? null : ((Number) r.get(2)).doubleValue()));
        }
        CorrelationAgreement agreement = CorrelationAgreement.compare(corr, pairs);
        long samplePairs = (long) sample.size() * (sample.size() - 1) / 2;
        double sumTolerance = config.agreementTolerance() * Math.max(1, expectedPairs);

        Benchmark.Check agrees = Benchmark.Check.atMost("max |function - SQL| over " + agreement.pairs()
                + " sampled pairs", config.agreementTolerance(), agreement.maxAbsDifference());
        Benchmark.Check oneSided = Benchmark.Check.equal("pairs undefined on one side only", 0,
                agreement.undefinedMismatches());
        Benchmark.Check sampleCount = Benchmark.Check.equal("sampled pairs returned by SQL", samplePairs, pairs.size());
        Benchmark function = Benchmark.builder("correlation-top-" + n, target(config.correlationTarget()))
                .description("Pearson matrix of " + corr.definition() + ", computed in the function ("
                        + String.format(Locale.ROOT, "%,d", expectedPairs) + " pairs; top-N selection included)")
                .statistic(statistic()).samples(functionSamples)
                .check(agrees).check(oneSided).check(sampleCount)
                .detail("strategies", (long) k).detail("pairs", expectedPairs)
                .detail("matrixReadMillis", readMillis).detail("agreementSql", pairsSql.length() > 4_000
                        ? pairsSql.substring(0, 4_000) + "... (" + pairsSql.length() + " characters)" : pairsSql)
                .build();
        Benchmark sqlBenchmark = Benchmark.builder("correlation-sql", target(config.correlationSqlTarget()))
                .description("the same " + String.format(Locale.ROOT, "%,d", expectedPairs) + " pairs computed by the"
                        + " warehouse: standardized series self-joined on trade_date (Pearson r = sum(z_a z_b) / n),"
                        + " summarized to one row")
                .statistic(statistic()).samples(sqlSamples).sql(summarySql)
                .check(Benchmark.Check.equal("pairs computed", expectedPairs, sqlPairs))
                .check(Benchmark.Check.equal("undefined pairs (function vs SQL)", functionUndefined, sqlUndefined))
                .check(Benchmark.Check.atMost("|sum of r: function - SQL|", sumTolerance,
                        Math.abs(functionSum - sqlSum)))
                .detail("sumFunction", functionSum).detail("sumSql", sqlSum)
                .build();
        return new TopResult(corr, function, sqlBenchmark);
    }

    private List<String> sample(List<String> names) {
        int count = Math.min(names.size(), Math.max(2, config.agreementStrategies()));
        List<String> shuffled = new ArrayList<>(names);
        SplittableRandom random = new SplittableRandom(config.seed());
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, t);
        }
        return List.copyOf(shuffled.subList(0, count));
    }

    private OptimizationResult optimization(PnlMatrix matrix) {
        OptimizationRequest request = OptimizationRequest.fromConfig(optimize);
        if (request.sizes().max() > matrix.strategyCount()) {
            int max = matrix.strategyCount();
            request = request.withSizes(new SizeRange(Math.min(request.sizes().min(), max), max));
        }
        return optimizer.optimize(matrix, request);
    }

    private Benchmark optimizationBenchmark(OptimizationResult r) {
        return Benchmark.builder("optimization", target(config.optimizationTarget()))
                .description("the optimizer's full sweep on the dataset: sizes " + r.sizes() + ", algorithms "
                        + r.algorithms().stream().map(a -> a.algorithm().name()).toList() + ", seed " + r.seed())
                .sample(r.totalMillis() / 1000.0)
                .detail("prepareMillis", r.prepareMillis()).detail("searchMillis", r.searchMillis())
                .detail("threads", (long) r.threads()).detail("bestFitness", r.best().fitness())
                .build();
    }

    private OptimizerSection optimizerSection(OptimizationResult r) {
        Map<String, Double> metrics = OptimizationReport.Metrics.of(r.bestMetrics()).byName();
        OptimizerSection.BestPortfolio best = new OptimizerSection.BestPortfolio(r.best().algorithm().name(),
                r.best().size(), r.best().fitness(), r.best().strategies(), metrics);
        List<OptimizerSection.AlgorithmResult> algorithms = r.algorithms().stream()
                .map(a -> new OptimizerSection.AlgorithmResult(a.algorithm().name(), a.bestFitness(), a.bestSize(),
                        a.evaluations(), a.millis())).toList();
        return new OptimizerSection(r.sizes().min(), r.sizes().max(), r.seed(), r.threads(), best, algorithms,
                r.totalMillis());
    }

    /** The first week of the dataset: every date from the first one through six days later. */
    private Benchmark dateRange(PnlMatrix matrix, SqlWorkload sql) {
        LocalDate from = matrix.dates().get(0);
        LocalDate to = from.plusDays(6);
        long dates = matrix.dates().stream().filter(d -> !d.isAfter(to)).count();
        long expected = dates * matrix.strategyCount();
        String text = sql.dateRange(from, to);
        Timed timed = timed(() -> warehouse.query(text).rows().size());
        return Benchmark.builder("date-range-query", millisTarget(config.queryTarget()))
                .description("one week of rows (" + from + " .. " + to + "): " + dates + " date(s) x "
                        + matrix.strategyCount() + " strategies, fetched")
                .statistic(statistic()).samples(timed.millis()).sql(text)
                .check(Benchmark.Check.equal("rows", expected, timed.lastRows())).build();
    }

    /** The best strategy of the top N (the first of the correlation matrix): one row per day. */
    private Benchmark strategyLookup(PnlMatrix matrix, CorrelationMatrix top, SqlWorkload sql) {
        String strategy = top.names().get(0);
        String text = sql.strategyLookup(strategy);
        Timed timed = timed(() -> warehouse.query(text).rows().size());
        return Benchmark.builder("strategy-lookup", millisTarget(config.queryTarget()))
                .description("one strategy's days, ordered by date (the first of " + top.definition() + ")")
                .statistic(statistic()).samples(timed.millis()).sql(text)
                .check(Benchmark.Check.equal("rows", matrix.days(), timed.lastRows())).build();
    }

    private record Timed(double[] millis, long lastRows) {
    }

    private Timed timed(Supplier<Integer> query) {
        double[] samples = new double[1 + Math.max(0, config.warmRuns())];
        long rows = -1;
        for (int i = 0; i < samples.length; i++) {
            long t0 = System.nanoTime();
            int n = query.get();
            samples[i] = (System.nanoTime() - t0) / 1e6;
            if (rows >= 0 && n != rows) {
                rows = -1;   // runs disagree: the check fails
                break;
            }
            rows = n;
        }
        return new Timed(samples, rows);
    }

    private Benchmark.Statistic statistic() {
        return config.warmRuns() > 0 ? Benchmark.Statistic.WARM_MEDIAN : Benchmark.Statistic.FIRST_RUN;
    }

    private static Benchmark.Target target(java.time.Duration d) {
        return Benchmark.Target.below(d.toNanos() / 1e9, "s");
    }

    private static Benchmark.Target millisTarget(java.time.Duration d) {
        return Benchmark.Target.below(d.toNanos() / 1e6, "ms");
    }

}
