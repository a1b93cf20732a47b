package io.heavyingest.optimize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** The real 500-strategy sample, read plainly (no empty cells in it), under the drawdown floor {@code floor}. */
    static StrategyUniverse realSample(double floor) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("src/test/resources/data/sensex_500x82.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",");
        int strategies = header.length - 2;
        int days = lines.size() - 1;
        double[] values = new double[strategies * days];
        List<LocalDate> dates = new ArrayList<>();
        for (int t = 0; t < days; t++) {
            String[] f = lines.get(t + 1).split(",", -1);
            dates.add(LocalDate.parse(f[0]));
            for (int s = 0; s < strategies; s++) {
                values[s * days + t] = Double.parseDouble(f[s + 2]);
            }
        }
        return StrategyUniverse.of(new PnlMatrix("sample", dates, List.of(Arrays.copyOfRange(header, 2, header.length)),
                values, 0), 0, floor);
    }
}
