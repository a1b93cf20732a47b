package io.heavyingest.cli;

import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.optimize.BestKnown;
import io.heavyingest.optimize.Convergence;
import io.heavyingest.optimize.ConvergenceBenchmark;
import io.heavyingest.optimize.ConvergenceBenchmark.SeedRun;
import io.heavyingest.optimize.OptimizationRequest;
import io.heavyingest.optimize.OptimizationService;
import io.heavyingest.optimize.OptimizeConfig;
import io.heavyingest.optimize.StrategyUniverse;
import io.heavyingest.optimize.PnlMatrix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * {@code bench-convergence [--data FILE | --strategies N] [--seeds 5] [--reference-seeds 3] [--reference-factor 10]
 * [--climb-budget 1000000] [--climb-starts 2] [--cache DIR] [--refresh] [--sizes] [--algorithms] [--budget]}: how
 * close the sweep gets to the best fitness known per size, how much it varies from seed to seed, and how long it
 * takes. The best known per size comes from long multi-seed runs of every algorithm and from long climbs that do
 * not depend on the sweep's settings, cached per dataset in {@code --cache}.
 */
final class BenchConvergenceCommand implements Command {

    @Override
    public String summary() {
        return "bench-convergence [--data FILE] [--seeds 5] [--first-seed 1] [--reference-seeds 3] [--reference-factor 10]"
                + "  sweep vs best-known fitness";
    }

    @Override
    public int run(String[] argv, Context context) throws Exception {
        Args args = new Args(argv, Set.of("data", "strategies", "seeds", "reference-seeds", "reference-factor",
                "cache", "sizes", "algorithms", "seed", "budget", "climb-budget", "climb-starts", "first-seed"));
        String data = args.option("data", null);
        int strategies = (int) args.longOption("strategies", GeneratorSpec.PRODUCTION_STRATEGIES);
        int seeds = (int) args.longOption("seeds", 5);
        int referenceSeeds = (int) args.longOption("reference-seeds", 3);
        long factor = args.longOption("reference-factor", 10);
        boolean refresh = args.flag("refresh");
        long climbBudget = args.longOption("climb-budget", 1_000_000);
        int climbStarts = (int) args.longOption("climb-starts", 2);
        long firstSeed = args.longOption("first-seed", 1);
        OptimizeConfig config = context.settings().optimize();
        Path cache = Path.of(args.option("cache", config.bestKnownDirectory()));
        OptimizationRequest request = OptimizeRequests.parse(args, config);
        args.rejectUnknown();
        if (seeds < 1 || referenceSeeds < 0 || factor < 1 || strategies < 1 || climbBudget < 0 || climbStarts < 0) {
            throw new UsageException("--seeds, --strategies and --reference-factor need positive numbers,"
                    + " --reference-seeds a number >= 0");
        }
        long t0 = System.nanoTime();
        PnlMatrix matrix = data != null ? GeneratedMatrix.fromFile(Path.of(data))
                : GeneratedMatrix.of(GeneratorSpec.of(GeneratorSpec.PRODUCTION_DAYS, strategies, 42));
        OptimizationService service = new OptimizationService(config);
        StrategyUniverse universe = service.prepare(matrix);
        System.out.printf("dataset %s: %,d strategies x %,d days, fingerprint %s, drawdown floor %s (%,d ms)%n",
                matrix.datasetId(), universe.size(), universe.days(), universe.fingerprint(),
                universe.drawdownFloor() > 0 ? universe.drawdownFloor() + " x mean |r|" : "off (legacy)",
                (System.nanoTime() - t0) / 1_000_000);
        System.out.printf("sweep: sizes %s, algorithms %s, budgets %s, %d threads, %d processors%n",
                request.sizes(), request.algorithms(), request.budgets(), threads(config),
                Runtime.getRuntime().availableProcessors());
        ConvergenceBenchmark bench = new ConvergenceBenchmark(service, universe);
        BestKnown known = refresh ? BestKnown.empty(universe)
                : BestKnown.load(cache, universe).orElseGet(() -> BestKnown.empty(universe));
        if (refresh || !known.covers(request.sizes())) {
            System.out.printf("best-known: estimating with every algorithm at %dx its budget, %d seeds%n", factor,
                    referenceSeeds);
            bench.estimate(known, request.withAlgorithms(io.heavyingest.optimize.Algorithm.parseList("ALL")),
                    LongStream.rangeClosed(1001, 1000 + referenceSeeds).boxed().toList(), factor,
                    line -> System.out.println("  " + line));
            if (climbBudget > 0) {
                System.out.printf("best-known: long climbs, %d random starts and the best known of each size and its"
                        + " neighbours, %,d evaluations each%n", climbStarts, climbBudget);
                for (long s = 1001; s <= 1000 + Math.max(1, referenceSeeds); s++) {
                    bench.climb(known, request.sizes(), climbBudget, climbStarts, s,
                            line -> System.out.println("  " + line));
                }
            }
            System.out.println("  saved " + known.save(cache));
        } else {
            System.out.println("best-known: from " + BestKnown.file(cache, universe));
        }
        List<SeedRun> runs = bench.measure(known, request,
                LongStream.range(firstSeed, firstSeed + seeds).boxed().toList(), line -> System.out.println("  " + line));
        known.save(cache);
        print(request, known, runs);
        return Main.OK;
    }

    private static int threads(OptimizeConfig config) {
        return config.parallelism() > 0 ? config.parallelism() : Runtime.getRuntime().availableProcessors();
    }

    static void print(OptimizationRequest request, BestKnown known, List<SeedRun> runs) {
        int n = request.sizes().count();
        int min = request.sizes().min();
        System.out.printf("%5s %12s %10s %10s %9s%n", "size", "best-known", "min ratio", "median", "spread");
        double[] minRatios = new double[n];
        double[] medians = new double[n];
        double[] spreads = new double[n];
        for (int i = 0; i < n; i++) {
            double best = known.fitness(min + i).orElse(Double.NaN);
            double[] ratios = new double[runs.size()];
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < runs.size(); k++) {
                double f = runs.get(k).bestPerSize()[i];
                ratios[k] = f / best;
                lo = Math.min(lo, f);
                hi = Math.max(hi, f);
            }
            minRatios[i] = java.util.Arrays.stream(ratios).min().orElse(Double.NaN);
            medians[i] = Convergence.median(ratios);
            spreads[i] = (hi - lo) / Math.abs(best);
            System.out.printf("%5d %12.4f %10.4f %10.4f %8.2f%%%n", min + i, best, minRatios[i], medians[i],
                    100 * spreads[i]);
        }
        // the raw figures, so a table can be recomputed later against a raised best-known
        for (int i = 0; i < n; i++) {
            StringBuilder raw = new StringBuilder("raw size " + (min + i) + ":");
            for (SeedRun run : runs) {
                raw.append(' ').append(run.bestPerSize()[i]);
            }
            System.out.println(raw);
        }
        for (SeedRun run : runs) {
            System.out.printf("raw seed %d: wall %d cpu %d%n", run.seed(), run.millis(), run.cpuMillis());
        }
        int worst = argMin(minRatios);
        int widest = argMax(spreads);
        long below = java.util.Arrays.stream(minRatios).filter(r -> r < 0.95).count();
        System.out.printf("ratio to best-known: min %.4f (size %d), median of the per-size medians %.4f,"
                + " %d of %d sizes below 0.95 for some seed%n", minRatios[worst], min + worst,
                Convergence.median(medians), below, n);
        System.out.printf("seed spread (max - min) / best-known: max %.2f%% (size %d), median %.2f%%%n",
                100 * spreads[widest], min + widest, 100 * Convergence.median(spreads));
        List<String> overall = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] times = new double[runs.size()];
        double[] cpu = new double[runs.size()];
        for (int k = 0; k < runs.size(); k++) {
            double f = runs.get(k).result().best().fitness();
            overall.add(String.format("%.2f", f));
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
            times[k] = runs.get(k).millis();
            cpu[k] = runs.get(k).cpuMillis();
        }
        System.out.printf("overall best fitness per seed: %s (spread %.2f%%)%n", String.join(", ", overall),
                100 * (hi - lo) / Math.abs(hi));
        System.out.printf("sweep time: median %,.0f ms wall (min %,.0f, max %,.0f) over %d seeds; median CPU %,.0f ms"
                        + " (CPU / 2 = %,.0f ms: the wall time on two otherwise idle cores)%n",
                Convergence.median(times), java.util.Arrays.stream(times).min().orElse(0),
                java.util.Arrays.stream(times).max().orElse(0), runs.size(), Convergence.median(cpu),
                Convergence.median(cpu) / 2);
    }

    private static int argMin(double[] v) {
        int a = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[a]) {
                a = i;
            }
        }
        return a;
    }

    private static int argMax(double[] v) {
        int a = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[a]) {
                a = i;
            }
        }
        return a;
    }
}
