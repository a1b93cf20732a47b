package io.heavyingest.csv;

import io.heavyingest.text.SafeText;

/**
 * A wide P&L file that breaks a validation rule. Carries where the problem is (source, 1-based line and
 * column, strategy when the column is a strategy) so that users can fix the file without a stack trace.
 */
public final class CsvFormatException extends RuntimeException {
    private final CsvProblem problem;
    private final String source;
    private final long line;
    private final int column;
    private final String strategy;
    private final String detail;

    /**
     * Every text argument may quote the input: the message escapes and cuts each ({@link SafeText}) here, once, so
     * the message, and the history row and error report that carry it, never hold raw control bytes or megabytes
     * of a broken field. {@link #strategy()} stays the name exactly as read (data, not text to print).
     */
    public CsvFormatException(CsvProblem problem, String source, long line, int column, String strategy, String detail) {
        super(format(SafeText.fragment(source), line, column, strategy == null ? null : SafeText.fragment(strategy),
                SafeText.message(detail)));
        this.problem = problem;
        this.source = source;
        this.line = line;
        this.column = column;
        this.strategy = strategy;
        this.detail = SafeText.message(detail);
    }

    private static String format(String source, long line, int column, String strategy, String detail) {
        StringBuilder sb = new StringBuilder().append(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (line > 0 && column > 0) {
            sb.append(':').append(column);
        }
        sb.append(": ").append(detail);
        if (strategy != null) {
            sb.append(" (strategy \"").append(strategy).append("\")");
        }
        return sb.toString();
    }

    public CsvProblem problem() { return problem; }

    /** Name of the file or object the problem is in. */
    public String source() { return source; }

    /** 1-based line of the record that holds the problem; 0 when the problem is not in a line (a broken gzip). */
    public long line() { return line; }

    /** 1-based column (field position); 0 when the problem concerns the whole line. */
    public int column() { return column; }

    /** Strategy of the offending column as read, or null when the column is not a strategy. */
    public String strategy() { return strategy; }

    /** The problem without its location. */
    public String detail() { return detail; }
}
