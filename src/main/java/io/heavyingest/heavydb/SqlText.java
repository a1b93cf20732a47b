package io.heavyingest.heavydb;

import java.util.regex.Pattern;

/**
 * The one place where values become HeavyDB SQL text. HeavyDB's {@code sql_execute} takes no bind parameters, so
 * a literal is rendered here and nowhere else: strings in single quotes with embedded quotes doubled, names only
 * when they are plain lower-case identifiers.
 */
public final class SqlText {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private SqlText() {
    }

    /**
     * A string literal: {@code 'it''s'}. Refuses NUL and other control characters, which HeavyDB's parser would
     * not keep as written.
     */
    public static String literal(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a SQL literal cannot be null");
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("a SQL literal cannot hold control character U+"
                        + String.format("%04X", (int) c) + " (at index " + i + ")");
            }
            if (c == '\'') {
                sb.append('\'');
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /** A table or column name: returned unchanged when it is a plain lower-case identifier, else refused. */
    public static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL name: " + (name == null ? "null" : "\""
                    + name.replaceAll("\\p{Cntrl}", "?") + "\"") + " (use [a-z_][a-z0-9_]*, at most 63 characters)");
        }
        return name;
    }
}
