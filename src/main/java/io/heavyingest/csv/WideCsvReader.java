package io.heavyingest.csv;

import io.heavyingest.text.SafeText;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams a wide P&amp;L file ({@code Date,Day,<strategy...>}) one row at a time and validates it as it goes.
 *
 * <p>Memory is one record plus one {@link WideRow}, whatever the file size. Every rule that fails raises a
 * {@link CsvFormatException} naming the source, line, column and strategy.
 */
public final class WideCsvReader implements AutoCloseable {
    private final RecordScanner scanner;
    private final InputStream in;
    private final String source;
    private final WideHeader header;
    private final CsvLimits limits;
    private final Map<LocalDate, Long> firstLineOfDate = new HashMap<>();
    private long rows;

    /** Opens the stream with the default {@link CsvLimits}. */
    public WideCsvReader(InputStream in, String source) {
        this(in, source, CsvLimits.DEFAULTS);
    }

    /** Opens the stream and reads and validates the header; the stream is closed by {@link #close()}. */
    public WideCsvReader(InputStream in, String source, CsvLimits limits) {
        this.in = in;
        this.source = source;
        this.limits = limits;
        this.scanner = new RecordScanner(in, source, limits);
        this.header = readHeader();
    }

    public WideHeader header() { return header; }

    public String source() { return source; }

    /** Bytes consumed from the input so far. */
    public long bytesRead() { return scanner.bytesRead(); }

    /** Bytes the last record took in the input, line break included. */
    public long lastRecordBytes() { return scanner.recordBytes(); }

    /** Data rows read so far. */
    public long rowsRead() { return rows; }

    private WideHeader readHeader() {
        if (!scanner.next()) {
            throw new CsvFormatException(CsvProblem.EMPTY_FILE, source, 1, 0, null, "file is empty: expected a header line");
        }
        int n = scanner.fieldCount();
        long line = scanner.recordLine();
        if (!"Date".equals(scanner.text(0).strip())) {
            throw new CsvFormatException(CsvProblem.DATE_NOT_FIRST, source, line, 1, null,
                    "first header field must be \"Date\" but is \"" + SafeText.fragment(scanner.text(0)) + "\"");
        }
        boolean hasDay = n > 1 && "Day".equals(scanner.text(1).strip());
        int first = hasDay ? 2 : 1;
        if (n <= first) {
            throw new CsvFormatException(CsvProblem.NO_STRATEGIES, source, line, 0, null,
                    "header names no strategy column");
        }
        List<String> names = new ArrayList<>(n - first);
        Map<String, Integer> columnOf = new HashMap<>(n * 2);
        for (int f = first; f < n; f++) {
            int column = f + 1;
            String name = scanner.strictText(f).orElseThrow(() -> new CsvFormatException(CsvProblem.BAD_ENCODING,
                    source, line, column, null, "strategy name is not valid UTF-8: \""
                            + SafeText.fragment(scanner.text(column - 1)) + "\""));
            if (name.isBlank()) {
                throw new CsvFormatException(CsvProblem.EMPTY_STRATEGY_NAME, source, line, f + 1, null,
                        "strategy name is empty");
            }
            Integer earlier = columnOf.putIfAbsent(name, f + 1);
            if (earlier != null) {
                throw new CsvFormatException(CsvProblem.DUPLICATE_STRATEGY_NAME, source, line, f + 1, name,
                        "strategy name repeats column " + earlier);
            }
            names.add(name);
        }
        return new WideHeader(List.copyOf(names), hasDay, scanner.recordBytes());
    }

    /** Reads the next data row into {@code row}; false at end of input. */
    public boolean next(WideRow row) {
        if (!scanner.next()) {
            if (rows == 0) {
                throw new CsvFormatException(CsvProblem.NO_ROWS, source, scanner.recordLine() + 1, 0, null,
                        "file has a header but no data rows");
            }
            return false;
        }
        long line = scanner.recordLine();
        if (rows == limits.maxDays()) {
            throw new CsvFormatException(CsvProblem.TOO_MANY_DATES, source, line, 0, null,
                    "file has more than " + limits.maxDays() + " data rows (heavy-ingest.ingest.max-days)");
        }
        int n = scanner.fieldCount();
        if (n != header.fieldCount()) {
            int column = Math.min(n, header.fieldCount()) + 1;
            throw new CsvFormatException(CsvProblem.FIELD_COUNT, source, line, n > header.fieldCount() ? column : n, null,
                    "row has " + n + " fields but the header has " + header.fieldCount());
        }
        byte[] b = scanner.bytes();
        LocalDate date = parseDate(b, scanner.start(0), scanner.end(0), line);
        if (header.hasDay()) {
            checkDay(date, line);
        }
        checkUnique(date, line);
        int lead = header.leadingColumns();
        double[] values = row.values;
        boolean[] missing = row.missing;
        int missingCount = 0;
        for (int s = 0, f = lead; s < values.length; s++, f++) {
            int from = scanner.start(f);
            int to = scanner.end(f);
            while (from < to && b[from] == ' ') {
                from++;
            }
            while (to > from && b[to - 1] == ' ') {
                to--;
            }
            if (from == to) {
                values[s] = 0;
                missing[s] = true;
                missingCount++;
                continue;
            }
            double v = DecimalParser.parse(b, from, to);
            if (DecimalParser.isInvalid(v) || !Double.isFinite(v)) {
                throw badValue(s, f, line);
            }
            values[s] = v;
            missing[s] = false;
        }
        row.date = date;
        row.line = line;
        row.missingCount = missingCount;
        rows++;
        return true;
    }

    private CsvFormatException badValue(int strategy, int field, long line) {
        String text = scanner.text(field).strip();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean nonFinite = lower.matches("[+-]?(nan|inf|infinity)") || Double.isInfinite(safeParse(text));
        return new CsvFormatException(nonFinite ? CsvProblem.NOT_FINITE : CsvProblem.BAD_NUMBER, source, line, field + 1,
                header.strategies().get(strategy),
                (nonFinite ? "value must be a finite number but is \"" : "value is not a number: \"") + abbreviate(text) + "\"");
    }

    private static double safeParse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String abbreviate(String text) {
        return SafeText.escape(text, 40);
    }

    private LocalDate parseDate(byte[] b, int from, int to, long line) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        if (to - from == 10 && b[from + 4] == '-' && b[from + 7] == '-') {
            int y = digits(b, from, 4);
            int m = digits(b, from + 5, 2);
            int d = digits(b, from + 8, 2);
            if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (java.time.DateTimeException e) {
                    // falls through to the error below: a day the month does not have
                }
            }
        }
        throw new CsvFormatException(CsvProblem.BAD_DATE, source, line, 1, null,
                "date must be yyyy-MM-dd but is \"" + abbreviate(scanner.text(0).strip()) + "\"");
    }

    private static int digits(byte[] b, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private void checkDay(LocalDate date, long line) {
        String day = scanner.text(1).strip();
        DayOfWeek expected = date.getDayOfWeek();
        String name = expected.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        if (!name.equalsIgnoreCase(day)) {
            throw new CsvFormatException(CsvProblem.DAY_MISMATCH, source, line, 2, null,
                    "day is \"" + abbreviate(day) + "\" but " + date + " is a " + name);
        }
    }

    private void checkUnique(LocalDate date, long line) {
        Long earlier = firstLineOfDate.putIfAbsent(date, line);
        if (earlier != null) {
            throw new CsvFormatException(CsvProblem.DUPLICATE_DATE, source, line, 1, null,
                    "date " + date + " already appears on line " + earlier);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
