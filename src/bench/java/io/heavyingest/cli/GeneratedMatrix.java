package io.heavyingest.cli;

import io.heavyingest.csv.WideCsvReader;
import io.heavyingest.csv.WideRow;
import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;
import io.heavyingest.optimize.PnlMatrix;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated dataset as a matrix, without a warehouse: the generator's CSV bytes parsed by the same reader the
 * loader uses, so the values are exactly those a load of the generated file would hold.
 */
final class GeneratedMatrix {
    private GeneratedMatrix() {
    }

    static PnlMatrix of(GeneratorSpec spec) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(48 << 20);
        PnlFileGenerator.write(spec, bytes);
        String source = "generated:" + spec.days() + "x" + spec.strategies() + "_seed" + spec.seed();
        return parse(new ByteArrayInputStream(bytes.toByteArray()), source);
    }

    /** A CSV file (plain or .gz) read into a matrix by the loader's reader, without a warehouse. */
    static PnlMatrix fromFile(java.nio.file.Path file) throws IOException {
        java.io.InputStream in = java.nio.file.Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new java.util.zip.GZIPInputStream(in, 1 << 16);
        }
        try (java.io.InputStream stream = in) {
            return parse(stream, file.toString());
        }
    }

    private static PnlMatrix parse(java.io.InputStream in, String source) throws IOException {
        try (WideCsvReader reader = new WideCsvReader(in, source)) {
            List<String> names = reader.header().strategies();
            int width = names.size();
            List<double[]> rows = new ArrayList<>();
            List<LocalDate> dates = new ArrayList<>();
            long nulls = 0;
            WideRow row = new WideRow(width);
            while (reader.next(row)) {
                dates.add(row.date());
                rows.add(row.values().clone());
                nulls += row.missingCount();
            }
            int days = rows.size();
            double[] values = new double[width * days];
            for (int t = 0; t < days; t++) {
                double[] r = rows.get(t);
                for (int s = 0; s < width; s++) {
                    values[s * days + t] = r[s];   // a missing cell reads as 0 already
                }
            }
            return new PnlMatrix(source, List.copyOf(dates), List.copyOf(names), values, nulls);
        }
    }
}
