package io.heavyingest.cli;

import io.heavyingest.bench.IngestBenchmark;

import java.nio.file.Path;
import java.util.Set;

/** {@code bench [--runs 5] [--scale 16]}: parse and ingest figures for the production-shaped file. */
final class BenchCommand implements Command {

    @Override
    public String summary() {
        return "bench [--runs 5] [--scale 16]                       parse/ingest speed and peak heap";
    }

    @Override
    public int run(String[] argv, Context context) throws Exception {
        Args args = new Args(argv, Set.of("runs", "scale"));
        int runs = (int) args.longOption("runs", 5);
        int scale = (int) args.longOption("scale", 16);
        args.rejectUnknown();
        new IngestBenchmark(System.out, Path.of("target", "bench")).run(Math.max(1, runs), Math.max(1, scale));
        return Main.OK;
    }
}
