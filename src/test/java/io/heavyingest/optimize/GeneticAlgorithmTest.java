package io.heavyingest.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeneticAlgorithmTest {
    @Test
    void crossover_twoParents_shouldKeepWhatBothHoldAndDrawTheRestFromEither() {
        int[] a = {0, 1, 2, 3, 4, 5};
        int[] b = {4, 5, 6, 7, 2, 9};
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (int seed = 0; seed < 200; seed++) {
            int[] child = GeneticAlgorithm.crossover(a, b, new Marks(10), new java.util.SplittableRandom(seed));

            assertThat(child).hasSize(6).doesNotHaveDuplicates().contains(2, 4, 5);
            assertThat(java.util.Arrays.stream(child).boxed().toList()).isSubsetOf(0, 1, 2, 3, 4, 5, 6, 7, 9);
            for (int m : child) {
                seen.add(m);
            }
        }
        assertThat(seen).as("every strategy of either parent is drawn by some seed")
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 9);
        assertThat(GeneticAlgorithm.crossover(a, a, new Marks(10), new java.util.SplittableRandom(1)))
                .containsExactly(a);
    }

    @Test
    void crossover_parentsOfDifferentSizes_shouldBeRejected() {
        assertThatThrownBy(() -> GeneticAlgorithm.crossover(new int[] {1, 2}, new int[] {1}, new Marks(3),
                new java.util.SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one size");
    }
}
