package io.heavyingest.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsed command-line options: {@code --flag}, {@code --name value} and positional arguments. */
final class Args {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final Set<String> used = new HashSet<>();

    /**
     * @param valued option names that take a value; every other {@code --name} is a flag
     */
    Args(String[] args, Set<String> valued) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String name = a.substring(2);
                int eq = name.indexOf('=');
                if (eq > 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (valued.contains(name)) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    options.put(name, args[++i]);
                } else {
                    flags.add(name);
                }
            } else {
                positional.add(a);
            }
        }
    }

    boolean flag(String name) {
        used.add(name);
        return flags.contains(name);
    }

    String option(String name, String fallback) {
        used.add(name);
        return options.getOrDefault(name, fallback);
    }

    long longOption(String name, long fallback) {
        String v = option(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + name + " needs a whole number, not \"" + v + "\"");
        }
    }

    List<String> positional() {
        return positional;
    }

    /** Rejects options the command did not ask for, so typos do not pass silently. */
    void rejectUnknown() {
        used.add("verbose");
        for (String name : options.keySet()) {
            if (!used.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
        for (String name : flags) {
            if (!used.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }
}
