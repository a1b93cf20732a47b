package io.heavyingest.generate;

import io.heavyingest.csv.WideCsvReader;
import io.heavyingest.csv.WideRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statistics of a wide file that the generator must match: per-strategy max drawdown, win rate and daily
 * volatility (their quartiles), the share of flat (0.0) values and the mean pairwise correlation.
 */
record SampleStatistics(double[] maxDrawdown, double[] winRate, double[] volatility, double flatShare,
                        double meanCorrelation) {

    static SampleStatistics of(byte[] csv) throws IOException {
        return of(new ByteArrayInputStream(csv));
    }

    static SampleStatistics of(InputStream in) throws IOException {
        double[][] s = series(in);
        int n = s.length;
        int days = s[0].length;
        double[] dd = new double[n];
        double[] win = new double[n];
        double[] vol = new double[n];
        double[][] z = new double[n][days];
        long flat = 0;
        for (int i = 0; i < n; i++) {
            double equity = 0;
            double peak = Double.NEGATIVE_INFINITY;
            double mean = 0;
            int wins = 0;
            for (double v : s[i]) {
                equity += v;
                peak = Math.max(peak, equity);
                dd[i] = Math.max(dd[i], peak - equity);
                wins += v > 0 ? 1 : 0;
                flat += v == 0 ? 1 : 0;
                mean += v / days;
            }
            double squares = 0;
            for (double v : s[i]) {
                squares += (v - mean) * (v - mean);
            }
            win[i] = (double) wins / days;
            vol[i] = Math.sqrt(squares / (days - 1));
            double norm = Math.sqrt(squares);
            for (int t = 0; t < days; t++) {
                z[i][t] = norm > 0 ? (s[i][t] - mean) / norm : 0;
            }
        }
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double c = 0;
                for (int t = 0; t < days; t++) {
                    c += z[i][t] * z[j][t];
                }
                sum += c;
                pairs++;
            }
        }
        return new SampleStatistics(quartiles(dd), quartiles(win), quartiles(vol), (double) flat / ((long) n * days),
                sum / pairs);
    }

    /** 25th, 50th and 75th percentiles. */
    static double[] quartiles(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return new double[] {v[v.length / 4], v[v.length / 2], v[3 * v.length / 4]};
    }

    /** {@code series[s][t]} of a wide CSV. */
    static double[][] series(InputStream in) throws IOException {
        try (WideCsvReader reader = new WideCsvReader(in, "sample")) {
            int width = reader.header().strategies().size();
            List<double[]> rows = new ArrayList<>();
            WideRow row = new WideRow(width);
            while (reader.next(row)) {
                rows.add(row.values().clone());
            }
            double[][] s = new double[width][rows.size()];
            for (int t = 0; t < rows.size(); t++) {
                for (int i = 0; i < width; i++) {
                    s[i][t] = rows.get(t)[i];
                }
            }
            return s;
        }
    }

    @Override
    public String toString() {
        return String.format("maxDD quartiles %s, win rate %s, volatility %s, flat %.4f, mean corr %.4f",
                Arrays.toString(maxDrawdown), Arrays.toString(winRate), Arrays.toString(volatility), flatShare,
                meanCorrelation);
    }
}
