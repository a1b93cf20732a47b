package io.heavyingest.generate;

import io.heavyingest.csv.WideCsvReader;
import io.heavyingest.csv.WideRow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The real sample the generator draws from: 500 strategy columns x 82 weekly days of a production file
 * ({@code sensex_500x82.csv.gz} next to this class, the same data as the test resource), read once.
 */
final class RealSample {
    private static final String RESOURCE = "sensex_500x82.csv.gz";
    private static volatile RealSample instance;

    /** {@code series[s][t]}: P&amp;L of sample strategy s on sample day t. */
    private final double[][] series;

    private RealSample(double[][] series) {
        this.series = series;
    }

    static RealSample get() {
        RealSample s = instance;
        if (s == null) {
            synchronized (RealSample.class) {
                s = instance;
                if (s == null) {
                    s = instance = read();
                }
            }
        }
        return s;
    }

    int strategies() { return series.length; }

    int days() { return series[0].length; }

    double value(int strategy, int day) { return series[strategy][day]; }

    private static RealSample read() {
        try (InputStream raw = RealSample.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("generator resource " + RESOURCE + " is missing from the class path");
            }
            try (WideCsvReader reader = new WideCsvReader(new GZIPInputStream(raw), RESOURCE)) {
                int width = reader.header().strategies().size();
                List<double[]> rows = new ArrayList<>();
                WideRow row = new WideRow(width);
                while (reader.next(row)) {
                    rows.add(row.values().clone());
                }
                double[][] series = new double[width][rows.size()];
                for (int t = 0; t < rows.size(); t++) {
                    for (int s = 0; s < width; s++) {
                        series[s][t] = rows.get(t)[s];
                    }
                }
                return new RealSample(series);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read generator resource " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
