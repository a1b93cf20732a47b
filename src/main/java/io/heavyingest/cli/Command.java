package io.heavyingest.cli;

import io.heavyingest.csv.CsvFormatException;

/** One sub-command of the local command. */
interface Command {

    /** One line for the usage text. */
    String summary();

    /** Runs the command; returns the exit code. Throws for failures, which {@link #execute} maps to codes. */
    int run(String[] args) throws Exception;

    /** Runs {@code command}, turning failures into one line on stderr and an exit code. */
    static int execute(Command command, String name, String[] args) {
        try {
            return command.run(args);
        } catch (UsageException e) {
            System.err.println("heavy-ingest " + name + ": " + e.getMessage());
            return Main.USAGE;
        } catch (CsvFormatException e) {
            System.err.println("error: " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (Exception e) {
            if (Logging.verbose()) {
                e.printStackTrace(); // --verbose: the whole cause chain for a bug report
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            System.err.println("failed: " + message.lines().findFirst().orElse(message));
            return Main.FAILURE;
        }
    }
}
