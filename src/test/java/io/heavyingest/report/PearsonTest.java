package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PearsonTest {

    /** Textbook two-pass Pearson on two arrays, NaN as 0; NaN when either has no variance. */
    static double bruteForce(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int t = 0; t < n; t++) {
            mx += nz(x[t]);
            my += nz(y[t]);
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int t = 0; t < n; t++) {
            double dx = nz(x[t]) - mx;
            double dy = nz(y[t]) - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double[] column(PnlMatrix m, int s) {
        double[] c = new double[m.days()];
        for (int t = 0; t < c.length; t++) {
            c[t] = m.value(s, t);
        }
        return c;
    }

    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("s" + i);
        }
        return out;
    }

    @Test
    void matrix_randomData_shouldMatchTwoPassBruteForce() {
        PnlMatrix m = SampleReports.matrix(82, 150, 99);
        int[] cols = TopStrategies.select(m, 60, TopStrategies.Definition.TOTAL_PNL);

        CorrelationMatrix c = Pearson.matrix(m, cols, "test");

        assertThat(c.size()).isEqualTo(60);
        int undefined = 0;
        for (int i = 0; i < cols.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                double expected = bruteForce(column(m, cols[i]), column(m, cols[j]));
                if (Double.isNaN(expected)) {
                    assertThat(c.get(i, j)).as("corr(%d,%d)", i, j).isNaN();
                    undefined++;
                } else {
                    assertThat(c.get(i, j)).as("corr(%d,%d)", i, j).isCloseTo(expected, within(1e-12));
                    assertThat(c.get(i, j)).isEqualTo(c.get(j, i));
                }
            }
            assertThat(c.names().get(i)).isEqualTo(m.strategies().get(cols[i]));
        }
        // the sample's constant strategy (column 2) ranks among these 60: its row and column are undefined
        assertThat(cols).contains(2);
        assertThat(undefined).isEqualTo(2 * 60 - 1);
    }

    @Test
    void matrix_constantColumn_shouldBeNaNInItsRowAndColumnOnly() {
        double[][] rows = {{1, 5, 2}, {2, 5, 4}, {3, 5, 5}, {4, 5, 9}};
        PnlMatrix m = TestMatrices.ofRows(rows, names(3));

        CorrelationMatrix c = Pearson.matrix(m, new int[] {0, 1, 2}, "all");

        for (int k = 0; k < 3; k++) {
            assertThat(c.get(1, k)).isNaN();
            assertThat(c.get(k, 1)).isNaN();
        }
        assertThat(c.get(0, 2)).isCloseTo(bruteForce(new double[] {1, 2, 3, 4}, new double[] {2, 4, 5, 9}),
                within(1e-15));
        assertThat(c.get(0, 0)).isEqualTo(1.0);
    }

    @Test
    void matrix_constantNonRepresentableValue_shouldBeNaNNotRoundingNoise() {
        double[][] rows = {{0.1, 1}, {0.1, 2}, {0.1, 4}, {0.1, 3}, {0.1, 7}};

        CorrelationMatrix c = Pearson.matrix(TestMatrices.ofRows(rows, names(2)), new int[] {0, 1}, "all");

        assertThat(c.get(0, 1)).isNaN();
    }

    @Test
    void matrix_missingValues_shouldCountAsZero() {
        double[][] withNaN = {{1, 2}, {Double.NaN, 3}, {4, Double.NaN}, {2, 8}};
        double[][] zeros = {{1, 2}, {0, 3}, {4, 0}, {2, 8}};

        double a = Pearson.matrix(TestMatrices.ofRows(withNaN, names(2)), new int[] {0, 1}, "").get(0, 1);
        double b = Pearson.matrix(TestMatrices.ofRows(zeros, names(2)), new int[] {0, 1}, "").get(0, 1);

        assertThat(a).isEqualTo(b).isNotNaN();
    }

    @Test
    void matrix_perfectlyAnticorrelated_shouldBeClampedToMinusOne() {
        double[][] rows = {{1, -3}, {2, -6}, {3, -9}, {10, -30}};

        double r = Pearson.matrix(TestMatrices.ofRows(rows, names(2)), new int[] {0, 1}, "").get(0, 1);

        assertThat(r).isGreaterThanOrEqualTo(-1.0).isCloseTo(-1.0, within(1e-15));
    }

    @Test
    void topN_shouldCarryThePrintableDefinition() {
        CorrelationMatrix c = Pearson.topN(SampleReports.matrix(10, 30, 1), 1000, TopStrategies.Definition.TOTAL_PNL);

        assertThat(c.size()).isEqualTo(30);
        assertThat(c.definition()).isEqualTo("the 30 strategies with the highest total P&L over all days "
                + "(missing values count as 0; ties in header order)");
        assertThat(TopStrategies.Definition.TOTAL_PNL.describe(1000)).startsWith("the 1,000 strategies");
    }

    @Test
    void select_totalPnlWithTies_shouldRankByScoreThenHeaderOrder() {
        // totals: s0=3, s1=5, s2=3, s3=-1, s4=5, s5=3 (with a missing cell counted as 0)
        double[][] rows = {{1, 2, 3, 0, 5, Double.NaN}, {2, 3, 0, -1, 0, 3}};

        int[] top = TopStrategies.select(TestMatrices.ofRows(rows, names(6)), 5, TopStrategies.Definition.TOTAL_PNL);

        assertThat(top).containsExactly(1, 4, 0, 2, 5);
    }

    @Test
    void select_negativeAndPositiveZeroTotals_shouldTieInHeaderOrder() {
        double[][] rows = {{-0.0, 0.0, 1}};

        int[] top = TopStrategies.select(TestMatrices.ofRows(rows, names(3)), 3, TopStrategies.Definition.TOTAL_PNL);

        assertThat(top).containsExactly(2, 0, 1);
    }

    @Test
    void select_sharpe_shouldPutUndefinedScoresLast() {
        double[][] rows = {{1, 7, 1, 10}, {1, 7, 3, 12}, {1, 7, 2, 11}};

        int[] top = TopStrategies.select(TestMatrices.ofRows(rows, names(4)), 4, TopStrategies.Definition.SHARPE);

        // s3 mean 11 sd 1 -> 11; s2 mean 2 sd 1 -> 2; s0 and s1 constant -> undefined, in header order
        assertThat(top).containsExactly(3, 2, 0, 1);
    }

    @Test
    void select_fileOrder_shouldTakeTheFirstColumns() {
        int[] top = TopStrategies.select(SampleReports.matrix(5, 20, 2), 4, TopStrategies.Definition.FILE_ORDER);

        assertThat(top).containsExactly(0, 1, 2, 3);
    }

    @Test
    void select_nBelowOne_shouldBeRejected() {
        assertThatThrownBy(() -> TopStrategies.select(SampleReports.matrix(5, 5, 2), 0,
                TopStrategies.Definition.TOTAL_PNL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pnlMatrix_rowsAndColumnsLayouts_shouldHoldTheSameCells() {
        double[][] rows = {{1, 2, 3}, {4, 5, 6}};
        double[] columns = {1, 4, 2, 5, 3, 6};

        PnlMatrix a = TestMatrices.ofRows(rows, names(3));
        PnlMatrix b = TestMatrices.ofColumns(columns, 2, names(3));

        for (int t = 0; t < 2; t++) {
            for (int s = 0; s < 3; s++) {
                assertThat(a.value(s, t)).isEqualTo(b.value(s, t)).isEqualTo(rows[t][s]);
            }
        }
    }

    @Test
    void matrix_infiniteValue_shouldBeRefusedNamingTheStrategy() {
        double[][] rows = {{1, 2}, {3, Double.NEGATIVE_INFINITY}, {5, 1}};

        assertThatThrownBy(() -> Pearson.matrix(TestMatrices.ofRows(rows, List.of("a", "b & c")), new int[] {0, 1}, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"b & c\"");
    }

    @Test
    void agreement_againstBruteForcePairs_shouldBeTinyAndSpotAPerturbedPair() {
        PnlMatrix m = SampleReports.matrix(82, 200, 5);
        CorrelationMatrix c = Pearson.topN(m, 100, TopStrategies.Definition.TOTAL_PNL);
        List<CorrelationAgreement.Pair> pairs = new ArrayList<>();
        for (int[] p : c.samplePairs(200, 42)) {
            int a = m.strategies().indexOf(c.names().get(p[0]));
            int b = m.strategies().indexOf(c.names().get(p[1]));
            pairs.add(new CorrelationAgreement.Pair(c.names().get(p[0]), c.names().get(p[1]),
                    bruteForce(column(m, a), column(m, b))));
        }

        CorrelationAgreement exact = CorrelationAgreement.compare(c, pairs);
        pairs.set(17, new CorrelationAgreement.Pair(pairs.get(17).first(), pairs.get(17).second(),
                pairs.get(17).value() + 0.01));
        CorrelationAgreement perturbed = CorrelationAgreement.compare(c, pairs);

        assertThat(exact.pairs()).isEqualTo(200);
        assertThat(exact.maxAbsDifference()).isLessThan(1e-12);
        assertThat(exact.agrees(1e-9)).isTrue();
        assertThat(perturbed.maxAbsDifference()).isCloseTo(0.01, within(1e-9));
        assertThat(perturbed.worstFirst()).isEqualTo(pairs.get(17).first());
        assertThat(perturbed.agrees(1e-9)).isFalse();
    }

    @Test
    void agreement_undefinedOnOneSideOnly_shouldCountAsMismatch() {
        double[][] rows = {{1, 5, 2}, {2, 5, 4}, {3, 5, 5}};
        CorrelationMatrix c = Pearson.matrix(TestMatrices.ofRows(rows, names(3)), new int[] {0, 1, 2}, "");

        CorrelationAgreement a = CorrelationAgreement.compare(c, List.of(
                new CorrelationAgreement.Pair("s0", "s1", null),
                new CorrelationAgreement.Pair("s1", "s2", 0.5),
                new CorrelationAgreement.Pair("s0", "s2", c.get(0, 2))));

        assertThat(a.undefinedMismatches()).isEqualTo(1);
        assertThat(a.maxAbsDifference()).isZero();
        assertThat(a.agrees(1e-9)).isFalse();
        assertThatThrownBy(() -> CorrelationAgreement.compare(c, List.of(new CorrelationAgreement.Pair("s0", "zz", 0.1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zz");
    }

    @Test
    void samplePairs_shouldBeDistinctUnorderedAndDeterministic() {
        CorrelationMatrix c = Pearson.topN(SampleReports.matrix(20, 50, 5), 50, TopStrategies.Definition.TOTAL_PNL);

        List<int[]> a = c.samplePairs(300, 7);
        List<int[]> b = c.samplePairs(300, 7);
        Set<Long> seen = new HashSet<>();
        for (int[] p : a) {
            assertThat(p[0]).isLessThan(p[1]);
            assertThat(seen.add(p[0] * 1000L + p[1])).isTrue();
        }
        assertThat(a).hasSize(300);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i)).containsExactly(b.get(i));
        }
        assertThat(Pearson.topN(SampleReports.matrix(20, 5, 5), 5, TopStrategies.Definition.TOTAL_PNL)
                .samplePairs(100, 1)).hasSize(10);
    }

    @Test
    void downsampled_largeMatrix_shouldBlockAverageDefinedCells() {
        PnlMatrix m = SampleReports.matrix(30, 250, 8);
        CorrelationMatrix c = Pearson.topN(m, 250, TopStrategies.Definition.FILE_ORDER);

        double[][] cells = c.downsampled(100);

        assertThat(c.blockSize(100)).isEqualTo(3);
        assertThat(cells).hasDimensions(84, 84);
        // block (0,0) covers strategies 0..2, one of which (index 2) is constant: its cells are skipped
        double sum = 0;
        int count = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (!Double.isNaN(c.get(i, j))) {
                    sum += c.get(i, j);
                    count++;
                }
            }
        }
        assertThat(count).isEqualTo(4);
        assertThat(cells[0][0]).isCloseTo(sum / count, within(1e-15));
        // the last block holds only strategy 249
        assertThat(cells[83][83]).isEqualTo(1.0);
        assertThat(Pearson.topN(m, 40, TopStrategies.Definition.FILE_ORDER).downsampled(100)).hasDimensions(40, 40);
    }
}
