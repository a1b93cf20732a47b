package io.heavyingest.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One-line logs on stderr for the local command: warnings only, or progress with --verbose. */
final class Logging {
    /** Held so the configured level is not lost when the logger is garbage collected. */
    private static final Logger PRODUCT = Logger.getLogger("io.heavyingest");

    private Logging() {
    }

    private static volatile boolean verbose;

    /** Whether the command runs with --verbose. */
    static boolean verbose() {
        return verbose;
    }

    static void configure(boolean verbose) {
        Logging.verbose = verbose;
        // JBoss Logging would otherwise pick whichever backend happens to be on the class path
        System.setProperty("org.jboss.logging.provider", "jdk");
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.ALL);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                return r.getLevel().getName().toLowerCase() + ": " + formatMessage(r) + System.lineSeparator();
            }
        });
        root.addHandler(handler);
        root.setLevel(Level.WARNING);
        PRODUCT.setLevel(verbose ? Level.INFO : Level.WARNING);
    }
}
