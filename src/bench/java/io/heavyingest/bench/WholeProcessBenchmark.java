package io.heavyingest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.heavyingest.json.Json;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Times the local {@code ingest} command as a whole process (JVM start, load, exit) under Lambda's JVM flags
 * ({@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, heap from the memory size), each run
 * into a fresh embedded warehouse, with and without an application class-data archive (AppCDS, made by a training
 * run of the same command on a small file), and optionally with the full tiered compiler. Variants alternate run by
 * run so a noisy machine hits them alike; medians are printed.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.heavyingest.bench.WholeProcessBenchmark \
 *   -Dexec.args="target/data/pnl_82x25544_seed42.csv 5 1024 [other-build/target/classes]"
 * </pre>
 */
public final class WholeProcessBenchmark {
    private static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    private WholeProcessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: WholeProcessBenchmark <file.csv> [runs=5] [memoryMb=1024] [classesDir=target/classes]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int memoryMb = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        Path work = Files.createDirectories(Path.of("target", "whole-process"));
        // another build's target/classes (e.g. a baseline revision compiled elsewhere) can stand in for this one's
        Path classesDir = Path.of(args.length > 3 ? args[3] : "target/classes");
        String classpath = classpath(work, classesDir);
        Path archive = work.resolve("ingest.jsa");
        List<String> heap = List.of("-XX:MaxRAM=" + memoryMb + "m", "-XX:MaxRAMPercentage=85");

        // training run: the same command on a small file, classes archived at exit
        Path small = work.resolve("training.csv");
        writeSmall(file, small, 300);
        Files.deleteIfExists(archive);
        List<String> training = new ArrayList<>(LAMBDA_FLAGS);
        training.addAll(heap);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        Run t = run(classpath, training, small, work.resolve("training.duckdb"));
        System.out.printf("AppCDS archive: %,d bytes from a training run on %s (%d ms)%n", Files.size(archive),
                small.getFileName(), t.wallMillis);

        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("lambda flags", concat(LAMBDA_FLAGS, heap));
        variants.put("lambda flags + AppCDS", concat(LAMBDA_FLAGS, heap, List.of("-XX:SharedArchiveFile=" + archive)));
        variants.put("full tiering + AppCDS", concat(List.of("-XX:+UseSerialGC"), heap,
                List.of("-XX:SharedArchiveFile=" + archive)));
        Map<String, List<Run>> results = new LinkedHashMap<>();
        System.out.printf("%s: %,d bytes, %d runs per variant, %d MB%n", file, Files.size(file), runs, memoryMb);
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                Path db = work.resolve("run-" + i + "-" + v.getKey().replaceAll("\\W+", "-") + ".duckdb");
                Run r = run(classpath, v.getValue(), file, db);
                results.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(r);
                System.out.printf("  %-24s run %d: whole process %,6d ms, load inside %,6d ms, %,d rows%n",
                        v.getKey(), i + 1, r.wallMillis, r.loadMillis, r.rows);
                Files.deleteIfExists(db);
                Files.deleteIfExists(Path.of(db + ".wal"));
            }
        }
        System.out.printf("%nmedians (ms)%n%-24s %14s %12s %16s%n", "variant", "whole process", "load inside",
                "start + exit");
        for (Map.Entry<String, List<Run>> e : results.entrySet()) {
            long wall = median(e.getValue().stream().mapToLong(r -> r.wallMillis).toArray());
            long load = median(e.getValue().stream().mapToLong(r -> r.loadMillis).toArray());
            System.out.printf("%-24s %14d %12d %16d%n", e.getKey(), wall, load, wall - load);
        }
    }

    private record Run(long wallMillis, long loadMillis, long rows) {
    }

    private static Run run(String classpath, List<String> jvm, Path file, Path db) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvm);
        command.addAll(List.of("-Dheavy-ingest.warehouse.kind=duckdb",
                "-Dheavy-ingest.warehouse.duckdb.path=" + db.toAbsolutePath(),
                "-Dheavy-ingest.bucket.local.output-folder=" + db.toAbsolutePath() + ".out",
                "-cp", classpath, "io.heavyingest.cli.Main", "ingest", file.toString(), "--json",
                "--dataset-id", "wholeprocess"));
        Path out = Files.createTempFile("whole-process", ".json");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("ingest did not finish in 10 minutes");
        }
        long wall = (System.nanoTime() - t0) / 1_000_000;
        String json = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("ingest exited " + p.exitValue() + ": " + json);
        }
        JsonNode n = Json.mapper().readTree(json);
        long rows = findLong(n, "rows");
        long total = findLong(n, "totalMillis");
        return new Run(wall, total, rows);
    }

    /** The first numeric field of that name anywhere in the tree. */
    private static long findLong(JsonNode n, String field) {
        JsonNode found = n.findValue(field);
        return found == null || !found.isNumber() ? -1 : found.asLong();
    }

    private static void writeSmall(Path from, Path to, int columns) throws IOException {
        try (var lines = Files.lines(from, StandardCharsets.UTF_8)) {
            String text = lines.map(l -> Arrays.stream(l.split(",", columns + 3)).limit(columns + 2)
                    .collect(Collectors.joining(","))).collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(to, text, StandardCharsets.UTF_8);
        }
    }

    /**
     * The command's class path as jars only (a class-data archive refuses non-empty directories): the main classes
     * packed into one jar, then every dependency jar this benchmark runs with.
     */
    private static String classpath(Path work, Path classes) throws IOException {
        Path jar = work.resolve("heavy-ingest-classes.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        List<String> parts = new ArrayList<>(List.of(jar.toAbsolutePath().toString()));
        for (String entry : BenchSupport.classPath().split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                parts.add(entry);
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
