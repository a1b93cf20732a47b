package io.heavyingest.optimize;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What to optimize: portfolio sizes, algorithms (run for every size), the seed, each algorithm's evaluation
 * budget per size, and the budget of the polish (a local search from each algorithm's best portfolio of each size,
 * the same for every algorithm; 0: none) and of the consolidation (the shared stage over every algorithm's results,
 * swap evaluations per size; 0: none).
 */
public record OptimizationRequest(SizeRange sizes, List<Algorithm> algorithms, long seed, Map<Algorithm, Long> budgets,
                                  long polishBudget, long consolidationBudget) {

    public OptimizationRequest {
        if (polishBudget < 0) {
            throw new IllegalArgumentException("polish budget must not be negative, got " + polishBudget);
        }
        if (consolidationBudget < 0) {
            throw new IllegalArgumentException("consolidation budget must not be negative, got "
                    + consolidationBudget);
        }
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

    /**
     * {@code algorithms} over {@code sizes}, each with the same evaluation budget per size, without polish or
     * consolidation.
     */
    public static OptimizationRequest of(SizeRange sizes, List<Algorithm> algorithms, long seed, long budget) {
        Map<Algorithm, Long> all = new EnumMap<>(Algorithm.class);
        for (Algorithm a : Algorithm.values()) {
            all.put(a, budget);
        }
        return new OptimizationRequest(sizes, algorithms, seed, all, 0, 0);
    }

    /** The configured sizes, algorithms, seed and budgets. */
    public static OptimizationRequest fromConfig(OptimizeConfig config) {
        return new OptimizationRequest(config.sizes(), List.copyOf(new java.util.LinkedHashSet<>(config.algorithms())),
                config.seed(), configuredBudgets(config), config.polish().budget(),
                config.consolidation().budget());
    }

    public OptimizationRequest withSizes(SizeRange newSizes) {
        return new OptimizationRequest(newSizes, algorithms, seed, budgets, polishBudget, consolidationBudget);
    }

    public OptimizationRequest withAlgorithms(List<Algorithm> newAlgorithms) {
        return new OptimizationRequest(sizes, newAlgorithms, seed, budgets, polishBudget, consolidationBudget);
    }

    public OptimizationRequest withSeed(long newSeed) {
        return new OptimizationRequest(sizes, algorithms, newSeed, budgets, polishBudget, consolidationBudget);
    }

    /**
     * The same request with every algorithm's budget set to {@code budget} (the polish and consolidation budgets
     * unchanged).
     */
    public OptimizationRequest withBudget(long budget) {
        return of(sizes, algorithms, seed, budget).withPolishBudget(polishBudget)
                .withConsolidationBudget(consolidationBudget);
    }

    /** The same request with another polish budget (0: no polish). */
    public OptimizationRequest withPolishBudget(long newPolishBudget) {
        return new OptimizationRequest(sizes, algorithms, seed, budgets, newPolishBudget, consolidationBudget);
    }

    /** The same request with another consolidation budget (0: no consolidation). */
    public OptimizationRequest withConsolidationBudget(long newConsolidationBudget) {
        return new OptimizationRequest(sizes, algorithms, seed, budgets, polishBudget, newConsolidationBudget);
    }

    /**
     * The same request with every budget, the polish's and the consolidation's too, multiplied by {@code factor} (at
     * least 1).
     */
    public OptimizationRequest withBudgetsScaledBy(long factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("budget factor must be at least 1, got " + factor);
        }
        Map<Algorithm, Long> scaled = new EnumMap<>(Algorithm.class);
        budgets.forEach((a, b) -> scaled.put(a, Math.multiplyExact(b, factor)));
        return new OptimizationRequest(sizes, algorithms, seed, scaled, Math.multiplyExact(polishBudget, factor),
                Math.multiplyExact(consolidationBudget, factor));
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
