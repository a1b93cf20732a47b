package io.heavyingest.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmarks' command line: {@code bench}, {@code bench-parse}, {@code bench-heavydb}, {@code bench-optimize} next to the local
 * command's own commands. Lives in the bench source set, so nothing of it ships in the Lambda package. Run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.heavyingest.cli.BenchMain
 * -Dexec.args="bench --runs 5"}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("bench", new BenchCommand());
        commands.put("bench-parse", new BenchParseCommand());
        commands.put("bench-memory", new BenchMemoryCommand());
        commands.put("bench-heavydb", new BenchHeavyDbCommand());
        commands.put("bench-optimize", new BenchOptimizeCommand());
        commands.put("bench-convergence", new BenchConvergenceCommand());
        return commands;
    }

    public static void main(String[] args) {
        System.exit(Main.run(args, commands(), null));
    }
}
