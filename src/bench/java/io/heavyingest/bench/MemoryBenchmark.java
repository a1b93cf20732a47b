package io.heavyingest.bench;

import io.heavyingest.generate.GeneratorSpec;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Process memory of an embedded ingest, one child JVM per case so that every figure starts from a fresh process:
 * peak heap and peak RSS (VmHWM) for the production-shaped file and a file {@code scale} times longer, and the
 * load's timings split by phase. With a baseline class folder (a copy of {@code target/classes} from another build)
 * every case also runs on that build, alternating with this one, so both are measured side by side in one run.
 */
public final class MemoryBenchmark {
    private final PrintStream out;
    private final Path workDir;

    public MemoryBenchmark(PrintStream out, Path workDir) {
        this.out = out;
        this.workDir = workDir;
    }

    /**
     * @param runs       child processes per case and build (figures are medians over them)
     * @param scale      length of the long file in production files
     * @param repeat     ingests per child for the timings (the memory figures are the first, cold one)
     * @param jvmOptions options of the child JVMs (for example Lambda's flags and a heap size)
     * @param baseline   class folder of the build to compare with, or null
     * @param properties settings passed to the ingest (name=value)
     */
    public void run(int runs, int scale, int repeat, List<String> jvmOptions, Path baseline, List<String> properties)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("1x", BenchSupport.generated(workDir, GeneratorSpec.production(42), out));
        if (scale > 1) {
            GeneratorSpec longer = new GeneratorSpec(GeneratorSpec.PRODUCTION_DAYS * scale,
                    GeneratorSpec.PRODUCTION_STRATEGIES, 42, GeneratorSpec.PRODUCTION_FIRST_DATE, 1, false);
            files.put(scale + "x", BenchSupport.generated(workDir, longer, out));
        }
        Map<String, String> builds = new LinkedHashMap<>();
        if (baseline != null) {
            builds.put("baseline", baseline.toAbsolutePath().toString());
        }
        builds.put("this", null);
        out.printf("machine: %d cores (shared), child JVM options %s, settings %s, %d run(s) per case, %d ingest(s) per run%n",
                Runtime.getRuntime().availableProcessors(), jvmOptions, properties, runs, repeat);
        for (var file : files.entrySet()) {
            out.printf("%nfile %s (%s): %,d bytes%n", file.getKey(), file.getValue().getFileName(), Files.size(file.getValue()));
            Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
            int perChild = file.getKey().equals("1x") ? repeat : 1;
            for (int r = 0; r < runs; r++) {
                for (var build : builds.entrySet()) {
                    Map<String, Double> figures = child(file.getValue(), build.getValue(), perChild, jvmOptions, properties);
                    out.printf("  run %d %-8s %s%n", r + 1, build.getKey(), figures);
                    var byName = results.computeIfAbsent(build.getKey(), k -> new LinkedHashMap<>());
                    figures.forEach((k, v) -> byName.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                }
            }
            out.printf("  medians over %d run(s):%n", runs);
            for (var build : results.entrySet()) {
                StringBuilder line = new StringBuilder();
                build.getValue().forEach((k, v) -> line.append(' ').append(k).append('=')
                        .append(k.equals("dbBytes") || k.equals("rows") ? String.format("%,.0f", MemoryProbe.median(v))
                                : String.format("%.0f", MemoryProbe.median(v))));
                out.printf("    %-8s%s%n", build.getKey(), line);
            }
        }
    }

    private Map<String, Double> child(Path file, String baseline, int repeat, List<String> jvmOptions,
                                      List<String> properties) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add((baseline == null ? "" : baseline + File.pathSeparator) + BenchSupport.classPath());
        command.add(MemoryProbe.class.getName());
        command.add(file.toString());
        command.add(workDir.resolve("probe").toString());
        command.add(Integer.toString(repeat));
        command.addAll(properties);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Double> figures = new LinkedHashMap<>();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                output.add(line);
                if (line.startsWith("RESULT ")) {
                    for (String part : line.substring(7).split(" ")) {
                        int eq = part.indexOf('=');
                        figures.put(part.substring(0, eq), Double.parseDouble(part.substring(eq + 1)));
                    }
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || figures.isEmpty()) {
            figures.put("failed", (double) exit);
            int from = Math.max(0, output.size() - 15);
            output.subList(from, output.size()).forEach(l -> out.println("    | " + l));
        }
        return figures;
    }
}
