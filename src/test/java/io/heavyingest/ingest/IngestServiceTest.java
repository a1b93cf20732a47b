package io.heavyingest.ingest;

import io.heavyingest.csv.CsvFormatException;
import io.heavyingest.csv.CsvProblem;
import io.heavyingest.csv.WideCsvReader;
import io.heavyingest.csv.WideRow;
import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;
import io.heavyingest.testsupport.Delivered;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.LoadStatus;
import io.heavyingest.optimize.PnlMatrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IngestServiceTest {
    static final Path SENSEX = Path.of("src/test/resources/data/sensex_500x82.csv");
    static final String GOOD = "Date,Day,a,b,c\n2024-01-04,Thursday,1.5,,-2\n2024-01-11,Thursday,3,4,5e-1\n";

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

    @Test
    void realSensexSample_shouldLoadEveryValueExactly() {
        Delivered result = w.ingestFile(SENSEX);
        LoadRecord r = result.record();
        assertThat(r.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(r.rows()).isEqualTo(41_000);
        assertThat(r.strategies()).isEqualTo(500);
        assertThat(r.days()).isEqualTo(82);
        assertThat(r.firstDate()).isEqualTo(LocalDate.of(2024, 1, 4));
        assertThat(r.lastDate()).isEqualTo(LocalDate.of(2025, 7, 21));
        assertThat(r.bytes()).isEqualTo(758_865);
        assertThat(w.count("SELECT count(*) FROM strategy_pnl")).isEqualTo(41_000);
        assertThat(w.count("SELECT count(DISTINCT strategy) FROM strategy_pnl")).isEqualTo(500);
        assertBits(w.value("SELECT pnl FROM strategy_pnl WHERE strategy = 'SENSEX 1336-1406 SL71%' AND trade_date = DATE '2024-01-04'"),
                325.7650000000006);
        assertBits(w.value("SELECT pnl FROM strategy_pnl WHERE strategy = 'SENSEX 1330-1430 SL23%TP32%' AND trade_date = DATE '2025-07-21'"),
                698.0607300000003);
        assertBits(w.value("SELECT pnl FROM strategy_pnl WHERE strategy = 'SENSEX 1140-1240 SL71%' AND trade_date = DATE '2024-10-03'"),
                1212.4850000000008);
        assertThat(w.warehouse.currentDatasetId()).contains(r.datasetId());
        // the history row is the result's record: the same timings (table build included) in both
        assertThat(w.warehouse.history()).singleElement().satisfies(h -> {
            assertThat(h.parseMillis()).isEqualTo(r.parseMillis());
            assertThat(h.loadMillis()).isEqualTo(r.loadMillis());
            assertThat(h.totalMillis()).isEqualTo(r.totalMillis()).isGreaterThanOrEqualTo(r.parseMillis() + r.loadMillis());
        });
    }

    @Test
    void productionShapedFile_shouldLoadExactly2094608RowsMatchingTheFile() throws IOException {
        Path file = dir.resolve("production.csv");
        PnlFileGenerator.write(GeneratorSpec.production(42), file);
        LoadRecord r = w.ingestFile(file).record();
        assertThat(r.rows()).isEqualTo(2_094_608);
        assertThat(r.strategies()).isEqualTo(25_544);
        assertThat(r.days()).isEqualTo(82);
        assertThat(w.count("SELECT count(*) FROM strategy_pnl")).isEqualTo(2_094_608);
        assertThat(w.count("SELECT count(DISTINCT trade_date) FROM strategy_pnl")).isEqualTo(82);
        // every value of the file's last row arrived unchanged
        try (InputStream in = Files.newInputStream(file); WideCsvReader reader = new WideCsvReader(in, "x")) {
            WideRow row = new WideRow(25_544);
            while (reader.next(row)) {
                // keep the last row
                if (reader.rowsRead() == 82) {
                    break;
                }
            }
            PnlMatrix m = w.warehouse.currentMatrix().orElseThrow();
            List<String> names = reader.header().strategies();
            for (int s = 0; s < names.size(); s += 997) {
                int column = m.strategies().indexOf(names.get(s));
                assertThat(m.value(column, m.days() - 1)).as(names.get(s)).isEqualTo(row.value(s));
            }
        }
    }

    @Test
    void emptyCells_shouldBeStoredAsNullAndCounted() {
        LoadRecord r = w.ingestText("nulls.csv", GOOD).record();
        assertThat(r.nullValues()).isEqualTo(1);
        assertThat(w.count("SELECT count(*) FROM strategy_pnl WHERE pnl IS NULL AND strategy = 'b' "
                + "AND trade_date = DATE '2024-01-04'")).isEqualTo(1);
        assertThat(w.count("SELECT count(*) FROM strategy_pnl")).isEqualTo(6);
        PnlMatrix m = w.warehouse.currentMatrix().orElseThrow();
        assertThat(m.nullCount()).isEqualTo(1);
        assertThat(m.strategies()).containsExactly("a", "b", "c");
        assertThat(m.value(2, 1)).isEqualTo(0.5);
        assertThat(m.value(1, 0)).isEqualTo(0.0);
    }

    @Test
    void sameDatasetTwice_shouldLeaveOneCopyAndRecordADuplicate() {
        Delivered first = w.ingestText("same.csv", GOOD);
        Delivered second = w.ingestText("same.csv", GOOD);
        assertThat(second.duplicate()).isTrue();
        assertThat(second.record().tableName()).isEqualTo(first.record().tableName());
        assertThat(w.count("SELECT count(*) FROM strategy_pnl")).isEqualTo(6);
        assertThat(w.datasetTables()).isEqualTo(1);
        assertThat(w.warehouse.history()).extracting(LoadRecord::status)
                .containsExactly(LoadStatus.LOADED, LoadStatus.DUPLICATE);
    }

    @Test
    void secondDataset_shouldBecomeCurrentAndKeepTheFirstTable() {
        w.ingestText("one.csv", GOOD);
        Delivered two = w.ingestText("two.csv", "Date,x\n2024-02-01,7\n");
        assertThat(w.warehouse.currentDatasetId()).contains(two.record().datasetId());
        assertThat(w.count("SELECT count(*) FROM strategy_pnl")).isEqualTo(1);
        assertThat(w.datasetTables()).isEqualTo(2);
    }

    @Test
    void gzipSource_shouldBeDecodedWhileStreaming() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(SENSEX));
        }
        byte[] bytes = gz.toByteArray();
        LoadRecord r = Delivered.deliver(w.fromMemory, w.memory.put("incoming/sensex.csv.gz", bytes), "00000000000000aa")
                .record();
        assertThat(r.rows()).isEqualTo(41_000);
        assertThat(r.bytes()).isEqualTo(758_865); // bytes of CSV read, after decoding
    }

    @Test
    void everyValidationFailure_shouldBeRecordedAndLeaveNothingVisible() {
        Delivered good = w.ingestText("good.csv", GOOD);
        List<String> bad = List.of(
                "",
                "Day,Date,a\nThursday,2024-01-04,1\n",
                "Date,Day\n2024-01-04,Thursday\n",
                "Date,a,,c\n2024-01-04,1,2,3\n",
                "Date,a,a\n2024-01-04,1,2\n",
                "Date,\"a\n2024-01-04,1\n",
                "Date,a,b\n2024-01-04,1,2\n2024-01-05,1\n",
                "Date,a\n2024-01-04,1\n04/01/2024,2\n",
                "Date,a\n2024-01-04,1\n2024-01-04,2\n",
                "Date,Day,a\n2024-01-04,Friday,1\n",
                "Date,a,b\n2024-01-04,1,2\n2024-01-05,1,x\n",
                "Date,a\n2024-01-04,inf\n",
                "Date,a\n");
        for (int i = 0; i < bad.size(); i++) {
            String source = "bad-" + i + ".csv";
            String text = bad.get(i);
            CsvFormatException e = catchThrowableOfType(CsvFormatException.class, () -> w.ingestText(source, text));
            assertThat(e).as(source).isNotNull();
            assertThat(e.getMessage()).as(source).startsWith(source + ":" + e.line());
            LoadRecord last = w.warehouse.history().get(w.warehouse.history().size() - 1);
            assertThat(last.status()).isEqualTo(LoadStatus.FAILED);
            assertThat(last.source()).isEqualTo(source);
            assertThat(last.error()).isEqualTo(e.getMessage());
            assertThat(last.tableName()).isNull();
            assertThat(w.warehouse.currentDatasetId()).contains(good.record().datasetId());
            assertThat(w.datasetTables()).as(source).isEqualTo(1);
            assertThat(w.stagingTables()).isZero();
            assertThat(w.warehouse.publishedLoad(DatasetIds.of(source))).isEmpty();
        }
        assertThat(w.count("SELECT count(*) FROM strategy_pnl")).isEqualTo(6);
    }

    @Test
    void badValueOnTheLastRowOfALongFile_shouldPublishNothing() {
        StringBuilder csv = new StringBuilder("Date,a,b\n");
        LocalDate d = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < 500; i++) {
            csv.append(d.plusDays(i)).append(",1,2\n");
        }
        csv.append(d.plusDays(500)).append(",1,oops\n");
        CsvFormatException e = catchThrowableOfType(CsvFormatException.class, () -> w.ingestText("late.csv", csv.toString()));
        assertThat(e.line()).isEqualTo(502);
        assertThat(e.column()).isEqualTo(3);
        assertThat(w.datasetTables()).isZero();
        assertThat(w.warehouse.currentDatasetId()).isEmpty();
    }

    @Test
    void streamBrokenMidway_shouldLeaveNothingAndTheRetryShouldLoadOnce() throws IOException {
        byte[] bytes = Files.readAllBytes(SENSEX);
        InputStream breaking = new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (served > bytes.length / 2) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(len, Math.min(65_536, bytes.length - served));
                System.arraycopy(bytes, served, b, off, n);
                served += n;
                return n;
            }
        };
        String id = "feedfacecafebeef";
        var broken = w.memory.put("sensex.csv", bytes.length, () -> breaking);
        assertThatThrownBy(() -> Delivered.deliver(w.fromMemory, broken, id))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("connection reset");
        assertThat(w.datasetTables()).isZero();
        assertThat(w.warehouse.history()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(LoadStatus.FAILED);
            assertThat(r.error()).contains("connection reset");
        });

        Delivered retry = Delivered.deliver(w.fromMemory, w.memory.put("sensex.csv", bytes), id);
        assertThat(retry.record().status()).isEqualTo(LoadStatus.LOADED);
        assertThat(w.count("SELECT count(*) FROM strategy_pnl")).isEqualTo(41_000);
        assertThat(w.datasetTables()).isEqualTo(1);
    }

    @Test
    void leftoverStagingFromACrash_shouldBeReplacedByTheRetry() throws Exception {
        String id = "0123456789abcdef";
        // what a crash leaves: a staging table with part of the data (DDL through the query path returns no rows)
        w.warehouse.query("CREATE TABLE strategy_pnl_" + id + "_stage AS SELECT DATE '2020-01-01' AS trade_date, "
                + "[1.0, 2.0]::DOUBLE[] AS pnl");
        assertThat(w.stagingTables()).isEqualTo(1);
        byte[] bytes = GOOD.getBytes(StandardCharsets.UTF_8);
        Delivered.deliver(w.fromMemory, w.memory.put("crashed.csv", bytes), id);
        assertThat(w.count("SELECT count(*) FROM strategy_pnl")).isEqualTo(6);
        assertThat(w.stagingTables()).isZero();
    }

    @Test
    void fileOverTheSizeLimit_shouldBeRejectedAsBadInput() {
        try (var small = new EmbeddedWarehouseFixture(dir.resolve("small"), java.util.Map.of(
                "heavy-ingest.ingest.max-file-bytes", "1000"))) {
            CsvFormatException e = catchThrowableOfType(CsvFormatException.class,
                    () -> small.ingestFile(SENSEX));
            assertThat(e.problem()).isEqualTo(CsvProblem.TOO_LARGE);
            assertThat(e.line()).as("refused on its stored size, before a line is read").isZero();
            assertThat(small.warehouse.history()).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(LoadStatus.FAILED));
        }
    }

    @Test
    void gzipOverTheSizeLimit_crossedInLine21_shouldNameThatLine() throws Exception {
        // header 7 bytes, rows 15 bytes each: row i ends at byte 7 + 15 i; the limit of 300 falls in row 20 (line 21)
        StringBuilder csv = new StringBuilder("Date,a\n");
        for (int i = 0; i < 40; i++) {
            csv.append(LocalDate.of(2024, 1, 4).plusWeeks(i)).append(",1.0\n");
        }
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(gz.size()).as("compressed, under the limit").isLessThan(300);
        try (var small = new EmbeddedWarehouseFixture(dir.resolve("gz"), java.util.Map.of(
                "heavy-ingest.ingest.max-file-bytes", "300"))) {
            CsvFormatException e = catchThrowableOfType(CsvFormatException.class, () -> Delivered.deliver(
                    small.fromMemory, small.memory.put("big.csv.gz", gz.toByteArray()), "0123456789abcdef"));

            assertThat(e.problem()).isEqualTo(CsvProblem.TOO_LARGE);
            assertThat(e.line()).isEqualTo(21);
            assertThat(e.column()).as("the whole line crosses a file limit").isZero();
            assertThat(e.getMessage()).startsWith("big.csv.gz:21: ").contains("bytes 293..307", "decompressed");
        }
    }

    @Test
    void progress_ofAGzipObject_shouldCompareCompressedBytesReadWithTheCompressedSize() throws Exception {
        java.util.Random random = new java.util.Random(7);
        StringBuilder csv = new StringBuilder("Date");
        for (int s = 0; s < 60; s++) {
            csv.append(",s").append(s);
        }
        csv.append('\n');
        for (int d = 0; d < 3000; d++) {
            csv.append(LocalDate.of(2020, 1, 1).plusDays(d));
            for (int s = 0; s < 60; s++) {
                csv.append(',').append(random.nextInt(2_000_000) / 100.0);
            }
            csv.append('\n');
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                Object[] params = record.getParameters();
                lines.add(params == null ? record.getMessage() : String.format(record.getMessage(), params));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(java.util.logging.Level.ALL);
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(IngestService.class.getName());
        java.util.logging.Level level = logger.getLevel();
        // set here: a Quarkus test earlier in the same JVM may have left another level on this category
        logger.setLevel(java.util.logging.Level.ALL);
        logger.addHandler(capture);
        try (var progress = new EmbeddedWarehouseFixture(dir.resolve("progress"), java.util.Map.of(
                "heavy-ingest.ingest.progress-bytes", "100000"))) {
            Delivered.deliver(progress.fromMemory, progress.memory.put("pnl.csv.gz", gz.toByteArray()),
                    "0123456789abcdef");
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(level);
        }

        java.util.regex.Pattern line = java.util.regex.Pattern.compile(
                "pnl\\.csv\\.gz: ([\\d,.]+) of ([\\d,.]+) \\((\\d+)%\\) bytes \\(([\\d,.]+) decompressed\\).*");
        List<long[]> reports = lines.stream().map(line::matcher).filter(java.util.regex.Matcher::matches)
                .map(m -> new long[] {digits(m.group(1)), digits(m.group(2)), Long.parseLong(m.group(3)),
                        digits(m.group(4))}).toList();
        assertThat(reports).as("progress lines in %s", lines).hasSizeGreaterThanOrEqualTo(3);
        for (long[] r : reports) {
            assertThat(r[1]).isEqualTo(gz.size());
            assertThat(r[0]).isLessThanOrEqualTo(r[1]);
            assertThat((double) r[2]).isCloseTo(100.0 * r[0] / r[1], org.assertj.core.api.Assertions.within(0.5));
            assertThat(r[3]).as("decompressed bytes parsed").isGreaterThan(r[0]);
        }
    }

    private static long digits(String text) {
        return Long.parseLong(text.replaceAll("\\D", ""));
    }

    @Test
    void headerOverTheSizeLimit_ofAStreamOfUnknownSize_shouldNameLineOne() {
        try (var small = new EmbeddedWarehouseFixture(dir.resolve("header"), java.util.Map.of(
                "heavy-ingest.ingest.max-file-bytes", "10"))) {
            byte[] bytes = "Date,alpha,beta\n2024-01-04,1,2\n".getBytes(StandardCharsets.UTF_8);
            CsvFormatException e = catchThrowableOfType(CsvFormatException.class, () -> Delivered.deliver(
                    small.fromMemory, small.memory.put("unknown.csv", -1,
                            () -> new java.io.ByteArrayInputStream(bytes)), "0123456789abcdef"));

            assertThat(e.problem()).isEqualTo(CsvProblem.TOO_LARGE);
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.getMessage()).contains("bytes 1..16");
        }
    }

    @Test
    void dateBeyondThePlannedEncoding_shouldFailWithAClearFix() {
        CsvFormatException e = catchThrowableOfType(CsvFormatException.class,
                () -> w.ingestText("far.csv", "Date,a\n2024-01-04,1\n2024-01-11,1\n2075-01-03,2\n"));
        assertThat(e.problem()).isEqualTo(CsvProblem.DATE_OUT_OF_PLAN);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.detail()).contains("date-encoding=DAYS32");
        try (var wide = new EmbeddedWarehouseFixture(dir.resolve("days32"), java.util.Map.of(
                "heavy-ingest.schema.date-encoding", "DAYS32"))) {
            assertThat(wide.ingestText("far.csv", "Date,a\n2024-01-04,1\n2024-01-11,1\n2075-01-03,2\n").record().rows())
                    .isEqualTo(3);
        }
    }

    @Test
    void localFileIdentity_shouldEqualTheLocalObjectStoreIdentity() throws IOException {
        assertThat(LocalFiles.identity(SENSEX))
                .isEqualTo(io.heavyingest.bucket.LocalObjectStore.ref(SENSEX).identity("file"))
                .startsWith("file:///").contains("#758865-");
        assertThat(DatasetIds.of(LocalFiles.identity(SENSEX))).isEqualTo(w.ingestFile(SENSEX).record().datasetId());
    }

    static void assertBits(double actual, double expected) {
        assertThat(Double.doubleToRawLongBits(actual)).as(actual + " vs " + expected)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }
}
