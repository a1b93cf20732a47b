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
 *
 * <p>Rows are read on a fast path where they allow it: when the next record is in the read buffer and is plain (no
 * quotes, no spaces, every value a finite decimal or empty, the expected number of fields), each value is parsed
 * straight from the buffer as its field's end is found ({@link ValueRun}). With more than one parse thread the record
 * is also split by bytes: helper threads ({@link ParseWorker}) each find the fields of and parse one later part of the
 * record while the calling thread does the first, so scanning is shared as well as parsing; the split follows the
 * previous record's length and adapts to whichever side finished last. Any record the fast path does not take (or a
 * split that does not line up) is read again from its start the general way ({@link RecordScanner}, one thread),
 * which also reports every error: the first bad value of a row by column, exactly as with one thread. Rows stay in
 * order and {@link #next(WideRow)} returns when the whole row is parsed. The helpers are daemon threads, stopped at
 * the end of the input, at the first error and by {@link #close()}, and end by themselves when idle for two seconds.
 */
public final class WideCsvReader implements AutoCloseable {
    /** Fewest values a part of a row gets: below this a second thread costs more than it saves. */
    private static final int MIN_PART_VALUES = 2048;
    /** Bounds of the calling thread's share relative to a helper's (it adapts between them). */
    private static final double MIN_CALLER_WEIGHT = 0.25;
    private static final double MAX_CALLER_WEIGHT = 4;

    private final RecordScanner scanner;
    private final InputStream in;
    private final String source;
    private final WideHeader header;
    private final CsvLimits limits;
    private final Map<LocalDate, Long> firstLineOfDate = new HashMap<>();
    private final int threads;
    private final ValueRun callerRun;
    private final ParseWorker[] workers;
    private final int[] bounds;
    private final boolean plainRows;
    private long plainRowsRead;
    /** The calling thread's share of a split row relative to one helper's. */
    private double callerWeight = 1;
    /** Length of the last record read, to read ahead and to split the next one. */
    private long expectedRecordBytes;
    private long rows;

    /** Opens the stream with the default {@link CsvLimits}, parsing on the calling thread. */
    public WideCsvReader(InputStream in, String source) {
        this(in, source, CsvLimits.DEFAULTS);
    }

    /** Opens the stream and reads and validates the header, parsing on the calling thread. */
    public WideCsvReader(InputStream in, String source, CsvLimits limits) {
        this(in, source, limits, 1);
    }

    /**
     * Opens the stream and reads and validates the header; the stream is closed by {@link #close()}.
     *
     * @param parseThreads threads that parse the values of a row: 1 parses on the calling thread alone, 0 means one
     *                     per available processor
     */
    public WideCsvReader(InputStream in, String source, CsvLimits limits, int parseThreads) {
        this(in, source, limits, parseThreads, true);
    }

    /** As the public constructor; {@code plainRows = false} reads every row the general way (for tests to compare). */
    WideCsvReader(InputStream in, String source, CsvLimits limits, int parseThreads, boolean plainRows) {
        if (parseThreads < 0) {
            throw new IllegalArgumentException("parse threads must be 0 (one per processor) or more, not " + parseThreads);
        }
        this.in = in;
        this.source = source;
        this.limits = limits;
        this.scanner = new RecordScanner(in, source, limits);
        this.header = readHeader();
        this.expectedRecordBytes = header.headerBytes();
        int requested = parseThreads == 0 ? Runtime.getRuntime().availableProcessors() : parseThreads;
        int width = header.strategies().size();
        this.threads = Math.max(1, Math.min(requested, width / MIN_PART_VALUES));
        this.callerRun = new ValueRun(limits.maxFieldBytes());
        this.workers = new ParseWorker[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new ParseWorker(width, limits.maxFieldBytes());
        }
        this.bounds = new int[threads + 1];
        this.plainRows = plainRows;
    }

    /** Threads that parse the values of one row (1 when the rows are too narrow to be worth splitting). */
    public int parseThreads() { return threads; }

    public WideHeader header() { return header; }

    public String source() { return source; }

    /** Bytes consumed from the input so far. */
    public long bytesRead() { return scanner.bytesRead(); }

    /** Bytes the last record took in the input, line break included. */
    public long lastRecordBytes() { return scanner.recordBytes(); }

    /** Data rows read so far. */
    public long rowsRead() { return rows; }

    /** Data rows read so far by the fast path (the others were read the general way). */
    long plainRowsRead() { return plainRowsRead; }

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
        boolean more = false;
        try {
            more = readRow(row);
            return more;
        } finally {
            if (!more) {
                stopHelpers(); // end of input or an error: nothing more to parse
            }
        }
    }

    private boolean readRow(WideRow row) {
        if (plainRows && rows < limits.maxDays() && readPlainRow(row)) {
            plainRowsRead++;
            expectedRecordBytes = scanner.recordBytes();
            checkUnique(row.date, row.line);
            rows++;
            return true;
        }
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
        int missingCount = parseValues(b, row, line);
        row.date = date;
        row.line = line;
        row.missingCount = missingCount;
        expectedRecordBytes = scanner.recordBytes();
        rows++;
        return true;
    }

    /**
     * The fast path: reads the next record straight from the buffer when it is plain (see the class comment), split
     * across the parse threads. False leaves the scanner where it was, for the general path; nothing is reported.
     */
    private boolean readPlainRow(WideRow row) {
        long ahead = expectedRecordBytes + expectedRecordBytes / 8 + 1024;
        if (!scanner.readAhead((int) Math.min(ahead, Integer.MAX_VALUE - 16))) {
            return false;
        }
        byte[] b = scanner.bytes();
        int pos = scanner.position();
        int limit = scanner.limit();
        boolean eof = scanner.atEnd();
        int dateEnd = RecordScanner.separatorAt(b, pos, limit);
        if (dateEnd == limit || b[dateEnd] != ',') {
            return false;
        }
        LocalDate date = plainDate(b, pos, dateEnd);
        if (date == null) {
            return false;
        }
        int p = dateEnd + 1;
        if (header.hasDay()) {
            int dayEnd = RecordScanner.separatorAt(b, p, limit);
            if (dayEnd == limit || b[dayEnd] != ',' || !isDayOf(b, p, dayEnd, date)) {
                return false;
            }
            p = dayEnd + 1;
        }
        int width = header.strategies().size();
        int parts = split(b, p, limit, expectedRecordBytes - (p - pos));
        for (int k = 1; k < parts; k++) {
            workers[k - 1].post(b, bounds[k], limit, eof, bounds[k + 1]);
        }
        boolean ok = callerRun.parse(b, p, limit, eof, bounds[1], row.values, row.missing, 0, width);
        if (parts > 1) {
            boolean helpersFirst = true;
            for (int k = 1; k < parts; k++) {
                helpersFirst &= workers[k - 1].isDone();
            }
            // the side that finished last gets less of the next row
            callerWeight = helpersFirst ? Math.max(MIN_CALLER_WEIGHT, callerWeight * 0.95)
                    : Math.min(MAX_CALLER_WEIGHT, callerWeight * 1.05);
        }
        int count = ok ? callerRun.count : 0;
        int empty = ok ? callerRun.empty : 0;
        int end = ok ? callerRun.end : 0;
        for (int k = 1; k < parts; k++) {
            ParseWorker worker = workers[k - 1];
            if (!worker.await() || !ok) { // every helper is waited for: none may still read the buffer
                ok = false;
                continue;
            }
            int n = worker.count();
            if (n > width - count) {
                ok = false;
                continue;
            }
            System.arraycopy(worker.values, 0, row.values, count, n);
            System.arraycopy(worker.missing, 0, row.missing, count, n);
            count += n;
            empty += worker.empty();
            end = worker.end();
        }
        if (!ok || count != width) {
            return false;
        }
        scanner.skipRecord(end);
        row.date = date;
        row.line = scanner.recordLine();
        row.missingCount = empty;
        return true;
    }

    /**
     * Splits the values of a record starting at {@code p}, about {@code valueBytes} long, into parts at field starts:
     * fills {@link #bounds} (part k is [bounds[k], bounds[k + 1]), the last ending at the record's end, -1) and returns
     * the number of parts. A bound that cannot be placed (the estimate runs past what is read) leaves fewer parts.
     */
    private int split(byte[] b, int p, int limit, long valueBytes) {
        bounds[0] = p;
        int parts = 1;
        double total = callerWeight + (threads - 1);
        for (int k = 1; k < threads && valueBytes > 0; k++) {
            long target = p + (long) (valueBytes * (callerWeight + k - 1) / total);
            if (target <= bounds[parts - 1] || target >= limit) {
                break;
            }
            int comma = RecordScanner.separatorAt(b, (int) target, limit);
            if (comma == limit || b[comma] != ',' || comma + 1 >= limit) {
                break;
            }
            bounds[parts++] = comma + 1;
        }
        bounds[parts] = -1;
        return parts;
    }

    /** The date of a plain {@code yyyy-MM-dd} field, or null for anything else (the general path then decides). */
    private static LocalDate plainDate(byte[] b, int from, int to) {
        if (to - from != 10 || b[from + 4] != '-' || b[from + 7] != '-') {
            return null;
        }
        int y = digits(b, from, 4);
        int m = digits(b, from + 5, 2);
        int d = digits(b, from + 8, 2);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** True when {@code b[from, to)} is the English name of the date's weekday in ASCII, any case. */
    private static boolean isDayOf(byte[] b, int from, int to, LocalDate date) {
        String name = date.getDayOfWeek().name(); // MONDAY ... SUNDAY
        if (to - from != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            int c = b[from + i];
            if (c >= 'a' && c <= 'z') {
                c -= 'a' - 'A';
            }
            if (c != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Parses every strategy value of the scanned record into {@code row}; returns the number of empty cells. */
    private int parseValues(byte[] b, WideRow row, long line) {
        double[] values = row.values;
        boolean[] missingCells = row.missing;
        int lead = header.leadingColumns();
        int empty = 0;
        for (int s = 0, f = lead, n = values.length; s < n; s++, f++) {
            int start = scanner.start(f);
            int end = scanner.end(f);
            while (start < end && b[start] == ' ') {
                start++;
            }
            while (end > start && b[end - 1] == ' ') {
                end--;
            }
            if (start == end) {
                values[s] = 0;
                missingCells[s] = true;
                empty++;
                continue;
            }
            double v = DecimalParser.parse(b, start, end);
            if (DecimalParser.isInvalid(v) || !Double.isFinite(v)) {
                throw badValue(s, s + lead, line);
            }
            values[s] = v;
            missingCells[s] = false;
        }
        return empty;
    }

    private void stopHelpers() {
        for (ParseWorker worker : workers) {
            worker.stop();
        }
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
        LocalDate date = plainDate(b, from, to);
        if (date == null) {
            throw new CsvFormatException(CsvProblem.BAD_DATE, source, line, 1, null,
                    "date must be yyyy-MM-dd but is \"" + abbreviate(scanner.text(0).strip()) + "\"");
        }
        return date;
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
        stopHelpers();
        try {
            in.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
