package io.heavyingest.cli;

import io.heavyingest.bench.ParseThroughput;

import java.nio.file.Path;
import java.util.Set;

/**
 * {@code bench-parse [--runs 9] [--threads 1,2] [--python-runs 3] [--file F]}: parse MB/s of the production-shaped
 * file on one and two threads, next to Python's csv module on the same file. {@code scripts/bench-parse.sh} runs the
 * same next to a baseline build and under Lambda's C1-only flags.
 */
final class BenchParseCommand implements Command {

    @Override
    public String summary() {
        return "bench-parse [--runs 9] [--threads 1,2] [--python-runs 3] [--file F]  parse MB/s, Python csv beside";
    }

    @Override
    public int run(String[] argv, Context context) throws Exception {
        Args args = new Args(argv, Set.of("runs", "threads", "python-runs", "file"));
        int runs = (int) args.longOption("runs", 9);
        int pythonRuns = (int) args.longOption("python-runs", 3);
        String threads = args.option("threads", "1,2");
        Path file = Path.of(args.option("file", "target/data/pnl_82x25544_seed42.csv"));
        args.rejectUnknown();
        if (runs < 1 || pythonRuns < 0 || !threads.matches("\\d+(,\\d+)*")) {
            throw new UsageException("bench-parse needs --runs >= 1, --python-runs >= 0 and --threads like 1,2");
        }
        new ParseThroughput(System.out).run(file, runs, threads, pythonRuns, "heavy-ingest");
        return Main.OK;
    }
}
