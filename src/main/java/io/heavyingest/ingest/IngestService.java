package io.heavyingest.ingest;

import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.csv.CsvFormatException;
import io.heavyingest.csv.CsvLimits;
import io.heavyingest.csv.CsvProblem;
import io.heavyingest.csv.WideCsvReader;
import io.heavyingest.csv.WideHeader;
import io.heavyingest.csv.WideRow;
import io.heavyingest.schema.FileShape;
import io.heavyingest.schema.Identifiers;
import io.heavyingest.schema.SchemaPlanner;
import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.PnlBatch;
import io.heavyingest.warehouse.StagedLoad;
import io.heavyingest.warehouse.Staging;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Loads one stream that is not published yet: parse, plan, stage, verify, publish. Whether the stream should be
 * loaded at all (duplicates, claims) and how failures are recorded is decided by the caller, the exactly-once
 * delivery layer; this service writes only the {@code LOADED} history row, inside the atomic publish step. Bad
 * input raises {@link CsvFormatException}; warehouse or I/O failures propagate. Either way nothing partial is
 * visible and the stream is closed.
 */
public final class IngestService {
    private static final Logger LOG = Logger.getLogger(IngestService.class);

    private final Staging warehouse;
    private final SchemaPlanner planner;
    private final HeavyIngestConfig.Ingest settings;
    private final String currentTable;
    private final CsvLimits limits;

    public IngestService(Staging warehouse, HeavyIngestConfig config) {
        this.warehouse = warehouse;
        this.planner = new SchemaPlanner(config.schema());
        this.settings = config.ingest();
        this.currentTable = config.schema().currentTable();
        this.limits = new CsvLimits(settings.maxLineBytes(), settings.maxFieldBytes(), settings.maxColumns(),
                settings.maxDays());
        if (settings.parseThreads() < 0) {
            throw new IllegalArgumentException("heavy-ingest.ingest.parse-threads must be 0 (one per processor) or more, not "
                    + settings.parseThreads());
        }
    }

    /** Loads and publishes {@code request}; the caller has established that its dataset is not published. */
    public IngestResult load(IngestRequest request) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        CountedInput counted = new CountedInput(request.content());
        try {
            return load(request.withContent(counted), started, t0, new Progress(request, counted, t0));
        } catch (OutOfMemoryError e) {
            throw new LoadOutOfMemoryException(request.source(), counted.count, e);
        } finally {
            closeQuietly(request.content());
        }
    }

    private IngestResult load(IngestRequest request, Instant started, long t0, Progress progress) {
        if (request.sizeBytes() > settings.maxFileBytes()) {
            throw tooLarge(request, request.sizeBytes());
        }
        if (request.sizeBytes() == 0) {
            throw new CsvFormatException(CsvProblem.EMPTY_FILE, request.source(), 1, 0, null, "file is empty: expected a header line");
        }
        InputStream in = decode(request);
        long parseNanos = 0;
        long loadNanos = 0;
        long p = System.nanoTime();
        WideCsvReader reader = new WideCsvReader(in, request.source(), limits, settings.parseThreads());
        WideHeader header = reader.header();
        checkSize(request, reader, 1);
        int width = header.strategies().size();
        WideRow row = new WideRow(width);
        int rowsPerBatch = (int) Math.max(2, Math.min(Integer.MAX_VALUE / Math.max(1, width),
                (settings.batchValues() + width - 1) / width));
        PnlBatch batch = new PnlBatch(header.strategies(), rowsPerBatch * width);

        // Read up to two rows before planning: the first date and the date cadence shape the table.
        LocalDate first = null;
        LocalDate second = null;
        long firstRowBytes = 0;
        LocalDate min = null;
        LocalDate max = null;
        long nulls = 0;
        int days = 0;
        while (days < 2 && reader.next(row)) {
            if (days == 0) {
                first = row.date();
                firstRowBytes = reader.lastRecordBytes();
            } else {
                second = row.date();
            }
            batch.addRow((int) row.date().toEpochDay(), row.values(), row.missing());
            nulls += row.missingCount();
            min = min == null || row.date().isBefore(min) ? row.date() : min;
            max = max == null || row.date().isAfter(max) ? row.date() : max;
            days++;
            checkSize(request, reader, row.line());
        }
        parseNanos += System.nanoTime() - p;
        TablePlan plan = planner.plan(estimateShape(request, header, firstRowBytes, first, second));
        LOG.infof("%s: %,d strategies; plan %s", request.source(), width, plan.summary());

        long l = System.nanoTime();
        try (StagedLoad staged = warehouse.stage(request.datasetId(), plan)) {
            loadNanos += System.nanoTime() - l;
            while (true) {
                p = System.nanoTime();
                boolean more = reader.next(row);
                if (more) {
                    checkPlan(plan, row, request.source());
                    if (!batch.hasRoomFor(width)) {
                        parseNanos += System.nanoTime() - p;
                        l = System.nanoTime();
                        staged.append(batch);
                        batch.clear();
                        loadNanos += System.nanoTime() - l;
                        p = System.nanoTime();
                    }
                    batch.addRow((int) row.date().toEpochDay(), row.values(), row.missing());
                    nulls += row.missingCount();
                    min = row.date().isBefore(min) ? row.date() : min;
                    max = row.date().isAfter(max) ? row.date() : max;
                    days++;
                    checkSize(request, reader, row.line());
                    progress.update(reader.bytesRead(), (long) days * width);
                }
                parseNanos += System.nanoTime() - p;
                if (!more) {
                    break;
                }
            }
            l = System.nanoTime();
            if (batch.size() > 0) {
                staged.append(batch);
                batch.clear();
            }
            long rows = (long) days * width;
            staged.verify(rows);
            loadNanos += System.nanoTime() - l;
            String table = Identifiers.datasetTable(currentTable, request.datasetId());
            // the history row is written by the publish step itself, so it carries the timings up to that step
            LoadRecord record = LoadRecord.loaded(request.datasetId(), request.source(), table,
                    new LoadRecord.Counts(reader.bytesRead(), rows, width, days, nulls, min, max),
                    new LoadRecord.Timings(started, millis(parseNanos), millis(loadNanos),
                            millis(System.nanoTime() - t0))).withPlan(plan);
            staged.publish(record);
            LOG.infof("%s: loaded %,d rows (%,d strategies x %,d days) into %s in %,d ms (%,d ms with the publish step)",
                    request.source(), rows, width, days, table, record.totalMillis(), millis(System.nanoTime() - t0));
            return new IngestResult(record, plan);
        }
    }

    private FileShape estimateShape(IngestRequest request, WideHeader header, long firstRowBytes,
                                    LocalDate first, LocalDate second) {
        long days = 1;
        if (request.sizeBytes() > 0 && firstRowBytes > 0 && !GzipInput.isGzip(request.source())) {
            days = Math.max(1, Math.round((double) (request.sizeBytes() - header.headerBytes()) / firstRowBytes));
        }
        double gap = second == null ? 1 : Math.max(1, Math.abs(ChronoUnit.DAYS.between(first, second)));
        LocalDate last = first.plusDays((long) Math.ceil(gap * (days - 1)));
        return new FileShape(header.strategies().size(), days, first, last, gap);
    }

    private static void checkPlan(TablePlan plan, WideRow row, String source) {
        if (!plan.covers(row.date())) {
            throw new CsvFormatException(CsvProblem.DATE_OUT_OF_PLAN, source, row.line(), 1, null,
                    "date " + row.date() + " is outside the DAYS(" + plan.dateEncoding().bits()
                            + ") range chosen from the first rows; set heavy-ingest.schema.date-encoding=DAYS32");
        }
    }

    /**
     * The file limit counts the bytes the reader parses (decompressed for a {@code .gz}): crossed by the record ending
     * at {@code line}, which is named with column 0, since the limit is crossed by the line as a whole, not a field.
     */
    private void checkSize(IngestRequest request, WideCsvReader reader, long line) {
        if (reader.bytesRead() > settings.maxFileBytes()) {
            long start = reader.bytesRead() - reader.lastRecordBytes();
            throw new CsvFormatException(CsvProblem.TOO_LARGE, request.source(), line, 0, null,
                    "the file passes the limit of " + settings.maxFileBytes() + " bytes"
                            + (GzipInput.isGzip(request.source()) ? " decompressed" : "") + " in this line (bytes "
                            + (start + 1) + ".." + reader.bytesRead() + "; heavy-ingest.ingest.max-file-bytes)");
        }
    }

    /** An object whose stored size is over the limit is refused before a byte is read, so no line is named. */
    private CsvFormatException tooLarge(IngestRequest request, long bytes) {
        return new CsvFormatException(CsvProblem.TOO_LARGE, request.source(), 0, 0, null,
                "the object has " + bytes + " bytes, over the limit of " + settings.maxFileBytes()
                        + " (heavy-ingest.ingest.max-file-bytes); nothing was read");
    }

    private static InputStream decode(IngestRequest request) {
        return GzipInput.decode(request.content(), request.source());
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException ignored) {
            // closing a stream we are done with: nothing to add
        }
    }

    /** Counts the raw bytes read, for the message of a load that ran out of memory. */
    private static final class CountedInput extends java.io.FilterInputStream {
        long count;

        CountedInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }

    /**
     * Logs bytes and rows read so far, with the rate, every {@code progressBytes} of the object as stored. The share
     * of the object's size counts the stored bytes taken from the store (compressed for a {@code .gz}, counted
     * before the decoder), so it never runs past 100%; the parsed (decompressed) bytes follow for a {@code .gz}.
     */
    private final class Progress {
        private final IngestRequest request;
        private final CountedInput stored;
        private final boolean gzip;
        private final long t0;
        private long nextReport;

        Progress(IngestRequest request, CountedInput stored, long t0) {
            this.request = request;
            this.stored = stored;
            this.gzip = GzipInput.isGzip(request.source());
            this.t0 = t0;
            this.nextReport = settings.progressBytes();
        }

        void update(long parsedBytes, long rows) {
            long read = stored.count;
            if (read >= nextReport) {
                nextReport = read + settings.progressBytes();
                double seconds = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
                String of = request.sizeBytes() > 0 ? String.format(" of %,d (%.0f%%)", request.sizeBytes(),
                        Math.min(100.0, 100.0 * read / request.sizeBytes())) : "";
                String parsed = gzip ? String.format(" (%,d decompressed)", parsedBytes) : "";
                LOG.infof("%s: %,d%s bytes%s, %,d rows read (%.1f MB/s)", request.source(), read, of, parsed, rows,
                        read / 1e6 / seconds);
            }
        }
    }
}
