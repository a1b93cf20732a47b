package io.heavyingest.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmarks' command line: {@code bench}, {@code bench-heavydb}, {@code bench-optimize} next to the local
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
        commands.put("bench-heavydb", new BenchHeavyDbCommand());
        commands.put("bench-optimize", new BenchOptimizeCommand());
        return commands;
    }

    public static void main(String[] args) {
        Logging.configure(Arrays.asList(args).contains("--verbose"));
        Map<String, Command> commands = commands();
        String name = args.length == 0 ? "" : args[0];
        Command command = commands.get(name);
        if (command == null) {
            System.err.println(Main.usage(commands));
            System.exit(name.isEmpty() || "--help".equals(name) ? Main.OK : Main.USAGE);
        }
        System.exit(Command.execute(command, name, Arrays.copyOfRange(args, 1, args.length), new Context()));
    }
}
