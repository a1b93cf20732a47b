package io.heavyingest.optimize;

import io.heavyingest.optimize.PnlMatrix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Small matrices for tests, written series by series. */
final class Matrices {
    private Matrices() {
    }

    /** One series per strategy (all of the same length), weekly dates from 2024-01-04, names s0, s1, ... */
    static PnlMatrix of(double[]... series) {
        int days = series[0].length;
        List<String> names = new ArrayList<>();
        double[] values = new double[series.length * days];
        for (int s = 0; s < series.length; s++) {
            names.add("s" + s);
            System.arraycopy(series[s], 0, values, s * days, days);
        }
        List<LocalDate> dates = new ArrayList<>();
        for (int t = 0; t < days; t++) {
            dates.add(LocalDate.of(2024, 1, 4).plusWeeks(t));
        }
        return new PnlMatrix("test", dates, names, values, 0);
    }

    /** Prepared with 52 periods a year, so annualized figures are easy to check by hand. */
    static StrategyUniverse universe(double[]... series) {
        return StrategyUniverse.of(of(series), 52);
    }
}
