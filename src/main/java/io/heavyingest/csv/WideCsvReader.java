package io.heavyingest.csv;

import io.heavyingest.text.SafeText;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streams a wide P&amp;L file ({@code Date,Day,<strategy...>}) one row at a time and validates it as it goes.
 *
 * <p>Memory is one record plus one {@link WideRow}, whatever the file size. Every rule that fails raises a
 * {@link CsvFormatException} naming the source, line, column and strategy.
 *
 * <p>With more than one parse thread, the values of each row are split into contiguous chunks parsed at the same
 * time, straight from the read buffer (the calling thread, which also scans, takes a smaller first chunk, helper
 * threads the others), and
 * {@link #next(WideRow)} returns when the whole row is parsed: rows stay in order, memory is the same, and a bad
 * value is reported exactly as with one thread (the first bad value of the row, by column). Scanning the record
 * and every other check stay on the calling thread. The helpers are daemon threads, stopped at the end of the
 * input, at the first error and by {@link #close()}, and end by themselves when idle for two seconds.
 */
public final class WideCsvReader implements AutoCloseable {
    /** Fewest values a parse chunk gets: below this a second thread costs more than it saves. */
    private static final int MIN_CHUNK_VALUES = 2048;
    /** Time to scan a record's fields relative to parsing its values (measured: about a third). */
    private static final double SCAN_COST = 0.33;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final RecordScanner scanner;
    private final InputStream in;
    private final String source;
    private final WideHeader header;
    private final CsvLimits limits;
    private final Map<LocalDate, Long> firstLineOfDate = new HashMap<>();
    private final Chunk[] chunks;
    private final Future<?>[] pending;
    private ExecutorService helpers;
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
        if (parseThreads < 0) {
            throw new IllegalArgumentException("parse threads must be 0 (one per processor) or more, not " + parseThreads);
        }
        this.in = in;
        this.source = source;
        this.limits = limits;
        this.scanner = new RecordScanner(in, source, limits);
        this.header = readHeader();
        int threads = parseThreads == 0 ? Runtime.getRuntime().availableProcessors() : parseThreads;
        int width = header.strategies().size();
        int count = Math.max(1, Math.min(threads, width / MIN_CHUNK_VALUES));
        // the calling thread also scans each record, so it takes a smaller share of the values: with scanning
        // costing SCAN_COST of parsing, share 1 - SCAN_COST x (count - 1) against 1 + SCAN_COST per helper
        // finishes every thread at about the same time
        double callerWeight = Math.max(0, 1 - SCAN_COST * (count - 1));
        double total = callerWeight + (count - 1) * (1 + SCAN_COST);
        this.chunks = new Chunk[count];
        int from = 0;
        for (int c = 0; c < count; c++) {
            double upTo = callerWeight + c * (1 + SCAN_COST);
            int to = c == count - 1 ? width : (int) Math.round(width * upTo / total);
            chunks[c] = new Chunk(from, to);
            from = to;
        }
        this.pending = new Future<?>[count];
    }

    /** Threads that parse the values of one row (1 when the rows are too narrow to be worth splitting). */
    public int parseThreads() { return chunks.length; }

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
        rows++;
        return true;
    }

    /** Parses every strategy value of the scanned record into {@code row}; returns the number of empty cells. */
    private int parseValues(byte[] b, WideRow row, long line) {
        int lead = header.leadingColumns();
        if (chunks.length == 1) {
            Chunk all = chunks[0];
            all.parse(b, row);
            if (all.bad >= 0) {
                throw badValue(all.bad, all.bad + lead, line);
            }
            return all.missing;
        }
        if (helpers == null) {
            // idle helpers end on their own, so a reader abandoned mid-file without close() leaves no thread behind
            ThreadPoolExecutor pool = new ThreadPoolExecutor(chunks.length - 1, chunks.length - 1, 2, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), task -> {
                        Thread t = new Thread(task, "csv-parse-" + THREAD_NUMBER.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            helpers = pool;
        }
        for (int c = 1; c < chunks.length; c++) {
            Chunk chunk = chunks[c];
            pending[c] = helpers.submit(() -> chunk.parse(b, row));
        }
        chunks[0].parse(b, row);
        RuntimeException failure = null;
        for (int c = 1; c < chunks.length; c++) {
            try {
                pending[c].get();
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException("parse thread failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new InterruptedIOException("interrupted while parsing " + source));
            }
        }
        if (failure != null) {
            throw failure;
        }
        int missing = 0;
        for (Chunk chunk : chunks) { // in column order: the first bad value is the one one thread reports
            if (chunk.bad >= 0) {
                throw badValue(chunk.bad, chunk.bad + lead, line);
            }
            missing += chunk.missing;
        }
        return missing;
    }

    /**
     * One contiguous range of strategies. {@link #parse} reads the scanner's field bounds and buffer and writes only
     * its own range of the row: chunks of one row never share an element, and the caller reads the results after
     * waiting for the chunk (which orders the memory accesses).
     */
    private final class Chunk {
        private final int from;
        private final int to;
        int bad;
        int missing;

        Chunk(int from, int to) {
            this.from = from;
            this.to = to;
        }

        /** Parses strategies [from, to); stops at the first bad value and leaves its strategy index in {@link #bad}. */
        void parse(byte[] b, WideRow row) {
            double[] values = row.values;
            boolean[] missingCells = row.missing;
            int lead = header.leadingColumns();
            int empty = 0;
            bad = -1;
            for (int s = from, f = from + lead; s < to; s++, f++) {
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
                    bad = s;
                    break;
                }
                values[s] = v;
                missingCells[s] = false;
            }
            missing = empty;
        }
    }

    private void stopHelpers() {
        if (helpers != null) {
            helpers.shutdownNow();
            helpers = null;
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
        stopHelpers();
        try {
            in.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
