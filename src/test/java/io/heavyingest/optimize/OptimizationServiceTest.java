package io.heavyingest.optimize;

import io.heavyingest.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizationServiceTest {

    /** Settling probes of this many evaluations, at most this many passes. */
    private static final long SETTLE_PROBE = 200;
    private static final int SETTLE_PASSES = 3;
    /** The tabu stage: this budget per size over this many rounds, chains probing this many evaluations. */
    private static final long TABU_BUDGET = 2_000;
    private static final int TABU_ROUNDS = 2;
    private static final long TABU_PROBE = 150;
    /** The crossover stage: this budget per size, children climbed this many evaluations. */
    private static final long CROSSOVER_BUDGET = 1_500;
    private static final long CROSSOVER_CLIMB = 300;
    /** The pair stage: at most this many passes, each resize's ascent at most this many evaluations. */
    private static final long PAIR_PROBE = 400;
    private static final int PAIR_PASSES = 2;

    private static OptimizationService service(int threads) {
        return new OptimizationService(ConfigLoader.load(OptimizeConfig.class,
                Map.of("heavy-ingest.optimize.parallelism", Integer.toString(threads),
                        "heavy-ingest.optimize.consolidation.settle-probe", Long.toString(SETTLE_PROBE),
                        "heavy-ingest.optimize.consolidation.settle-passes", Integer.toString(SETTLE_PASSES),
                        "heavy-ingest.optimize.consolidation.tabu-budget", Long.toString(TABU_BUDGET),
                        "heavy-ingest.optimize.consolidation.tabu-rounds", Integer.toString(TABU_ROUNDS),
                        "heavy-ingest.optimize.consolidation.tabu-probe", Long.toString(TABU_PROBE),
                        "heavy-ingest.optimize.consolidation.crossover-budget", Long.toString(CROSSOVER_BUDGET),
                        "heavy-ingest.optimize.consolidation.crossover-climb", Long.toString(CROSSOVER_CLIMB),
                        "heavy-ingest.optimize.consolidation.pair-probe", Long.toString(PAIR_PROBE),
                        "heavy-ingest.optimize.consolidation.pair-passes", Integer.toString(PAIR_PASSES))));
    }

    private static OptimizationRequest sweep() {
        return OptimizationRequest.of(new SizeRange(5, 7), List.of(Algorithm.values()), 5, 400);
    }

    @Test
    void sweep_oneThreadOrTwo_shouldGiveTheSameRuns() {
        OptimizationResult one = service(1).optimize(PlantedDataset.matrix(), sweep());
        OptimizationResult two = service(2).optimize(PlantedDataset.matrix(), sweep());

        assertThat(one.threads()).isEqualTo(1);
        assertThat(two.threads()).isEqualTo(2);
        assertThat(two.runs()).hasSize(Algorithm.values().length * 3);
        for (int i = 0; i < one.runs().size(); i++) {
            assertThat(two.runs().get(i).members()).isEqualTo(one.runs().get(i).members());
            assertThat(two.runs().get(i).fitness()).isEqualTo(one.runs().get(i).fitness());
        }
    }

    @Test
    void sweep_severalSizesAndAlgorithms_shouldKeepTheFittestRun() {
        OptimizationResult result = service(2).optimize(PlantedDataset.matrix(), sweep());

        double fittest = result.runs().stream().mapToDouble(RunResult::fitness).max().orElseThrow();
        assertThat(result.best().fitness()).isEqualTo(fittest);
        assertThat(result.bestMetrics().fitness()).isEqualTo(fittest);
        assertThat(result.best().strategies()).hasSize(result.best().size());
        assertThat(result.algorithms()).extracting(AlgorithmSummary::algorithm).containsExactly(Algorithm.values());
        for (AlgorithmSummary a : result.algorithms()) {
            assertThat(a.evaluations()).isEqualTo(3 * 400);
        }
    }

    @Test
    void polish_oneThreadOrTwo_shouldGiveTheSameRunsNoWorseThanWithoutAndSpendItsBudget() {
        OptimizationRequest polished = sweep().withPolishBudget(2_000);
        OptimizationResult plain = service(1).optimize(PlantedDataset.matrix(), sweep());
        OptimizationResult one = service(1).optimize(PlantedDataset.matrix(), polished);
        OptimizationResult two = service(2).optimize(PlantedDataset.matrix(), polished);

        for (int i = 0; i < one.runs().size(); i++) {
            RunResult run = one.runs().get(i);
            assertThat(two.runs().get(i).members()).isEqualTo(run.members());
            assertThat(two.runs().get(i).fitness()).isEqualTo(run.fitness());
            assertThat(run.fitness()).isGreaterThanOrEqualTo(plain.runs().get(i).fitness());
            assertThat(run.evaluations()).isEqualTo(400 + 2_000);
        }
    }

    @Test
    void consolidation_oneThreadOrTwo_shouldGiveTheSameAnswerPerSize() {
        OptimizationRequest consolidated = sweep().withPolishBudget(1_000).withConsolidationBudget(3_000);
        OptimizationResult one = service(1).optimize(PlantedDataset.matrix(), consolidated);
        OptimizationResult two = service(2).optimize(PlantedDataset.matrix(), consolidated);

        assertThat(one.consolidated()).hasSize(3);
        for (int i = 0; i < one.consolidated().size(); i++) {
            RunResult run = one.consolidated().get(i);
            assertThat(run.size()).isEqualTo(5 + i);
            assertThat(two.consolidated().get(i).members()).isEqualTo(run.members());
            assertThat(two.consolidated().get(i).fitness()).isEqualTo(run.fitness());
            assertThat(two.consolidated().get(i).algorithm()).isEqualTo(run.algorithm());
        }
        assertThat(two.best().members()).isEqualTo(one.best().members());
    }

    @Test
    void consolidation_afterThePolish_shouldLeaveEveryAlgorithmsRunsAsTheyWere() {
        OptimizationResult without = service(2).optimize(PlantedDataset.matrix(), sweep().withPolishBudget(1_000));
        OptimizationResult with = service(2).optimize(PlantedDataset.matrix(),
                sweep().withPolishBudget(1_000).withConsolidationBudget(3_000));

        assertThat(without.consolidated()).isEmpty();
        for (int i = 0; i < without.runs().size(); i++) {
            assertThat(with.runs().get(i).members()).isEqualTo(without.runs().get(i).members());
            assertThat(with.runs().get(i).fitness()).isEqualTo(without.runs().get(i).fitness());
        }
        assertThat(with.algorithms()).extracting(AlgorithmSummary::bestFitness)
                .isEqualTo(without.algorithms().stream().map(AlgorithmSummary::bestFitness).toList());
    }

    @Test
    void consolidation_perSize_shouldBeNoWorseThanEveryAlgorithmAndGiveTheSweepsBest() {
        OptimizationResult result = service(2).optimize(PlantedDataset.matrix(),
                sweep().withPolishBudget(1_000).withConsolidationBudget(3_000));

        for (RunResult c : result.consolidated()) {
            double bestRun = result.runs().stream().filter(r -> r.size() == c.size())
                    .mapToDouble(RunResult::fitness).max().orElseThrow();
            assertThat(c.fitness()).isGreaterThanOrEqualTo(bestRun);
            assertThat(c.fitness()).isEqualTo(FitnessFunction.fitness(
                    StrategyUniverse.of(PlantedDataset.matrix(), 0), c.members()));
            assertThat(c.strategies()).hasSize(c.size());
            // the budget, a few resize scores, per tabu round its share and two chains' probes, the crossover
            // stage's budget and two chains' probes, per pair pass two chains' probes, and per settling pass two
            // chains' probes at most
            assertThat(c.evaluations()).isPositive()
                    .isLessThanOrEqualTo(3_000 + 100 + TABU_BUDGET + TABU_ROUNDS * 2 * (TABU_PROBE + 20)
                            + CROSSOVER_BUDGET + 2 * (TABU_PROBE + 20) + PAIR_PASSES * 2 * (PAIR_PROBE + 20)
                            + SETTLE_PASSES * 2 * (SETTLE_PROBE + 20));
        }
        double fittest = result.consolidated().stream().mapToDouble(RunResult::fitness).max().orElseThrow();
        assertThat(result.best().fitness()).isEqualTo(fittest);
        assertThat(Convergence.bestPerSize(result))
                .containsExactly(result.consolidated().stream().mapToDouble(RunResult::fitness).toArray());
    }

    @Test
    void optimize_sizeLargerThanTheDataset_shouldFailWithTheStrategyCount() {
        OptimizationRequest tooLarge = sweep().withSizes(new SizeRange(5, 400));

        assertThatThrownBy(() -> service(1).optimize(PlantedDataset.matrix(), tooLarge))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("portfolio size 400 exceeds the 306 strategies");
    }

    @Test
    void optimize_sizeEqualToTheDataset_shouldScoreTheOnlyPortfolio() {
        StrategyUniverse u = Matrices.universe(new double[] {1, 2}, new double[] {2, -1}, new double[] {0, 3});
        OptimizationRequest all = OptimizationRequest.of(new SizeRange(3, 3), List.of(Algorithm.SA), 1, 50);

        OptimizationResult result = service(1).optimize(u, all, 0);

        assertThat(result.best().members()).containsExactly(0, 1, 2);
        assertThat(result.best().evaluations()).isEqualTo(1);
    }

    @Test
    void parse_sizesAndAlgorithms_shouldAcceptTheDocumentedForms() {
        assertThat(SizeRange.parse("35..60")).isEqualTo(new SizeRange(35, 60));
        assertThat(SizeRange.parse("40")).isEqualTo(new SizeRange(40, 40));
        assertThat(Algorithm.parseList("ga, sa,GA")).containsExactly(Algorithm.GA, Algorithm.SA);
        assertThatThrownBy(() -> Algorithm.parseList("GA,XX")).hasMessageContaining("unknown algorithm \"XX\"");
        assertThatThrownBy(() -> SizeRange.parse("60..35")).hasMessageContaining("1 <= min <= max");
    }
}
