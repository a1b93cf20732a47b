package io.heavyingest.bench;

import io.heavyingest.csv.CsvLimits;
import io.heavyingest.csv.WideCsvReader;
import io.heavyingest.csv.WideRow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parse-only pass over a file: what the reader alone costs, no warehouse. */
public final class ParseBenchmark {
    private ParseBenchmark() {
    }

    /** Reads every row on one thread and returns a checksum of the values so the JIT cannot drop the work. */
    public static double parse(Path file) throws IOException {
        return parse(file, 1);
    }

    /** Reads every row with {@code threads} parse threads and returns a checksum of the values. */
    public static double parse(Path file, int threads) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             WideCsvReader reader = new WideCsvReader(in, file.toString(), CsvLimits.DEFAULTS, threads)) {
            WideRow row = new WideRow(reader.header().strategies().size());
            double sum = 0;
            while (reader.next(row)) {
                double[] v = row.values();
                sum += v[0] + v[v.length - 1] + row.missingCount();
            }
            return sum;
        }
    }
}
