package io.heavyingest.cli;

import io.heavyingest.app.Components;
import io.heavyingest.json.Json;
import io.heavyingest.optimize.AlgorithmSummary;
import io.heavyingest.optimize.Convergence;
import io.heavyingest.optimize.StrategyUniverse;
import io.heavyingest.optimize.NoDatasetException;
import io.heavyingest.optimize.OptimizationReport;
import io.heavyingest.optimize.OptimizationRequest;
import io.heavyingest.optimize.OptimizationResult;
import io.heavyingest.optimize.OptimizationService;
import io.heavyingest.optimize.PortfolioMetrics;
import io.heavyingest.optimize.RunResult;
import io.heavyingest.optimize.PnlMatrix;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code optimize [--sizes 35..60] [--algorithms GA,SA,...] [--seed N] [--budget N] [--json]}: optimizes the
 * current dataset of the configured warehouse. No dataset loaded: exit code 3.
 */
final class OptimizeCommand implements Command {

    @Override
    public String summary() {
        return "optimize [--sizes 35..60] [--algorithms GA,SA,..] [--seed N] [--budget N] [--json]  best portfolio";
    }

    @Override
    public int run(String[] argv, Context context) {
        Args args = new Args(argv, Set.of("sizes", "algorithms", "seed", "budget"));
        boolean json = args.flag("json");
        OptimizationRequest request = OptimizeRequests.parse(args, context.settings().optimize());
        args.rejectUnknown();
        long t0 = System.nanoTime();
        PnlMatrix matrix;
        String location;
        OptimizationService optimizer;
        try (Components components = context.open()) {
            location = components.warehouse().location();
            matrix = components.warehouse().currentMatrix().orElseThrow(() -> new NoDatasetException(location));
            optimizer = components.optimizer();
        }
        long readMillis = (System.nanoTime() - t0) / 1_000_000;
        OptimizationService service = optimizer;
        long t1 = System.nanoTime();
        StrategyUniverse universe = service.prepare(matrix);
        OptimizationResult result = service.optimize(universe, request, (System.nanoTime() - t1) / 1_000_000);
        Optional<Convergence> convergence = service.convergence(universe, result);
        if (json) {
            System.out.println(Json.line(OptimizationReport.of(result, convergence).readFrom(location, readMillis)));
        } else {
            System.out.print(text(result, location, readMillis));
            convergence.ifPresent(c -> System.out.printf("  convergence  ratio to the best fitness known per size:"
                    + " min %.4f (size %d), median %.4f%n", c.minRatio(), c.minRatioSize(), c.medianRatio()));
        }
        return Main.OK;
    }

    static String text(OptimizationResult r, String location, long readMillis) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Optimized dataset %s from %s%n", r.datasetId(), location));
        sb.append(String.format("  dataset      %,d strategies x %,d days, %,d NULL cells read as 0%n",
                r.strategyCount(), r.days(), r.nullCount()));
        sb.append(String.format("  sweep        sizes %s, seed %d, %d threads%n", r.sizes(), r.seed(), r.threads()));
        sb.append(String.format("  time         read %,d ms, prepare %,d ms, search %,d ms%n",
                readMillis, r.prepareMillis(), r.searchMillis()));
        sb.append(String.format("  best         fitness %.4f (%s, size %d%s)%n", r.best().fitness(),
                r.best().algorithm(), r.best().size(),
                r.consolidated().contains(r.best()) ? ", improved by the consolidation" : ""));
        PortfolioMetrics m = r.bestMetrics();
        sb.append(String.format("  metrics      ratio %.4f, mean correlation %.4f, ROI %.2f, max drawdown %.4f%n",
                m.ratio(), m.meanCorrelation(), m.roi(), m.maxDrawdown()));
        sb.append(String.format("               win rate %.1f%%, profit factor %s, expectancy %.4f%n",
                100 * m.winRate(), number(m.profitFactor()), m.expectancy()));
        sb.append(String.format("               Sharpe %s, Sortino %s, annualized return %.2f (%.1f periods/year)%n",
                number(m.sharpe()), number(m.sortino()), m.annualizedReturn(), r.periodsPerYear()));
        sb.append(String.format("  strategies   %s%n", String.join(", ", r.best().strategies())));
        sb.append(String.format("  %-4s %9s %16s %5s %12s %9s%n", "alg", "budget", "best fitness", "size",
                "evaluations", "time ms"));
        for (AlgorithmSummary a : r.algorithms()) {
            sb.append(String.format("  %-4s %,9d %16.4f %5d %,12d %,9d%n", a.algorithm(), a.budget(),
                    a.bestFitness(), a.bestSize(), a.evaluations(), a.millis()));
        }
        sb.append("  (time ms: the algorithm's searches added up; they share the threads with the others)\n");
        if (!r.consolidated().isEmpty()) {
            long evaluations = r.consolidated().stream().mapToLong(RunResult::evaluations).sum();
            long millis = r.consolidated().stream().mapToLong(RunResult::millis).sum();
            sb.append(String.format("  consolidation of every algorithm's best per size: %,d evaluations, %,d ms;"
                    + " best per size %s%n", evaluations, millis, r.consolidated().stream()
                    .map(c -> String.format("%d: %.2f", c.size(), c.fitness())).toList()));
        }
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format("%.4f", v) : "infinite";
    }
}
