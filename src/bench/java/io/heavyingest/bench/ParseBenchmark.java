package io.heavyingest.bench;

import io.heavyingest.csv.WideCsvReader;
import io.heavyingest.csv.WideRow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parse-only pass over a file: what the reader alone costs, one core, no warehouse. */
public final class ParseBenchmark {
    private ParseBenchmark() {
    }

    /** Reads every row and returns a checksum of the values so the JIT cannot drop the work. */
    public static double parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             WideCsvReader reader = new WideCsvReader(in, file.toString())) {
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
