package io.heavyingest.optimize;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PairAscentTest {
    private static final int SIZE = 12;
    private static final int STARTS = 8;

    private static StrategyUniverse universe;
    /** A core of real-sample strategies: every member of guided-polished portfolios from random starts. */
    private static int[] core;

    @BeforeAll
    static void buildCore() {
        universe = Matrices.realSample(0);
        TreeSet<Integer> union = new TreeSet<>();
        for (int i = 0; i < 4; i++) {
            SplittableRandom random = new SplittableRandom(200 + i);
            Evaluator evaluator = new Evaluator(universe, SIZE, 50_000);
            new GuidedAscent(8, 8, 3, 0.3, 256).polish(evaluator,
                    RandomPortfolios.portfolio(random, universe.size(), SIZE, new Marks(universe.size())), random);
            Arrays.stream(evaluator.best()).forEach(union::add);
        }
        core = union.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A random portfolio of the core. */
    private static int[] fromCore(long seed) {
        int[] shuffled = core.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < SIZE; i++) {
            int j = i + random.nextInt(shuffled.length - i);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        return Arrays.copyOf(shuffled, SIZE);
    }

    /** Steepest single-swap ascent over the core, each swap scored from scratch, to a single-swap local optimum. */
    private static int[] singleSwapOptimum(int[] start) {
        int[] current = start.clone();
        double fitness = FitnessFunction.fitness(universe, current);
        while (true) {
            int[] bestMove = null;
            double best = fitness;
            for (int slot = 0; slot < SIZE; slot++) {
                for (int in : core) {
                    if (contains(current, in)) {
                        continue;
                    }
                    int[] moved = current.clone();
                    moved[slot] = in;
                    double f = FitnessFunction.fitness(universe, moved);
                    if (f > best) {
                        best = f;
                        bestMove = moved;
                    }
                }
            }
            if (bestMove == null) {
                return current;
            }
            current = bestMove;
            fitness = best;
        }
    }

    /** The best fitness of any single or double swap of {@code members} within the core, each scored from scratch. */
    private static double bestNeighbour(int[] members) {
        double best = Double.NEGATIVE_INFINITY;
        for (int s1 = 0; s1 < SIZE; s1++) {
            for (int in1 : core) {
                if (contains(members, in1)) {
                    continue;
                }
                int[] once = members.clone();
                once[s1] = in1;
                best = Math.max(best, FitnessFunction.fitness(universe, once));
                for (int s2 = s1 + 1; s2 < SIZE; s2++) {
                    for (int in2 : core) {
                        if (in2 == in1 || contains(members, in2)) {
                            continue;
                        }
                        int[] twice = once.clone();
                        twice[s2] = in2;
                        best = Math.max(best, FitnessFunction.fitness(universe, twice));
                    }
                }
            }
        }
        return best;
    }

    private static boolean contains(int[] members, int strategy) {
        return Arrays.stream(members).anyMatch(m -> m == strategy);
    }

    @Test
    void polish_singleSwapOptimaOfTheRealSample_shouldEndWhereNoSingleOrDoubleSwapImproves() {
        int improved = 0;
        for (int i = 0; i < STARTS; i++) {
            int[] start = singleSwapOptimum(fromCore(i));
            double startFitness = FitnessFunction.fitness(universe, start);
            Evaluator evaluator = new Evaluator(universe, SIZE, Long.MAX_VALUE / 4);

            new PairAscent(core).polish(evaluator, start, new SplittableRandom(i));

            int[] end = evaluator.best();
            assertThat(evaluator.bestFitness()).isCloseTo(FitnessFunction.fitness(universe, end), within(1e-9));
            assertThat(evaluator.bestFitness()).isGreaterThanOrEqualTo(startFitness - 1e-9);   // up to rounding
            assertThat(Arrays.stream(end).allMatch(m -> Arrays.binarySearch(core, m) >= 0)).isTrue();
            assertThat(Arrays.stream(end).distinct().count()).isEqualTo(SIZE);
            // checked from scratch: no single or double swap within the core improves the end (up to rounding)
            assertThat(bestNeighbour(end)).isLessThanOrEqualTo(evaluator.bestFitness() * (1 + 1e-9));
            if (evaluator.bestFitness() > startFitness * (1 + 1e-9)) {
                improved++;
            }
        }
        // from portfolios no single swap improves, a double swap still finds better ones
        assertThat(improved).as("single-swap optima improved by pairs").isGreaterThanOrEqualTo(STARTS / 4);
    }

    @Test
    void polish_sameStartWithAnotherGenerator_shouldGiveTheSamePortfolio() {
        int[] start = fromCore(42);
        Evaluator a = new Evaluator(universe, SIZE, 3_000_000);
        Evaluator b = new Evaluator(universe, SIZE, 3_000_000);

        new PairAscent(core).polish(a, start, new SplittableRandom(1));
        new PairAscent(core).polish(b, start, new SplittableRandom(2));

        assertThat(b.best()).isEqualTo(a.best());
        assertThat(b.used()).isEqualTo(a.used());
    }

    @Test
    void polish_smallBudget_shouldStopWithinItAndNeverEndWorse() {
        int[] start = fromCore(7);
        Evaluator evaluator = new Evaluator(universe, SIZE, 5_000);

        new PairAscent(core).polish(evaluator, start, new SplittableRandom(0));

        assertThat(evaluator.used()).isEqualTo(5_000);
        assertThat(evaluator.bestFitness()).isGreaterThanOrEqualTo(FitnessFunction.fitness(universe, start) - 1e-9);
        assertThat(evaluator.bestFitness())
                .isCloseTo(FitnessFunction.fitness(universe, evaluator.best()), within(1e-9));
    }

    @Test
    void create_candidatesOutOfOrder_shouldBeRejected() {
        assertThatThrownBy(() -> new PairAscent(new int[] {3, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new PairAscent(new int[] {1, 1})).isInstanceOf(IllegalArgumentException.class);
    }
}
