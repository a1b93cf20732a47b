package io.heavyingest.cli;

import io.heavyingest.bench.MemoryBenchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code bench-memory [--runs 3] [--scale 16] [--repeat 5] [--jvm -Xmx512m,...] [--baseline DIR]
 * [--set name=value,...]}: peak heap and RSS of an embedded ingest in a fresh JVM per case, and the load's phases.
 */
final class BenchMemoryCommand implements Command {

    @Override
    public String summary() {
        return "bench-memory [--runs 3] [--scale 16] [--repeat 5] [--jvm A,B] [--baseline DIR] [--set k=v,...]"
                + "  heap/RSS per file length, load phases";
    }

    @Override
    public int run(String[] argv, Context context) throws Exception {
        Args args = new Args(argv, Set.of("runs", "scale", "repeat", "jvm", "baseline", "set"));
        int runs = (int) args.longOption("runs", 3);
        int scale = (int) args.longOption("scale", 16);
        int repeat = (int) args.longOption("repeat", 5);
        String jvm = args.option("jvm", "-XX:MaxRAM=1024m,-XX:MaxRAMPercentage=85,-XX:+UseSerialGC");
        String baselineDir = args.option("baseline", null);
        Path baseline = baselineDir == null ? null : Path.of(baselineDir);
        String set = args.option("set", "");
        List<String> settings = set.isBlank() ? List.of() : Arrays.asList(set.split(","));
        args.rejectUnknown();
        new MemoryBenchmark(System.out, Path.of("target", "bench")).run(Math.max(1, runs), Math.max(1, scale),
                Math.max(1, repeat), jvm.isBlank() ? List.of() : Arrays.asList(jvm.split(",")), baseline, settings);
        return Main.OK;
    }
}
