package io.heavyingest.cli;

import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;

/**
 * What a command may use beyond its arguments: the settings, loaded once per invocation of the local command (and
 * only by commands that need them), and the composition root built on them.
 */
final class Context {
    private Settings settings;

    /** The settings; an invalid value fails here, naming its property. */
    Settings settings() {
        if (settings == null) {
            try {
                settings = Settings.load();
            } catch (RuntimeException e) {
                throw new SettingsException(e);
            }
        }
        return settings;
    }

    /** Opens the configured warehouse and the services on it; the caller closes it. */
    Components open() {
        return Components.open(settings());
    }

    /** Invalid configuration: reported as a usage error, with the setting's name. */
    static final class SettingsException extends RuntimeException {
        SettingsException(RuntimeException cause) {
            super(firstLine(cause), cause);
        }

        /** SmallRye's multi-line report as one line: the library's codes and exception class names left out. */
        private static String firstLine(RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return "invalid settings: " + m.lines()
                    .map(l -> l.replaceAll("(java\\.lang\\.)?[A-Za-z]*Exception: ", "")
                            .replaceAll("SRCFG\\d+: ", "").strip())
                    .filter(l -> !l.isEmpty() && !l.startsWith("Configuration validation failed"))
                    .reduce((a, b) -> a + "; " + b).orElse(m);
        }
    }
}
