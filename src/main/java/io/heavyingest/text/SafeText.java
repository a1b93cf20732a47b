package io.heavyingest.text;

/**
 * Text from the input made safe to show: in error messages, on the terminal, in the load history, in error
 * reports and in logs. Control and other non-printable characters become {@code \\uXXXX} escapes (a binary file's
 * NUL bytes print as {@code \\u0000}, never raw), and long text is cut to a short prefix that says how much was
 * left out, so a 200 MB field cannot become a 200 MB message.
 */
public final class SafeText {
    /** Characters kept of one quoted input fragment (a field, a name, a key). */
    public static final int FRAGMENT = 120;
    /** Characters kept of a whole message. */
    public static final int MESSAGE = 1_000;

    private SafeText() {
    }

    /** {@code text} escaped and cut to {@link #FRAGMENT} characters; "null" for null. */
    public static String fragment(CharSequence text) {
        return escape(text, FRAGMENT);
    }

    /** A whole message escaped and cut to {@link #MESSAGE} characters, on one line. */
    public static String message(CharSequence text) {
        return escape(text, MESSAGE);
    }

    /**
     * {@code text} with every non-printable character escaped as {@code \\uXXXX}, cut after {@code maxChars}
     * characters of input with a note of how many more there were.
     */
    public static String escape(CharSequence text, int maxChars) {
        if (text == null) {
            return "null";
        }
        int n = text.length();
        int keep = Math.min(n, Math.max(0, maxChars));
        if (keep < n && keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--; // do not split a surrogate pair
        }
        StringBuilder sb = null;
        for (int i = 0; i < keep; i++) {
            char c = text.charAt(i);
            boolean printable = printable(text, i, c);
            if (!printable && sb == null) {
                sb = new StringBuilder(keep + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (printable) {
                    sb.append(c);
                } else {
                    sb.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        if (sb == null) {
            if (keep == n) {
                return text.toString();
            }
            sb = new StringBuilder(keep + 40).append(text, 0, keep);
        }
        if (keep < n) {
            sb.append("... (").append(n - keep).append(" more characters)");
        }
        return sb.toString();
    }

    private static boolean printable(CharSequence text, int i, char c) {
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> c != '\uFFFD';
        };
    }
}
