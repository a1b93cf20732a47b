package io.heavyingest.optimize;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsolidationTest {
    private static final long CROSSOVER_BUDGET = 1_000_000;
    private static final long PAIR_PROBE = 2_000_000;
    private static final StrategyUniverse UNIVERSE = StrategyUniverse.of(PlantedDataset.matrix(), 0);
    private static final Consumer<List<Runnable>> IN_ORDER = jobs -> jobs.forEach(Runnable::run);
    private static final Consumer<List<Runnable>> REVERSED = jobs -> {
        for (int i = jobs.size() - 1; i >= 0; i--) {
            jobs.get(i).run();
        }
    };

    private static Consolidation.Elite elite(int[] members, Algorithm origin) {
        return new Consolidation.Elite(FitnessFunction.fitness(UNIVERSE, members), members, origin);
    }

    /** The index of strategy "s" + {@code number} (the universe indexes strategies in name order). */
    private static int strategy(int number) {
        return UNIVERSE.names().indexOf("s" + number);
    }

    private static int[] noise(int size, long seed) {
        int[] members = new int[size];
        SplittableRandom random = new SplittableRandom(seed);
        Marks marks = new Marks(UNIVERSE.size());
        for (int i = 0; i < size; i++) {
            int s;
            do {
                s = strategy(PlantedDataset.PLANTED + random.nextInt(PlantedDataset.NOISE));
            } while (marks.has(s));
            marks.add(s);
            members[i] = s;
        }
        return members;
    }

    private static List<String> names(int[] members) {
        List<String> out = new ArrayList<>();
        for (int m : members) {
            out.add(UNIVERSE.name(m));
        }
        return out;
    }

    @Test
    void run_oneSizeHoldsTheBestPortfolio_shouldCarryItToBothNeighboursWithinOneRound() {
        // sizes 5, 6, 7: only size 6 starts from the planted strategies; a 20-evaluation climb cannot find them
        int[] planted = java.util.stream.IntStream.range(0, PlantedDataset.PLANTED).map(ConsolidationTest::strategy)
                .toArray();
        List<List<Consolidation.Elite>> pool = List.of(
                List.of(elite(noise(5, 1), Algorithm.GA)),
                List.of(elite(planted, Algorithm.SA)),
                List.of(elite(noise(7, 2), Algorithm.HC)));
        Consolidation consolidation = new Consolidation(UNIVERSE, new LateAcceptance(10), 20, 1, 1, 0.3, 0, 0);

        List<Consolidation.Outcome> out = consolidation.run(5, pool, 7, IN_ORDER);

        assertThat(out).extracting(Consolidation.Outcome::size).containsExactly(5, 6, 7);
        assertThat(PlantedDataset.plantedIn(names(out.get(0).best().members()))).isEqualTo(5);
        assertThat(PlantedDataset.plantedIn(names(out.get(1).best().members()))).isEqualTo(6);
        assertThat(PlantedDataset.plantedIn(names(out.get(2).best().members()))).isEqualTo(6);
        assertThat(out).extracting(o -> o.best().origin()).containsOnly(Algorithm.SA);
    }

    @Test
    void run_roundsWithoutChains_settlingShouldCarryTheBestPortfolioToEverySize() {
        // a budget of 5 per size in one round leaves no probe for the round's chains: only the settling can move it
        List<List<Consolidation.Elite>> pool = plantedAtSeven();
        Consolidation settling = new Consolidation(UNIVERSE, new LateAcceptance(10), 5, 1, 1, 0.3, 20, 8);
        Consolidation none = new Consolidation(UNIVERSE, new LateAcceptance(10), 5, 1, 1, 0.3, 0, 8);

        List<Consolidation.Outcome> settled = settling.run(5, pool, 7, IN_ORDER);
        List<Consolidation.Outcome> unsettled = none.run(5, pool, 7, IN_ORDER);

        assertThat(settled).extracting(o -> PlantedDataset.plantedIn(names(o.best().members())))
                .containsExactly(5, 6, 6, 6, 6);
        assertThat(settled).extracting(o -> o.best().origin()).containsOnly(Algorithm.SA);
        assertThat(unsettled).extracting(o -> PlantedDataset.plantedIn(names(o.best().members())))
                .containsExactly(0, 0, 6, 0, 0);
    }

    @Test
    void run_settling_shouldStopAtTheFirstPassThatImprovesNoSize() {
        Consolidation settling = new Consolidation(UNIVERSE, new LateAcceptance(10), 5, 1, 1, 0.3, 20, 50);

        List<Consolidation.Outcome> out = settling.run(5, plantedAtSeven(), 7, IN_ORDER);

        // all 50 passes would spend at least 50 x 20 evaluations at every size
        assertThat(out).allSatisfy(o -> assertThat(o.evaluations()).isPositive().isLessThan(50 * 20));
    }

    /** Sizes 5 to 9; only size 7 starts from the planted strategies. */
    private static List<List<Consolidation.Elite>> plantedAtSeven() {
        int[] planted = java.util.stream.IntStream.range(0, PlantedDataset.PLANTED).map(ConsolidationTest::strategy)
                .toArray();
        int[] seven = java.util.Arrays.copyOf(planted, 7);
        int filler = 0;
        for (int i = planted.length; i < 7; i++) {
            while (contains(planted, filler)) {
                filler++;
            }
            seven[i] = filler++;
        }
        return List.of(
                List.of(elite(noise(5, 1), Algorithm.GA)),
                List.of(elite(noise(6, 2), Algorithm.GA)),
                List.of(elite(seven, Algorithm.SA)),
                List.of(elite(noise(8, 3), Algorithm.HC)),
                List.of(elite(noise(9, 4), Algorithm.HC)));
    }

    private static boolean contains(int[] values, int value) {
        return java.util.Arrays.stream(values).anyMatch(v -> v == value);
    }

    @Test
    void run_anySize_shouldNeverReturnWorseThanThePoolsBestOfThatSize() {
        List<List<Consolidation.Elite>> pool = new ArrayList<>();
        for (int size = 5; size <= 8; size++) {
            pool.add(List.of(elite(noise(size, size), Algorithm.GA), elite(noise(size, 100 + size), Algorithm.DE)));
        }
        Consolidation consolidation = new Consolidation(UNIVERSE,
                new GuidedAscent(4, 4, 2, 0.3, 256, new LateAcceptance(50)), 500, 3, 2, 0.3, 30, 4);

        List<Consolidation.Outcome> out = consolidation.run(5, pool, 3, IN_ORDER);

        for (int i = 0; i < out.size(); i++) {
            double poolBest = pool.get(i).stream().mapToDouble(Consolidation.Elite::fitness).max().orElseThrow();
            Consolidation.Outcome o = out.get(i);
            assertThat(o.best().fitness()).isGreaterThanOrEqualTo(poolBest);
            assertThat(o.best().fitness()).isEqualTo(FitnessFunction.fitness(UNIVERSE, o.best().members()));
            assertThat(o.best().members()).hasSize(5 + i).doesNotHaveDuplicates();
            assertThat(o.evaluations()).isPositive();
        }
    }

    @Test
    void run_sameSeedInAnotherJobOrder_shouldGiveTheSamePortfolios() {
        List<List<Consolidation.Elite>> pool = new ArrayList<>();
        for (int size = 5; size <= 8; size++) {
            pool.add(List.of(elite(noise(size, size), Algorithm.GA)));
        }
        Consolidation consolidation = new Consolidation(UNIVERSE,
                new GuidedAscent(4, 4, 2, 0.3, 256, new LateAcceptance(50)), 400, 2, 1, 0.3, 30, 4);

        List<Consolidation.Outcome> a = consolidation.run(5, pool, 11, IN_ORDER);
        List<Consolidation.Outcome> b = consolidation.run(5, pool, 11, REVERSED);

        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).best().members()).isEqualTo(a.get(i).best().members());
            assertThat(b.get(i).best().fitness()).isEqualTo(a.get(i).best().fitness());
        }
    }

    @Test
    void run_sameSeedInAnotherJobOrderWithTheTabuStage_shouldGiveTheSamePortfolios() {
        List<List<Consolidation.Elite>> pool = new ArrayList<>();
        for (int size = 5; size <= 8; size++) {
            pool.add(List.of(elite(noise(size, size), Algorithm.GA), elite(noise(size, 50 + size), Algorithm.PSO)));
        }
        Consolidation consolidation = new Consolidation(UNIVERSE,
                new GuidedAscent(4, 4, 2, 0.3, 256, new LateAcceptance(50)), 200, 1, 1, 0.3, 30, 4,
                new Consolidation.Tabu(600, 3, 2, 40), Consolidation.Crossover.OFF, Consolidation.Pairs.OFF);

        List<Consolidation.Outcome> a = consolidation.run(5, pool, 13, IN_ORDER);
        List<Consolidation.Outcome> b = consolidation.run(5, pool, 13, REVERSED);

        assertSameOutcomes(a, b);
    }

    @Test
    void run_realSampleWithTheTabuStage_shouldBeNoWorseAtAnySizeAndFitterOverall() {
        StrategyUniverse sample = Matrices.realSample(0);
        List<List<Consolidation.Elite>> pool = polishedPool(sample, 38, 41, 2, 100_000);
        LocalSearch climber = new GuidedAscent(8, 8, 3, 0.3, 256, new LateAcceptance(5_000));
        Consolidation plain = new Consolidation(sample, climber, 100_000, 1, 2, 0.3, 0, 0);
        Consolidation tabu = new Consolidation(sample, climber, 100_000, 1, 2, 0.3, 0, 0,
                new Consolidation.Tabu(400_000, 2, 5, 20_000), Consolidation.Crossover.OFF,
                Consolidation.Pairs.OFF);

        List<Consolidation.Outcome> without = plain.run(38, pool, 5, IN_ORDER);
        List<Consolidation.Outcome> with = tabu.run(38, pool, 5, IN_ORDER);

        // the same rounds first (same seeds), then the tabu stage, which never gives a size a worse best
        assertNoWorseAndExact(sample, without, with);
        double gained = 0;
        for (int i = 0; i < with.size(); i++) {
            gained += with.get(i).best().fitness() / without.get(i).best().fitness() - 1;
        }
        assertThat(gained / with.size()).as("mean gain per size").isGreaterThan(0.02);
    }

    @Test
    void run_sameSeedInAnotherJobOrderWithTheCrossoverStage_shouldGiveTheSamePortfolios() {
        List<List<Consolidation.Elite>> pool = new ArrayList<>();
        for (int size = 5; size <= 8; size++) {
            pool.add(List.of(elite(noise(size, size), Algorithm.GA), elite(noise(size, 50 + size), Algorithm.PSO),
                    elite(noise(size, 90 + size), Algorithm.DE)));
        }
        Consolidation consolidation = new Consolidation(UNIVERSE,
                new GuidedAscent(4, 4, 2, 0.3, 256, new LateAcceptance(50)), 200, 1, 1, 0.3, 30, 4,
                new Consolidation.Tabu(300, 1, 2, 40), new Consolidation.Crossover(900, 60, 3),
                Consolidation.Pairs.OFF);

        List<Consolidation.Outcome> a = consolidation.run(5, pool, 13, IN_ORDER);
        List<Consolidation.Outcome> b = consolidation.run(5, pool, 13, REVERSED);

        assertSameOutcomes(a, b);
    }

    @Test
    void run_realSampleWithTheCrossoverStage_shouldBeNoWorseAtAnySizeAndFitterOverall() {
        StrategyUniverse sample = Matrices.realSample(0);
        List<List<Consolidation.Elite>> pool = polishedPool(sample, 36, 39, 6, 60_000);
        LocalSearch climber = new GuidedAscent(8, 8, 3, 0.3, 256, new LateAcceptance(5_000));
        Consolidation.Tabu tabu = new Consolidation.Tabu(200_000, 1, 5, 0);
        Consolidation without = new Consolidation(sample, climber, 50_000, 1, 2, 0.3, 0, 0, tabu,
                Consolidation.Crossover.OFF, Consolidation.Pairs.OFF);
        Consolidation with = new Consolidation(sample, climber, 50_000, 1, 2, 0.3, 0, 0, tabu,
                new Consolidation.Crossover(CROSSOVER_BUDGET, 100_000, 6), Consolidation.Pairs.OFF);

        List<Consolidation.Outcome> before = without.run(36, pool, 5, IN_ORDER);
        List<Consolidation.Outcome> after = with.run(36, pool, 5, IN_ORDER);

        // the same rounds and tabu stage first (same seeds), then the crossover stage, which never makes a size worse
        assertNoWorseAndExact(sample, before, after);
        double gained = 0;
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i).evaluations() - before.get(i).evaluations()).isEqualTo(CROSSOVER_BUDGET);
            gained += after.get(i).best().fitness() / before.get(i).best().fitness() - 1;
        }
        assertThat(gained / after.size()).as("mean gain per size").isGreaterThan(0.01);
    }

    @Test
    void create_badCrossover_shouldBeRejected() {
        assertThatThrownBy(() -> new Consolidation.Crossover(-1, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crossover");
        assertThatThrownBy(() -> new Consolidation.Crossover(10, 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Consolidation.Crossover(10, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void run_sameSeedInAnotherJobOrderWithThePairStage_shouldGiveTheSamePortfolios() {
        List<List<Consolidation.Elite>> pool = new ArrayList<>();
        for (int size = 5; size <= 8; size++) {
            pool.add(List.of(elite(noise(size, size), Algorithm.GA), elite(noise(size, 50 + size), Algorithm.PSO)));
        }
        Consolidation consolidation = new Consolidation(UNIVERSE,
                new GuidedAscent(4, 4, 2, 0.3, 256, new LateAcceptance(50)), 200, 1, 1, 0.3, 30, 4,
                new Consolidation.Tabu(300, 1, 2, 40), new Consolidation.Crossover(600, 60, 2),
                new Consolidation.Pairs(5_000, 3, 8));

        List<Consolidation.Outcome> a = consolidation.run(5, pool, 17, IN_ORDER);
        List<Consolidation.Outcome> b = consolidation.run(5, pool, 17, REVERSED);

        assertSameOutcomes(a, b);
    }

    @Test
    void run_realSampleWithThePairStage_shouldBeNoWorseAtAnySizeAndFitterSomewhere() {
        StrategyUniverse sample = Matrices.realSample(0);
        List<List<Consolidation.Elite>> pool = polishedPool(sample, 36, 41, 4, 60_000);
        LocalSearch climber = new GuidedAscent(8, 8, 3, 0.3, 256, new LateAcceptance(5_000));
        Consolidation.Tabu tabu = new Consolidation.Tabu(100_000, 1, 5, 0);
        Consolidation without = new Consolidation(sample, climber, 30_000, 1, 2, 0.3, 0, 0, tabu,
                Consolidation.Crossover.OFF, Consolidation.Pairs.OFF);
        Consolidation with = new Consolidation(sample, climber, 30_000, 1, 2, 0.3, 0, 0, tabu,
                Consolidation.Crossover.OFF, new Consolidation.Pairs(PAIR_PROBE, 4, 48));

        List<Consolidation.Outcome> before = without.run(36, pool, 3, IN_ORDER);
        List<Consolidation.Outcome> after = with.run(36, pool, 3, IN_ORDER);

        // the same rounds and tabu stage first (same seeds), then the pair stage, which never makes a size worse
        assertNoWorseAndExact(sample, before, after);
        int improved = 0;
        for (int i = 0; i < after.size(); i++) {
            // each pass: at most one ascent and one resize per chain at each size
            assertThat(after.get(i).evaluations() - before.get(i).evaluations())
                    .isLessThanOrEqualTo(4 * 2 * (PAIR_PROBE + 64));
            if (after.get(i).best().fitness() > before.get(i).best().fitness()) {
                improved++;
            }
        }
        assertThat(improved).as("sizes the pair stage improved").isPositive();
    }

    @Test
    void create_badPairStage_shouldBeRejected() {
        assertThatThrownBy(() -> new Consolidation.Pairs(-1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pair");
        assertThatThrownBy(() -> new Consolidation.Pairs(10, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Consolidation.Pairs(10, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Per size, {@code starts} portfolios of the real sample from random starts, each polished by the guided walk. */
    private static List<List<Consolidation.Elite>> polishedPool(StrategyUniverse sample, int minSize, int maxSize,
                                                                int starts, long budget) {
        List<List<Consolidation.Elite>> pool = new ArrayList<>();
        for (int size = minSize; size <= maxSize; size++) {
            List<Consolidation.Elite> polished = new ArrayList<>();
            for (int start = 0; start < starts; start++) {
                java.util.SplittableRandom random = new java.util.SplittableRandom(size * 10L + start);
                Evaluator evaluator = new Evaluator(sample, size, budget);
                new GuidedAscent(8, 8, 3, 0.3, 256).polish(evaluator,
                        RandomPortfolios.portfolio(random, sample.size(), size, new Marks(sample.size())), random);
                polished.add(new Consolidation.Elite(evaluator.bestFitness(), evaluator.best(), Algorithm.RS));
            }
            pool.add(polished);
        }
        return pool;
    }

    /** Every size of {@code after} is at least as fit as in {@code before}, its fitness re-scored exactly. */
    private static void assertNoWorseAndExact(StrategyUniverse sample, List<Consolidation.Outcome> before,
                                              List<Consolidation.Outcome> after) {
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.get(i).best().fitness()).isGreaterThanOrEqualTo(before.get(i).best().fitness());
            assertThat(after.get(i).best().fitness())
                    .isEqualTo(FitnessFunction.fitness(sample, after.get(i).best().members()));
        }
    }

    private static void assertSameOutcomes(List<Consolidation.Outcome> a, List<Consolidation.Outcome> b) {
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).best().members()).isEqualTo(a.get(i).best().members());
            assertThat(b.get(i).best().fitness()).isEqualTo(a.get(i).best().fitness());
            assertThat(b.get(i).evaluations()).isEqualTo(a.get(i).evaluations());
        }
    }

    @Test
    void create_badTabuStage_shouldBeRejected() {
        assertThatThrownBy(() -> new Consolidation.Tabu(-1, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tabu");
        assertThatThrownBy(() -> new Consolidation.Tabu(10, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Consolidation.Tabu(10, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Consolidation.Tabu(10, 1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void create_zeroBudgetOrRounds_shouldBeRejected() {
        assertThatThrownBy(() -> new Consolidation(UNIVERSE, new LateAcceptance(10), 0, 1, 1, 0.3, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive budget");
        assertThatThrownBy(() -> new Consolidation(UNIVERSE, new LateAcceptance(10), 10, 0, 1, 0.3, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Consolidation(UNIVERSE, new LateAcceptance(10), 10, 1, 1, 0.3, -1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settling");
        assertThatThrownBy(() -> new Consolidation(UNIVERSE, new LateAcceptance(10), 10, 1, 1, 0.3, 10, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("settling");
    }
}
