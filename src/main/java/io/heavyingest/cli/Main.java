package io.heavyingest.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local command: {@code heavy-ingest <command> [options]}. With no command it runs the whole local pipeline
 * on the embedded default. Exit codes: 0 success, 1 bad input, 2 usage error, 3 warehouse or I/O failure.
 */
public final class Main {
    static final int OK = 0;
    static final int BAD_INPUT = 1;
    static final int USAGE = 2;
    static final int FAILURE = 3;

    private Main() {
    }

    /** Commands by name, in the order the usage text lists them. */
    static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("run", new RunCommand());
        commands.put("ingest", new IngestCommand());
        commands.put("datasets", new DatasetsCommand());
        commands.put("generate", new GenerateCommand());
        commands.put("optimize", new OptimizeCommand());
        commands.put("bench", new BenchCommand());
        commands.put("bench-heavydb", new BenchHeavyDbCommand());
        commands.put("bench-optimize", new BenchOptimizeCommand());
        commands.put("bench-convergence", new BenchConvergenceCommand());
        return commands;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command and returns its exit code; never calls System.exit, so tests can call it. */
    public static int run(String[] args) {
        Logging.configure(Arrays.asList(args).contains("--verbose"));
        String name = args.length == 0 ? "run" : args[0];
        Map<String, Command> commands = commands();
        Command command = commands.get(name);
        if (command == null || "--help".equals(name) || "help".equals(name)) {
            System.err.println(usage(commands));
            return command == null && !"--help".equals(name) && !"help".equals(name) ? USAGE : OK;
        }
        String[] rest = args.length == 0 ? new String[0] : Arrays.copyOfRange(args, 1, args.length);
        return Command.execute(command, name, rest);
    }

    static String usage(Map<String, Command> commands) {
        StringBuilder sb = new StringBuilder("usage: heavy-ingest <command> [options]\n\ncommands:\n");
        commands.forEach((name, c) -> sb.append(String.format("  %-14s %s%n", name, c.summary())));
        sb.append("\nEvery command takes --verbose (progress logs on stderr). Settings: config/application.properties,")
                .append("\nsystem properties (-Dheavy-ingest.x=y) or environment (HEAVY_INGEST_X=y).");
        return sb.toString();
    }
}
