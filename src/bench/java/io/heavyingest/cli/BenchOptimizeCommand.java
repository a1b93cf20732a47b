package io.heavyingest.cli;

import io.heavyingest.config.ConfigLoader;
import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.optimize.Algorithm;
import io.heavyingest.optimize.AlgorithmSummary;
import io.heavyingest.optimize.NoDatasetException;
import io.heavyingest.optimize.OptimizationRequest;
import io.heavyingest.optimize.OptimizationResult;
import io.heavyingest.optimize.OptimizationService;
import io.heavyingest.optimize.OptimizeConfig;
import io.heavyingest.optimize.RunResult;
import io.heavyingest.optimize.StrategyUniverse;
import io.heavyingest.optimize.PnlMatrix;
import io.heavyingest.warehouse.Warehouse;
import io.heavyingest.app.Components;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code bench-optimize [--runs 3] [--from-warehouse | --data FILE] [--sizes] [--algorithms] [--seed] [--budget]}: times the
 * full optimization sweep on the production-shaped dataset (generated in memory, or the warehouse's current
 * dataset) and compares every algorithm with a random search of the same budget.
 */
final class BenchOptimizeCommand implements Command {

    @Override
    public String summary() {
        return "bench-optimize [--runs 3] [--from-warehouse | --data FILE] [--sizes ..] [--algorithms ..] [--seed N]"
                + "  time the sweep";
    }

    @Override
    public int run(String[] argv, Context context) throws Exception {
        Args args = new Args(argv, Set.of("sizes", "algorithms", "seed", "budget", "runs", "data"));
        boolean fromWarehouse = args.flag("from-warehouse");
        String data = args.option("data", null);
        int runs = (int) args.longOption("runs", 3);
        OptimizeConfig config = context.settings().optimize();
        OptimizationRequest request = OptimizeRequests.parse(args, config);
        args.rejectUnknown();
        if (runs < 1) {
            throw new UsageException("option --runs needs a positive number");
        }
        long t0 = System.nanoTime();
        PnlMatrix matrix = fromWarehouse ? current(context)
                : data != null ? GeneratedMatrix.fromFile(java.nio.file.Path.of(data))
                : GeneratedMatrix.of(GeneratorSpec.production(42));
        System.out.printf("dataset %s: %,d strategies x %,d days, %,d NULL cells (%s in %,d ms)%n",
                matrix.datasetId(), matrix.strategyCount(), matrix.days(), matrix.nullCount(),
                fromWarehouse ? "read from the warehouse" : data != null ? "read from " + data : "generated and parsed",
                millis(t0));
        System.out.printf("sweep: sizes %s, algorithms %s, seed %d%n", request.sizes(), request.algorithms(),
                request.seed());
        OptimizationService service = new OptimizationService(config);
        long[] totals = new long[runs];
        OptimizationResult result = null;
        for (int i = 0; i < runs; i++) {
            OptimizationResult r = service.optimize(matrix, request);
            totals[i] = r.totalMillis();
            System.out.printf("run %d: total %,d ms (prepare %,d, search %,d) on %d threads, best fitness %.4f"
                            + " (%s, size %d)%n", i + 1, r.totalMillis(), r.prepareMillis(), r.searchMillis(),
                    r.threads(), r.best().fitness(), r.best().algorithm(), r.best().size());
            if (result != null && (result.best().fitness() != r.best().fitness()
                    || !Arrays.equals(result.best().members(), r.best().members()))) {
                System.out.println("  WARNING: this run found a different best portfolio than run 1");
            }
            result = r;
        }
        long[] sorted = totals.clone();
        Arrays.sort(sorted);
        System.out.printf("median total %,d ms over %d run(s) (min %,d, max %,d); the legacy sweep took about"
                + " 21 minutes%n", sorted[runs / 2], runs, sorted[0], sorted[runs - 1]);
        compareWithRandomSearch(service, matrix, request, result);
        return Main.OK;
    }

    private static void compareWithRandomSearch(OptimizationService service, PnlMatrix matrix,
                                                OptimizationRequest request, OptimizationResult result) {
        StrategyUniverse universe = service.prepare(matrix);
        Map<Long, OptimizationResult> baselines = new HashMap<>();
        for (long budget : new TreeSet<>(request.budgets().values())) {
            if (request.algorithms().stream().anyMatch(a -> request.budget(a) == budget)) {
                baselines.put(budget, service.optimize(universe,
                        request.withAlgorithms(List.of(Algorithm.RS)).withBudget(budget).withConsolidationBudget(0), 0));
            }
        }
        System.out.println("each algorithm (before the consolidation) against random search with the same evaluation"
                + " budget per size:");
        System.out.printf("  %-4s %9s %16s %5s %9s %16s %12s%n", "alg", "budget", "best fitness", "size",
                "time ms", "RS same budget", "sizes >= RS");
        boolean allBeat = true;
        for (AlgorithmSummary a : result.algorithms()) {
            OptimizationResult rs = baselines.get(a.budget());
            int wins = 0;
            List<RunResult> mine = runsOf(result, a.algorithm());
            List<RunResult> theirs = runsOf(rs, Algorithm.RS);
            for (int i = 0; i < mine.size(); i++) {
                if (mine.get(i).fitness() >= theirs.get(i).fitness()) {
                    wins++;
                }
            }
            double rsBest = rs.algorithms().get(0).bestFitness();
            allBeat &= a.bestFitness() >= rsBest;
            System.out.printf("  %-4s %,9d %16.4f %5d %,9d %16.4f %7d / %d%n", a.algorithm(), a.budget(),
                    a.bestFitness(), a.bestSize(), a.millis(), rsBest, wins, mine.size());
        }
        System.out.println(allBeat ? "every algorithm is at least as good as random search of the same budget"
                : "WARNING: some algorithm is worse than random search of the same budget");
        if (!result.consolidated().isEmpty()) {
            double before = result.runs().stream().mapToDouble(RunResult::fitness).max().orElse(Double.NaN);
            System.out.printf("consolidation of every algorithm's best per size: best fitness %.4f before, %.4f after"
                    + " (size %d)%n", before, result.best().fitness(), result.best().size());
        }
    }

    private static List<RunResult> runsOf(OptimizationResult r, Algorithm a) {
        List<RunResult> out = new ArrayList<>();
        for (RunResult run : r.runs()) {
            if (run.algorithm() == a) {
                out.add(run);
            }
        }
        return out;
    }

    private static PnlMatrix current(Context context) {
        try (Components components = context.open()) {
            return components.warehouse().currentMatrix()
                    .orElseThrow(() -> new NoDatasetException(components.warehouse().location()));
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
