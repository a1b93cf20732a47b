package io.heavyingest.optimize;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavyingest.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConvergenceTest {
    private static final SizeRange SIZES = new SizeRange(5, 7);

    private static OptimizationService service(Path dir) {
        return new OptimizationService(ConfigLoader.load(OptimizeConfig.class,
                Map.of("heavy-ingest.optimize.best-known-directory", dir.toString())));
    }

    @Test
    void benchmark_longRunsThenSweep_shouldGiveRatiosAtMostOneAndCacheTheEstimate(@TempDir Path dir) {
        OptimizationService service = service(dir);
        StrategyUniverse universe = service.prepare(PlantedDataset.matrix());
        ConvergenceBenchmark bench = new ConvergenceBenchmark(service, universe);
        BestKnown known = BestKnown.empty(universe);
        OptimizationRequest sweep = OptimizationRequest.of(SIZES, List.of(Algorithm.SA, Algorithm.RS), 1, 300)
                .withPolishBudget(300);

        bench.estimate(known, sweep, List.of(1001L, 1002L), 5, line -> { });
        List<ConvergenceBenchmark.SeedRun> runs = bench.measure(known, sweep, List.of(1L, 2L), line -> { });
        known.save(dir);

        assertThat(known.covers(SIZES)).isTrue();
        for (ConvergenceBenchmark.SeedRun run : runs) {
            Convergence c = Convergence.of(run.result(), known).orElseThrow();
            assertThat(c.sizes()).hasSize(3).allSatisfy(row -> assertThat(row.ratio()).isPositive().isLessThanOrEqualTo(1.0));
            assertThat(service.convergence(universe, run.result())).contains(c);
        }
        BestKnown reloaded = BestKnown.load(dir, universe).orElseThrow();
        for (int size = 5; size <= 7; size++) {
            assertThat(reloaded.fitness(size)).isEqualTo(known.fitness(size));
        }
    }

    @Test
    void climb_afterAShortSweep_shouldCoverEverySizeAndNeverLowerTheEstimate(@TempDir Path dir) {
        OptimizationService service = service(dir);
        StrategyUniverse universe = service.prepare(PlantedDataset.matrix());
        ConvergenceBenchmark bench = new ConvergenceBenchmark(service, universe);
        BestKnown known = BestKnown.empty(universe);
        OptimizationRequest sweep = OptimizationRequest.of(SIZES, List.of(Algorithm.RS), 1, 20);
        bench.measure(known, sweep, List.of(1L), line -> { });
        double[] before = new double[3];
        for (int size = 5; size <= 7; size++) {
            before[size - 5] = known.fitness(size).getAsDouble();
        }

        bench.climb(known, new SizeRange(5, 8), 20_000, 1, 1001, line -> { });

        assertThat(known.covers(new SizeRange(5, 8))).isTrue();
        for (int size = 5; size <= 7; size++) {
            assertThat(known.fitness(size).getAsDouble()).isGreaterThanOrEqualTo(before[size - 5]);
            BestKnown.Entry e = known.entry(size).orElseThrow();
            int[] members = e.strategies().stream().mapToInt(universe.names()::indexOf).toArray();
            assertThat(FitnessFunction.fitness(universe, members)).isCloseTo(e.fitness(), within(1e-9));
        }
        assertThat(known.fitness(5).getAsDouble()).as("20,000 evaluations beat 20 random portfolios")
                .isGreaterThan(before[0]);
    }

    @Test
    void load_entryWhoseFitnessDoesNotMatchItsPortfolio_shouldNotBeBelieved(@TempDir Path dir) throws Exception {
        StrategyUniverse universe = Matrices.universe(new double[] {1, -2, 3}, new double[] {2, 1, -1},
                new double[] {0, 3, 1});
        BestKnown known = BestKnown.empty(universe);
        int[] members = {0, 2};
        double f = FitnessFunction.fitness(universe, members);
        known.offer(new RunResult(Algorithm.SA, 2, 1, 1, 1, f, members, List.of("s0", "s2"), 0), "test");
        known.offer(new RunResult(Algorithm.SA, 1, 1, 1, 1, 1e9, new int[] {1}, List.of("s1"), 0), "forged");
        Path file = known.save(dir);

        BestKnown reloaded = BestKnown.load(dir, universe).orElseThrow();

        assertThat(reloaded.fitness(2).getAsDouble()).isEqualTo(f);
        assertThat(reloaded.fitness(1)).as("1e9 is not what s1 scores").isEmpty();
        assertThat(new ObjectMapper().readTree(Files.readString(file)).get("fingerprint").asText())
                .isEqualTo(universe.fingerprint());
    }

    @Test
    void convergence_handMadeResult_shouldGiveMinAndMedianRatios() {
        StrategyUniverse universe = Matrices.universe(new double[] {1, -2, 3}, new double[] {2, 1, -1},
                new double[] {0, 3, 1}, new double[] {1, 1, 1});
        BestKnown known = BestKnown.empty(universe);
        known.offer(run(universe, 1, 0), "t");
        known.offer(run(universe, 2, 0, 3), "t");
        known.offer(run(universe, 3, 0, 2, 3), "t");
        // the sweep found the best at size 1 and 3 but only a worse portfolio at size 2
        OptimizationResult result = result(universe, run(universe, 1, 0), run(universe, 2, 1, 2), run(universe, 3, 0, 2, 3));

        Convergence c = Convergence.of(result, known).orElseThrow();

        double ratio2 = FitnessFunction.fitness(universe, new int[] {1, 2}) / FitnessFunction.fitness(universe, new int[] {0, 3});
        assertThat(c.sizes()).extracting(Convergence.SizeRatio::ratio).containsExactly(1.0, ratio2, 1.0);
        assertThat(c.minRatio()).isCloseTo(Math.min(1, ratio2), within(1e-12));
        assertThat(c.medianRatio()).isEqualTo(1.0);
        assertThat(io.heavyingest.json.Json.mapper().valueToTree(OptimizationReport.of(result, java.util.Optional.of(c)))
                .has("convergence")).isTrue();
        assertThat(io.heavyingest.json.Json.mapper().valueToTree(OptimizationReport.of(result, java.util.Optional.empty()))
                .has("convergence")).isFalse();
    }

    @Test
    void convergence_corruptCacheFile_shouldBeAbsentForTheResultButAnErrorForTheCache(@TempDir Path dir) throws Exception {
        OptimizationService service = service(dir);
        StrategyUniverse universe = Matrices.universe(new double[] {1, -2, 3}, new double[] {2, 1, -1},
                new double[] {0, 3, 1});
        Files.writeString(BestKnown.file(dir, universe), "{not json");
        OptimizationResult result = service.optimize(universe,
                OptimizationRequest.of(new SizeRange(1, 2), List.of(Algorithm.RS), 1, 5), 0);

        assertThat(service.convergence(universe, result)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BestKnown.load(dir, universe))
                .isInstanceOf(BestKnownCacheException.class).hasMessageContaining("cannot read the best-known cache");
    }

    private static RunResult run(StrategyUniverse u, int size, int... members) {
        List<String> names = java.util.Arrays.stream(members).mapToObj(u::name).toList();
        return new RunResult(Algorithm.RS, size, 1, 1, 1, FitnessFunction.fitness(u, members), members, names, 0);
    }

    private static OptimizationResult result(StrategyUniverse u, RunResult... runs) {
        RunResult best = java.util.Arrays.stream(runs).max(java.util.Comparator.comparingDouble(RunResult::fitness))
                .orElseThrow();
        return new OptimizationResult("t", u.size(), u.days(), 0, 52, new SizeRange(1, 3), 1, 1, best,
                FitnessFunction.metrics(u, best.members()), List.of(), List.of(runs), List.of(), 0, 0);
    }
}
