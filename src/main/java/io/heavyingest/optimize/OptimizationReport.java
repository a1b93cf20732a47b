package io.heavyingest.optimize;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link OptimizationResult} as plain maps and lists for a JSON document; infinite figures become null. */
public final class OptimizationReport {
    private OptimizationReport() {
    }

    /** The result with its convergence (ratio to the best fitness known per size), when an estimate exists. */
    public static Map<String, Object> toMap(OptimizationResult r, java.util.Optional<Convergence> convergence) {
        Map<String, Object> m = toMap(r);
        convergence.ifPresent(c -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("minRatio", finite(c.minRatio()));
            doc.put("minRatioSize", c.minRatioSize());
            doc.put("medianRatio", finite(c.medianRatio()));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Convergence.SizeRatio row : c.sizes()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("size", row.size());
                x.put("fitness", finite(row.fitness()));
                x.put("bestKnown", finite(row.bestKnown()));
                x.put("ratio", finite(row.ratio()));
                rows.add(x);
            }
            doc.put("sizes", rows);
            m.put("convergence", doc);
        });
        return m;
    }

    public static Map<String, Object> toMap(OptimizationResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("datasetId", r.datasetId());
        m.put("strategies", r.strategyCount());
        m.put("days", r.days());
        m.put("nullCount", r.nullCount());
        m.put("periodsPerYear", finite(r.periodsPerYear()));
        m.put("sizes", r.sizes().toString());
        m.put("seed", r.seed());
        m.put("threads", r.threads());
        Map<String, Object> best = new LinkedHashMap<>();
        best.put("algorithm", r.best().algorithm().name());
        best.put("size", r.best().size());
        best.put("fitness", finite(r.best().fitness()));
        best.put("metrics", metrics(r.bestMetrics()));
        best.put("strategies", r.best().strategies());
        m.put("best", best);
        List<Map<String, Object>> algorithms = new ArrayList<>();
        for (AlgorithmSummary a : r.algorithms()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("algorithm", a.algorithm().name());
            row.put("budget", a.budget());
            row.put("bestFitness", finite(a.bestFitness()));
            row.put("bestSize", a.bestSize());
            row.put("evaluations", a.evaluations());
            row.put("millis", a.millis());
            algorithms.add(row);
        }
        m.put("algorithms", algorithms);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (RunResult run : r.runs()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("algorithm", run.algorithm().name());
            row.put("size", run.size());
            row.put("fitness", finite(run.fitness()));
            row.put("evaluations", run.evaluations());
            row.put("foundAt", run.foundAt());
            row.put("millis", run.millis());
            runs.add(row);
        }
        m.put("runs", runs);
        m.put("prepareMillis", r.prepareMillis());
        m.put("searchMillis", r.searchMillis());
        m.put("totalMillis", r.totalMillis());
        return m;
    }

    public static Map<String, Object> metrics(PortfolioMetrics p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fitness", finite(p.fitness()));
        m.put("ratio", finite(p.ratio()));
        m.put("meanCorrelation", finite(p.meanCorrelation()));
        m.put("roi", finite(p.roi()));
        m.put("maxDrawdown", finite(p.maxDrawdown()));
        m.put("winRate", finite(p.winRate()));
        m.put("profitFactor", finite(p.profitFactor()));
        m.put("expectancy", finite(p.expectancy()));
        m.put("sharpe", finite(p.sharpe()));
        m.put("sortino", finite(p.sortino()));
        m.put("annualizedReturn", finite(p.annualizedReturn()));
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
