package io.heavyingest.cli;

import io.heavyingest.csv.CsvFormatException;
import io.heavyingest.text.SafeText;

/** One sub-command of the local command. */
interface Command {

    /** One line for the usage text. */
    String summary();

    /** Runs the command; returns the exit code. Throws for failures, which {@link #execute} maps to codes. */
    int run(String[] args, Context context) throws Exception;

    /** Runs {@code command}, turning failures into one escaped line on stderr and an exit code. */
    static int execute(Command command, String name, String[] args, Context context) {
        try {
            return command.run(args, context);
        } catch (UsageException e) {
            System.err.println("heavy-ingest " + name + ": " + SafeText.message(e.getMessage()));
            return Main.USAGE;
        } catch (Context.SettingsException e) {
            System.err.println("heavy-ingest " + name + ": " + SafeText.message(e.getMessage()));
            return Main.USAGE;
        } catch (CsvFormatException e) {
            System.err.println("error: " + SafeText.message(e.getMessage()));
            return Main.BAD_INPUT;
        } catch (Exception e) {
            if (Logging.verbose()) {
                e.printStackTrace(); // --verbose: the whole cause chain for a bug report
            }
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            System.err.println("failed: " + SafeText.message(message.lines().findFirst().orElse(message)));
            return Main.FAILURE;
        }
    }
}
