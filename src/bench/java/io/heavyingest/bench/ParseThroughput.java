package io.heavyingest.bench;

import io.heavyingest.csv.CsvLimits;
import io.heavyingest.csv.WideCsvReader;
import io.heavyingest.csv.WideRow;
import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Parse throughput of the reader on a file held in memory (no disk, no warehouse): every value parsed and
 * validated, at each requested thread count, and side by side Python's {@code csv} module converting every value
 * with {@code float()}, the tool an analyst would reach for. Prints one line per measurement and a Markdown table.
 *
 * <p>Runs against any build of the reader: a build without the parse-thread setting reports its thread rows as not
 * available, so the same class measures the code before and after a change ({@code scripts/bench-parse.sh}).
 *
 * <pre>
 * java [-XX:TieredStopAtLevel=1 -XX:+UseSerialGC] -cp ... io.heavyingest.bench.ParseThroughput \
 *     [--file F] [--runs 9] [--threads 1,2] [--python-runs 3] [--label NAME]
 * </pre>
 */
public final class ParseThroughput {
    private static final String PYTHON = String.join("\n",
            "import csv, sys, time",
            "path, runs = sys.argv[1], int(sys.argv[2])",
            "for _ in range(runs):",
            "    t, c = time.perf_counter(), time.process_time()",
            "    total = 0.0",
            "    with open(path, newline='') as f:",
            "        rows = csv.reader(f)",
            "        next(rows)",
            "        for row in rows:",
            "            for cell in row[2:]:",
            "                if cell:",
            "                    total += float(cell)",
            "    print('%.6f %.6f %r' % (time.perf_counter() - t, time.process_time() - c, total), flush=True)",
            "");

    private final PrintStream out;
    private final List<String[]> table = new ArrayList<>();

    public ParseThroughput(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of("target/data/pnl_82x25544_seed42.csv");
        int runs = 9;
        int pythonRuns = 3;
        String threads = "1,2";
        String label = "this build";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--summarize" -> {
                    summarize(Path.of(args[++i]), System.out);
                    return;
                }
                case "--file" -> file = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--threads" -> threads = args[++i];
                case "--python-runs" -> pythonRuns = Integer.parseInt(args[++i]);
                case "--label" -> label = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --file, --runs, --threads, --python-runs, --label)");
            }
        }
        ParseThroughput bench = new ParseThroughput(System.out);
        bench.run(file, runs, threads, pythonRuns, label);
    }

    /** Measures {@code file} (generated production-shaped when absent) and prints the figures and the table. */
    public void run(Path file, int runs, String threadList, int pythonRuns, String label) throws Exception {
        if (!Files.exists(file)) {
            out.printf("generating %s ...%n", file);
            Files.createDirectories(file.toAbsolutePath().getParent());
            PnlFileGenerator.write(GeneratorSpec.production(42), file);
        }
        byte[] bytes = Files.readAllBytes(file);
        String jit = jitMode();
        out.printf("%s: %,d bytes; %d cores (shared machine: compare rows of one run), java %s, %s%n",
                file.getFileName(), bytes.length, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), jit);
        for (String t : threadList.split(",")) {
            int threads = Integer.parseInt(t.strip());
            measureJava(bytes, runs, threads, label, jit);
        }
        if (pythonRuns > 0) {
            measurePython(file, bytes.length, pythonRuns);
        }
        out.println();
        out.println(HEADER);
        out.println("|---|---|---|---|---|---|");
        for (String[] row : table) {
            out.println("| " + String.join(" | ", row) + " |");
        }
    }

    private static final String HEADER =
            "| parser | JIT | threads | median ms | MB/s (median, wall) | MB/s (CPU time of 1 thread) |";

    /**
     * Reads the table rows of several runs (the output of this class, concatenated) and prints one table with, per
     * parser, JIT and thread count, the median of each figure over the runs, in order of first appearance.
     */
    static void summarize(Path outputs, PrintStream out) throws IOException {
        java.util.Map<String, List<String[]>> rows = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(outputs)) {
            if (!line.startsWith("| ") || line.equals(HEADER)) {
                continue;
            }
            String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
            rows.computeIfAbsent(cells[0] + "|" + cells[1] + "|" + cells[2], k -> new ArrayList<>()).add(cells);
        }
        out.println(HEADER.replace("median ms", "median ms (median of rounds)"));
        out.println("|---|---|---|---|---|---|");
        for (List<String[]> same : rows.values()) {
            String[] first = same.get(0);
            StringBuilder sb = new StringBuilder("| ").append(first[0]).append(" | ").append(first[1]).append(" | ")
                    .append(first[2]);
            for (int c = 3; c < first.length; c++) {
                List<Double> numbers = new ArrayList<>();
                for (String[] r : same) {
                    try {
                        numbers.add(Double.parseDouble(r[c]));
                    } catch (NumberFormatException e) {
                        // "n/a", "-": not a figure
                    }
                }
                sb.append(" | ").append(numbers.isEmpty() ? first[c]
                        : String.format(c == 3 || first[c].contains(".") ? "%.1f" : "%.0f", median(numbers)));
            }
            out.println(sb.append(" |"));
        }
        out.println("(" + rows.values().stream().mapToInt(List::size).max().orElse(0) + " rounds)");
    }

    private void measureJava(byte[] bytes, int runs, int threads, String label, String jit) throws Exception {
        Constructor<WideCsvReader> withThreads = threadedConstructor();
        if (threads != 1 && withThreads == null) {
            out.printf("  %s, %d threads: not available in this build%n", label, threads);
            table.add(new String[] {label, jit, String.valueOf(threads), "n/a", "n/a", "-"});
            return;
        }
        double checksum = 0;
        for (int i = 0; i < 3; i++) { // warm-up: the JIT
            checksum = parse(bytes, threads, withThreads);
        }
        List<Double> millis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long c = cpu.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            double sum = parse(bytes, threads, withThreads);
            millis.add((System.nanoTime() - t) / 1e6);
            cpuMillis.add((cpu.getCurrentThreadCpuTime() - c) / 1e6);
            if (Double.doubleToLongBits(sum) != Double.doubleToLongBits(checksum)) {
                throw new IllegalStateException("checksum changed between runs: " + sum + " vs " + checksum);
            }
        }
        double median = median(millis);
        double cpuMedian = median(cpuMillis);
        out.printf("  %s, %d thread%s: median %.1f ms = %.0f MB/s; calling thread's CPU time %.1f ms = %.0f MB/s"
                        + " (runs ms: %s; checksum %s)%n", label, threads, threads == 1 ? "" : "s", median,
                bytes.length / 1e3 / median, cpuMedian, bytes.length / 1e3 / cpuMedian, format(millis), checksum);
        table.add(new String[] {label, jit, String.valueOf(threads), String.format("%.1f", median),
                String.format("%.0f", bytes.length / 1e3 / median),
                threads == 1 ? String.format("%.0f", bytes.length / 1e3 / cpuMedian) : "-"});
    }

    /** Parses the whole file; returns the sum of every value so no work can be dropped and builds can be compared. */
    private static double parse(byte[] bytes, int threads, Constructor<WideCsvReader> withThreads) throws Exception {
        InputStream in = new ByteArrayInputStream(bytes);
        try (WideCsvReader reader = threads == 1 && withThreads == null ? new WideCsvReader(in, "bench")
                : withThreads.newInstance(in, "bench", CsvLimits.DEFAULTS, threads)) {
            WideRow row = new WideRow(reader.header().strategies().size());
            double sum = 0;
            while (reader.next(row)) {
                double[] v = row.values();
                for (double x : v) {
                    sum += x;
                }
            }
            return sum;
        }
    }

    private static Constructor<WideCsvReader> threadedConstructor() {
        try {
            return WideCsvReader.class.getConstructor(InputStream.class, String.class, CsvLimits.class, int.class);
        } catch (NoSuchMethodException e) {
            return null; // a build from before the parse-thread setting
        }
    }

    private void measurePython(Path file, long size, int runs) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", PYTHON, file.toAbsolutePath().toString(), String.valueOf(runs))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            out.println("  python3 not found: Python csv comparison skipped");
            table.add(new String[] {"Python 3 csv + float()", "-", "1", "python3 not found", "n/a", "-"});
            return;
        }
        List<Double> millis = new ArrayList<>();
        List<Double> cpuMillis = new ArrayList<>();
        String version = "";
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            out.println("  python3 failed: " + output.strip());
            table.add(new String[] {"Python 3 csv + float()", "-", "1", "python3 failed", "n/a", "-"});
            return;
        }
        for (String line : output.strip().split("\n")) {
            String[] parts = line.split(" ");
            millis.add(Double.parseDouble(parts[0]) * 1e3);
            cpuMillis.add(Double.parseDouble(parts[1]) * 1e3);
        }
        try {
            Process v = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            version = new String(v.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            v.waitFor();
        } catch (IOException e) {
            version = "python3";
        }
        double median = median(millis);
        double cpuMedian = median(cpuMillis);
        out.printf("  %s csv + float(): median %.0f ms = %.1f MB/s; CPU time %.0f ms = %.1f MB/s (runs ms: %s)%n",
                version, median, size / 1e3 / median, cpuMedian, size / 1e3 / cpuMedian, format(millis));
        table.add(new String[] {version + " csv + float()", "-", "1", String.format("%.0f", median),
                String.format("%.1f", size / 1e3 / median), String.format("%.1f", size / 1e3 / cpuMedian)});
    }

    private static String jitMode() {
        List<String> flags = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        return flags.stream().anyMatch(f -> f.startsWith("-XX:TieredStopAtLevel=1")) ? "C1 only" : "C2";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format("%.0f", v)).toList());
    }
}
