package io.heavyingest.csv;

import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The reader's values are bit-identical to {@link Double#parseDouble} on whole files, at every parse-thread count,
 * and a parallel read reports bad input exactly as the single-threaded read does.
 */
class ParallelParseTest {
    private static final int WIDE = 7_000; // wide enough for three chunks of at least 2,048 values

    /** Every value of every data row, by an independent split of the text (no quotes in these files' data rows). */
    static List<String[]> cellsOf(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int l = 1; l < lines.length; l++) {
            if (!lines[l].isEmpty()) {
                assertThat(lines[l]).doesNotContain("\"");
                rows.add(lines[l].split(",", -1));
            }
        }
        return rows;
    }

    /** Reads {@code file} with {@code threads} parse threads and checks every value against the JDK, bit for bit. */
    static long assertBitIdenticalToJdk(byte[] file, int threads) {
        List<String[]> cells = cellsOf(file);
        long compared = 0;
        try (WideCsvReader reader = new WideCsvReader(new ByteArrayInputStream(file), "f.csv", CsvLimits.DEFAULTS, threads)) {
            int lead = reader.header().leadingColumns();
            WideRow row = new WideRow(reader.header().strategies().size());
            int r = 0;
            while (reader.next(row)) {
                String[] expected = cells.get(r);
                assertThat(expected).hasSize(lead + row.size());
                for (int s = 0; s < row.size(); s++) {
                    String text = expected[lead + s].strip();
                    if (text.isEmpty()) {
                        assertThat(row.isMissing(s)).as("row %d strategy %d", r, s).isTrue();
                        continue;
                    }
                    assertThat(row.isMissing(s)).isFalse();
                    long want = Double.doubleToRawLongBits(Double.parseDouble(text));
                    if (Double.doubleToRawLongBits(row.value(s)) != want) { // one assertion per value is too slow
                        assertThat(row.value(s)).as("row %d strategy %d: \"%s\"", r, s, text)
                                .isEqualTo(Double.longBitsToDouble(want));
                    }
                    compared++;
                }
                r++;
            }
            assertThat(r).isEqualTo(cells.size());
        }
        return compared;
    }

    @Test
    void productionShapedFile_oneAndTwoThreads_shouldMatchJdkBitForBit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(40 << 20);
        PnlFileGenerator.write(GeneratorSpec.production(42), out);
        byte[] file = out.toByteArray();
        long values = (long) GeneratorSpec.PRODUCTION_DAYS * GeneratorSpec.PRODUCTION_STRATEGIES;
        assertThat(assertBitIdenticalToJdk(file, 1)).isEqualTo(values);
        assertThat(assertBitIdenticalToJdk(file, 2)).isEqualTo(values);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 0})
    void realSample_anyThreadCount_shouldMatchJdkBitForBit(int threads) throws IOException {
        byte[] file = Files.readAllBytes(Path.of("src/test/resources/data/sensex_500x82.csv"));
        assertThat(assertBitIdenticalToJdk(file, threads)).isEqualTo(82L * 500);
    }

    /** A file {@link #WIDE} strategies wide, {@code days} rows, values of every length; {@code edit} may break it. */
    static String wideFile(int days, java.util.function.BiFunction<Integer, Integer, String> cell) {
        StringBuilder sb = new StringBuilder("Date,Day");
        for (int s = 0; s < WIDE; s++) {
            sb.append(",s").append(s);
        }
        sb.append('\n');
        java.time.LocalDate date = java.time.LocalDate.of(2024, 1, 1);
        for (int d = 0; d < days; d++, date = date.plusDays(1)) {
            sb.append(date).append(',').append(date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL,
                    java.util.Locale.ENGLISH));
            for (int s = 0; s < WIDE; s++) {
                sb.append(',').append(cell.apply(d, s));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static String goodCell(int day, int strategy) {
        int k = day * WIDE + strategy;
        return switch (k % 5) {
            case 0 -> "";
            case 1 -> Double.toString(k * 1.000000000000001 - 12345.678);
            case 2 -> " " + (k % 997) + ".25 ";
            case 3 -> "-" + k + "e-" + (k % 30);
            default -> "0.1000000000000000055511151231257827" + k;
        };
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 0})
    void wideRows_manyThreads_shouldReadTheSameAsOneThread(int threads) {
        byte[] file = wideFile(7, ParallelParseTest::goodCell).getBytes(StandardCharsets.UTF_8);
        assertBitIdenticalToJdk(file, threads);
        try (WideCsvReader one = new WideCsvReader(new ByteArrayInputStream(file), "f.csv", CsvLimits.DEFAULTS, 1);
             WideCsvReader many = new WideCsvReader(new ByteArrayInputStream(file), "f.csv", CsvLimits.DEFAULTS, threads)) {
            assertThat(many.parseThreads()).isEqualTo(threads == 0
                    ? Math.min(Runtime.getRuntime().availableProcessors(), WIDE / 2048) : Math.min(threads, WIDE / 2048));
            WideRow a = new WideRow(WIDE);
            WideRow b = new WideRow(WIDE);
            while (one.next(a)) {
                assertThat(many.next(b)).isTrue();
                assertThat(b.values()).containsExactly(a.values());
                assertThat(b.missing()).containsExactly(a.missing());
                assertThat(b.missingCount()).isEqualTo(a.missingCount()).isPositive();
                assertThat(b.line()).isEqualTo(a.line());
                assertThat(b.date()).isEqualTo(a.date());
            }
            assertThat(many.next(b)).isFalse();
        }
    }

    @Test
    void narrowRows_manyThreads_shouldParseOnTheCallingThread() {
        byte[] file = "Date,a,b\n2024-01-04,1,2\n".getBytes(StandardCharsets.UTF_8);
        try (WideCsvReader reader = new WideCsvReader(new ByteArrayInputStream(file), "f.csv", CsvLimits.DEFAULTS, 4)) {
            assertThat(reader.parseThreads()).isEqualTo(1);
            WideRow row = new WideRow(2);
            assertThat(reader.next(row)).isTrue();
            assertThat(row.values()).containsExactly(1.0, 2.0);
        }
    }

    @Test
    void negativeThreadCount_shouldBeRefused() {
        InputStream in = new ByteArrayInputStream("Date,a\n2024-01-04,1\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new WideCsvReader(in, "f.csv", CsvLimits.DEFAULTS, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    static CsvFormatException failure(String text, int threads) {
        byte[] file = text.getBytes(StandardCharsets.UTF_8);
        CsvFormatException e = catchThrowableOfType(CsvFormatException.class, () -> {
            try (WideCsvReader reader = new WideCsvReader(new ByteArrayInputStream(file), "f.csv", CsvLimits.DEFAULTS, threads)) {
                WideRow row = new WideRow(reader.header().strategies().size());
                while (reader.next(row)) {
                    // read to the end or the first error
                }
            }
        });
        assertThat(e).as("expected a CsvFormatException").isNotNull();
        return e;
    }

    static void assertSameFailure(String text, int threads, CsvProblem problem, long line, int column) {
        CsvFormatException single = failure(text, 1);
        CsvFormatException parallel = failure(text, threads);
        assertThat(single.problem()).isEqualTo(problem);
        assertThat(single.line()).isEqualTo(line);
        assertThat(single.column()).isEqualTo(column);
        assertThat(parallel.problem()).isEqualTo(single.problem());
        assertThat(parallel.line()).isEqualTo(single.line());
        assertThat(parallel.column()).isEqualTo(single.column());
        assertThat(parallel.strategy()).isEqualTo(single.strategy()).isEqualTo("s" + (column - 3));
        assertThat(parallel.getMessage()).isEqualTo(single.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void badValueInTheSecondHalf_parallel_shouldBeReportedAsWithOneThread(int threads) {
        String text = wideFile(4, (d, s) -> d == 2 && s == WIDE - 10 ? "12x" : goodCell(d, s));
        assertSameFailure(text, threads, CsvProblem.BAD_NUMBER, 4, WIDE - 10 + 3);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void badValuesInEveryChunk_parallel_shouldReportTheFirstByColumn(int threads) {
        // bad values spread over every chunk: a later chunk finishing first must not win
        String text = wideFile(3, (d, s) -> d == 1 && (s == 1_900 || s == 3_000 || s == 4_100 || s == 5_999)
                ? (s == 1_900 ? "1.2.3" : "NaN") : goodCell(d, s));
        assertSameFailure(text, threads, CsvProblem.BAD_NUMBER, 3, 1_900 + 3);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void nonFiniteValueInALaterChunk_parallel_shouldBeReportedAsWithOneThread(int threads) {
        String text = wideFile(2, (d, s) -> d == 0 && s >= 5_000 && s % 100 == 7 ? "-1e999" : goodCell(d, s));
        assertSameFailure(text, threads, CsvProblem.NOT_FINITE, 2, 5_007 + 3);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void rowWithTooFewFields_parallel_shouldBeReportedBeforeAnyValue(int threads) {
        String text = wideFile(3, (d, s) -> d == 1 && s == 4_000 ? "bad" : goodCell(d, s));
        String shortRow = text.replace(",bad,", ",");
        CsvFormatException single = failure(shortRow, 1);
        CsvFormatException parallel = failure(shortRow, threads);
        assertThat(single.problem()).isEqualTo(CsvProblem.FIELD_COUNT);
        assertThat(parallel.getMessage()).isEqualTo(single.getMessage());
        assertThat(parallel.column()).isEqualTo(single.column());
    }

    @Test
    void fieldOverTheLimit_parallel_shouldBeReportedAsWithOneThread() {
        String text = wideFile(2, (d, s) -> d == 1 && s == 5_500 ? "1" + "0".repeat(5_000) : goodCell(d, s));
        CsvFormatException single = failure(text, 1);
        CsvFormatException parallel = failure(text, 2);
        assertThat(single.problem()).isEqualTo(CsvProblem.FIELD_TOO_LONG);
        assertThat(single.line()).isEqualTo(3);
        assertThat(single.column()).isEqualTo(5_500 + 3);
        assertThat(parallel.getMessage()).isEqualTo(single.getMessage());
    }
}
