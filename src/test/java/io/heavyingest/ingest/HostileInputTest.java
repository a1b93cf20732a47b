package io.heavyingest.ingest;

import io.heavyingest.csv.CsvFormatException;
import io.heavyingest.csv.CsvProblem;
import io.heavyingest.delivery.Deadline;
import io.heavyingest.delivery.ObjectOutcome;
import io.heavyingest.testsupport.Delivered;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.LoadStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Files built to exhaust memory or to be misread: each is refused as bad input, with its position, one FAILED
 * history row and an error report, under the default limits and the test JVM's heap.
 */
class HostileInputTest {
    @TempDir
    Path dir;
    EmbeddedWarehouseFixture w;

    @BeforeEach
    void open() {
        w = new EmbeddedWarehouseFixture(dir);
    }

    @AfterEach
    void close() {
        w.close();
    }

    /** Delivers {@code bytes} as {@code key}; asserts rejection with one FAILED row and an error report. */
    private CsvFormatException rejected(String key, byte[] bytes) {
        ObjectOutcome outcome = w.fromMemory.load(w.memory.put(key, bytes), null, Deadline.after(Duration.ofMinutes(5)));
        assertThat(outcome).as(key).isInstanceOf(ObjectOutcome.Rejected.class);
        ObjectOutcome.Rejected r = (ObjectOutcome.Rejected) outcome;
        assertThat(w.warehouse.history()).as(key).singleElement().satisfies(h -> {
            assertThat(h.status()).isEqualTo(LoadStatus.FAILED);
            assertThat(h.error()).isEqualTo(r.error().getMessage()).hasSizeLessThan(600);
        });
        assertThat(w.memory.written(r.errorReportKey())).isNotNull();
        assertThat(w.datasetTables()).isZero();
        return r.error();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    @Test
    void ingest_gzipLineBomb_shouldRejectAsLineTooLong() throws IOException {
        // 40 KB compressed, 192 MiB decompressed, one line with no newline after the header
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) '1');
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write("Date,a\n2024-01-04,".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 192; i++) {
                gz.write(block);
            }
        }
        CsvFormatException e = rejected("incoming/bomb.csv.gz", out.toByteArray());
        assertThat(e.problem()).isEqualTo(CsvProblem.LINE_TOO_LONG);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void ingest_headerFieldOf200MegaBytes_shouldRejectQuotingOnlyAShortPrefix() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'x');
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write("Date,a,".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 200; i++) {
                gz.write(block);
            }
            gz.write("\n2024-01-04,1,2\n".getBytes(StandardCharsets.US_ASCII));
        }
        CsvFormatException e = rejected("incoming/field.csv.gz", out.toByteArray());
        assertThat(e.problem()).isIn(CsvProblem.LINE_TOO_LONG, CsvProblem.FIELD_TOO_LONG);
        assertThat(e.getMessage()).hasSizeLessThan(300);
    }

    @Test
    void ingest_fieldOverTheFieldLimit_shouldRejectWithColumnAndEscapedPrefix() {
        String name = "\u0001evil" + "y".repeat(10_000);
        CsvFormatException e = rejected("incoming/name.csv", ("Date,a," + name + "\n2024-01-04,1,2\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(e.problem()).isEqualTo(CsvProblem.FIELD_TOO_LONG);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.getMessage()).doesNotContain("\u0001").contains("\\u0001evil").hasSizeLessThan(300);
    }

    @Test
    void ingest_twoMillionColumns_shouldRejectAsTooManyColumns() throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream(20 << 20);
        csv.write("Date".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 2_000_000; i++) {
            csv.write((",s" + i).getBytes(StandardCharsets.US_ASCII));
        }
        csv.write("\n2024-01-04\n".getBytes(StandardCharsets.US_ASCII));
        CsvFormatException e = rejected("incoming/wide.csv.gz", gzip(csv.toByteArray()));
        assertThat(e.problem()).isEqualTo(CsvProblem.TOO_MANY_COLUMNS);
        assertThat(e.column()).isEqualTo(262_145);
    }

    @Test
    void ingest_threePointSixMillionDates_shouldRejectAsTooManyDates() throws IOException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream(48 << 20);
        csv.write("Date,a\n".getBytes(StandardCharsets.US_ASCII));
        LocalDate d = LocalDate.of(1, 1, 1);
        for (int i = 0; i < 3_600_000; i++) {
            csv.write((d.plusDays(i) + ",1\n").getBytes(StandardCharsets.US_ASCII));
        }
        CsvFormatException e = rejected("incoming/dates.csv.gz", gzip(csv.toByteArray()));
        assertThat(e.problem()).isEqualTo(CsvProblem.TOO_MANY_DATES);
        assertThat(e.line()).isEqualTo(100_002);
    }

    @Test
    void ingest_truncatedGzipObject_shouldRejectAsBadGzip() throws IOException {
        byte[] whole = gzip(IngestServiceTest.GOOD.getBytes(StandardCharsets.UTF_8));
        CsvFormatException e = rejected("incoming/cut.csv.gz", Arrays.copyOf(whole, whole.length - 12));
        assertThat(e.problem()).isEqualTo(CsvProblem.BAD_GZIP);
        assertThat(e.getMessage()).startsWith("incoming/cut.csv.gz: ").contains("truncated");
    }

    @Test
    void ingest_plainTextNamedGz_shouldRejectAsBadGzip() {
        CsvFormatException e = rejected("incoming/plain.csv.gz", IngestServiceTest.GOOD.getBytes(StandardCharsets.UTF_8));
        assertThat(e.problem()).isEqualTo(CsvProblem.BAD_GZIP);
    }

    @Test
    void ingest_gzipStreamCutInTransit_shouldStayTransientAndRecordOneFailure() throws IOException {
        byte[] whole = gzip(IngestServiceTest.GOOD.getBytes(StandardCharsets.UTF_8));
        var cut = w.memory.put("incoming/transit.csv.gz", whole.length, () -> new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served >= whole.length / 2) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(len, whole.length / 2 - served);
                System.arraycopy(whole, served, b, off, n);
                served += n;
                return n;
            }
        });
        assertThatThrownBy(() -> Delivered.deliver(w.fromMemory, cut, null))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("connection reset");
        assertThat(w.warehouse.history()).singleElement().extracting(LoadRecord::status).isEqualTo(LoadStatus.FAILED);
    }

    @Test
    void ingest_upperCaseCsvGzSuffix_shouldDecodeAndLoad() throws IOException {
        byte[] bytes = gzip(IngestServiceTest.GOOD.getBytes(StandardCharsets.UTF_8));
        ObjectOutcome outcome = w.fromMemory.onObjectCreated(w.memory.put("incoming/X.CSV.GZ", bytes),
                Deadline.after(Duration.ofMinutes(5)));
        assertThat(outcome).isInstanceOf(ObjectOutcome.Loaded.class);
        assertThat(w.count("SELECT count(*) FROM strategy_pnl")).isEqualTo(6);
    }

    @Test
    void ingest_nonUtf8BytesInStrategyNames_shouldRejectAsBadEncodingNotAsRepeatedName() {
        byte[] header = "Date,a\u00ff,a\u00fe\n2024-01-04,1,2\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvFormatException e = rejected("incoming/latin1.csv", header);
        assertThat(e.problem()).isEqualTo(CsvProblem.BAD_ENCODING);
        assertThat(e.column()).isEqualTo(2);
    }

    @Test
    void ingest_validFilesUnderEveryLimit_shouldStillLoad() {
        List<String> names = List.of("incoming/ok.csv");
        for (String key : names) {
            assertThat(Delivered.deliver(w.fromMemory, w.memory.put(key,
                    IngestServiceTest.GOOD.getBytes(StandardCharsets.UTF_8)), null).record().rows()).isEqualTo(6);
        }
    }
}
