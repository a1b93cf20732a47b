package io.heavyingest.optimize;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What to optimize: portfolio sizes, algorithms (run for every size), the seed and each algorithm's evaluation
 * budget per size.
 */
public record OptimizationRequest(SizeRange sizes, List<Algorithm> algorithms, long seed, Map<Algorithm, Long> budgets) {

    public OptimizationRequest {
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("no algorithm to run");
        }
        algorithms = List.copyOf(algorithms);
        budgets = Map.copyOf(budgets);
        for (Algorithm a : algorithms) {
            Long b = budgets.get(a);
            if (b == null || b < 1) {
                throw new IllegalArgumentException("algorithm " + a + " needs a positive evaluation budget, got " + b);
            }
        }
    }

    /** {@code algorithms} over {@code sizes}, each with the same evaluation budget per size. */
    public static OptimizationRequest of(SizeRange sizes, List<Algorithm> algorithms, long seed, long budget) {
        Map<Algorithm, Long> all = new EnumMap<>(Algorithm.class);
        for (Algorithm a : Algorithm.values()) {
            all.put(a, budget);
        }
        return new OptimizationRequest(sizes, algorithms, seed, all);
    }

    /** The configured sizes, algorithms, seed and budgets. */
    public static OptimizationRequest fromConfig(OptimizeConfig config) {
        return new OptimizationRequest(config.sizes(), List.copyOf(new java.util.LinkedHashSet<>(config.algorithms())),
                config.seed(), configuredBudgets(config));
    }

    public OptimizationRequest withSizes(SizeRange newSizes) {
        return new OptimizationRequest(newSizes, algorithms, seed, budgets);
    }

    public OptimizationRequest withAlgorithms(List<Algorithm> newAlgorithms) {
        return new OptimizationRequest(sizes, newAlgorithms, seed, budgets);
    }

    public OptimizationRequest withSeed(long newSeed) {
        return new OptimizationRequest(sizes, algorithms, newSeed, budgets);
    }

    /** The same request with every algorithm's budget set to {@code budget}. */
    public OptimizationRequest withBudget(long budget) {
        return of(sizes, algorithms, seed, budget);
    }

    public long budget(Algorithm algorithm) {
        return budgets.get(algorithm);
    }

    private static Map<Algorithm, Long> configuredBudgets(OptimizeConfig config) {
        Map<Algorithm, Long> budgets = new EnumMap<>(Algorithm.class);
        for (Algorithm a : Algorithm.values()) {
            budgets.put(a, a.budget(config));
        }
        return budgets;
    }
}
