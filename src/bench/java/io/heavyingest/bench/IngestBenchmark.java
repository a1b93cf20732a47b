package io.heavyingest.bench;

import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;
import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.ingest.IngestResult;
import io.heavyingest.ingest.LocalFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The core pipeline's benchmark: parse-only throughput, end-to-end embedded ingest time and peak heap, for the
 * production-shaped file and a file {@code scale} times longer (same strategies, more days), to show that memory
 * does not grow with the file.
 */
public final class IngestBenchmark {
    private final PrintStream out;
    private final Path workDir;

    public IngestBenchmark(PrintStream out, Path workDir) {
        this.out = out;
        this.workDir = workDir;
    }

    public void run(int runs, int scale) throws IOException {
        Path production = BenchSupport.generated(workDir, GeneratorSpec.production(42), out);
        out.printf("machine: %d cores, java %s, max heap %,d MB%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        measure(production, runs);
        if (scale > 1) {
            GeneratorSpec big = new GeneratorSpec(GeneratorSpec.PRODUCTION_DAYS * scale, GeneratorSpec.PRODUCTION_STRATEGIES,
                    42, GeneratorSpec.PRODUCTION_FIRST_DATE, 1, false);
            measure(BenchSupport.generated(workDir, big, out), Math.max(1, runs / 2));
        }
    }

    private void measure(Path file, int runs) throws IOException {
        long bytes = Files.size(file);
        out.printf("%nfile %s: %,d bytes%n", file.getFileName(), bytes);
        try (HeapMeter heap = new HeapMeter()) {
            // parse only, from the file (page cache), on one and two threads
            for (int threads = 1; threads <= 2; threads++) {
                ParseBenchmark.parse(file, threads); // warm-up: JIT
                List<Double> mbps = new ArrayList<>();
                heap.reset();
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    ParseBenchmark.parse(file, threads);
                    mbps.add(bytes / 1e6 / ((System.nanoTime() - t) / 1e9));
                }
                heap.settle();
                out.printf("  parse only (%d thread%s):  median %.0f MB/s  (runs: %s)%n", threads, threads == 1 ? "" : "s",
                        median(mbps), format(mbps, "%.0f"));
                out.printf("  parse peak heap:         %,d MB used (garbage included), %,d MB live after GC%n",
                        heap.peakUsedBytes() >> 20, heap.peakLiveBytes() >> 20);
            }

            // end to end into a fresh embedded warehouse per run
            List<Double> millis = new ArrayList<>();
            List<Double> parse = new ArrayList<>();
            List<Double> load = new ArrayList<>();
            heap.reset();
            for (int i = -1; i < runs; i++) {
                Path db = workDir.resolve("bench-warehouse-" + i + ".duckdb");
                Files.deleteIfExists(db);
                Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
                Settings settings = Settings.load(Map.of("heavy-ingest.warehouse.duckdb.path", db.toString(),
                        "heavy-ingest.warehouse.kind", "DUCKDB"));
                IngestResult result;
                try (Components components = Components.open(settings)) {
                    long t = System.nanoTime();
                    result = components.ingest().load(LocalFiles.request(file, null));
                    if (i >= 0) { // run -1 warms up the JIT and DuckDB
                        millis.add((System.nanoTime() - t) / 1e6);
                        parse.add((double) result.record().parseMillis());
                        load.add((double) result.record().loadMillis());
                    }
                }
                Files.deleteIfExists(db);
            }
            heap.settle();
            out.printf("  end-to-end ingest:       median %,.0f ms  (runs: %s ms; parse %s, load %s)%n",
                    median(millis), format(millis, "%.0f"), format(parse, "%.0f"), format(load, "%.0f"));
            out.printf("  end-to-end throughput:   %.1f MB/s, %,.0f rows/s%n", bytes / 1e3 / median(millis),
                    (double) countRows(file) / (median(millis) / 1e3));
            out.printf("  ingest peak heap:        %,d MB used (garbage included), %,d MB live after GC%n",
                    heap.peakUsedBytes() >> 20, heap.peakLiveBytes() >> 20);
        }
    }

    private static long countRows(Path file) throws IOException {
        try (var in = Files.newInputStream(file);
             var reader = new io.heavyingest.csv.WideCsvReader(in, file.toString())) {
            var row = new io.heavyingest.csv.WideRow(reader.header().strategies().size());
            long days = 0;
            while (reader.next(row)) {
                days++;
            }
            return days * row.size();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values, String pattern) {
        return String.join(", ", values.stream().map(v -> String.format(pattern, v)).toList());
    }
}
