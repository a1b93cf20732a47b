package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EquityCurveTest {
    private static final List<LocalDate> DATES = SampleReports.dates(6);

    @Test
    void of_dailyReturns_shouldCumulateAndMeasureDrawdownFromRunningPeak() {
        EquityCurve c = EquityCurve.of(DATES, new double[] {-2, 5, -1, -3, 4, Double.NaN});

        assertThat(c.equity()).containsExactly(-2, 3, 2, -1, 3, 3);
        assertThat(c.drawdown()).containsExactly(0, 0, 1, 4, 0, 0);
        assertThat(c.maxDrawdown()).isEqualTo(4);
    }

    @Test
    void ofPortfolio_shouldAverageMembersPerDay() {
        double[][] rows = {{1, 3, 100}, {-1, -5, 100}, {2, 2, 100}, {0, 0, 0}, {1, 1, 1}, {0, 4, 0}};
        PnlMatrix m = TestMatrices.ofRows(rows, List.of("a", "b", "c"));

        EquityCurve c = EquityCurve.ofPortfolio(DATES, m, new int[] {0, 1});

        assertThat(c.equity()).containsExactly(2, -1, 1, 1, 2, 4);
        assertThat(c.maxDrawdown()).isEqualTo(3);
    }

    @Test
    void of_mismatchedLengths_shouldBeRejected() {
        assertThatThrownBy(() -> EquityCurve.of(DATES, new double[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 daily returns for 6 dates");
    }
}
