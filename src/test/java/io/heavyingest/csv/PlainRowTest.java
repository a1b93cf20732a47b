package io.heavyingest.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The fast path of the reader (plain rows parsed straight from the buffer, split by bytes across parse threads) reads
 * exactly what the general path reads, row by row, and leaves every error to the general path, which reports it the
 * same whatever the thread count.
 */
class PlainRowTest {
    private static final int WIDE = 7_000; // about 120 KB a row: rows cross the 1 MB read buffer's end

    /** What one read of a file gives: every row's date, line, values (as bits), flags, and the error if any. */
    record Read(List<String> rows, long bytesRead, long plainRows, CsvFormatException error) {
    }

    static Read read(byte[] file, int threads, boolean plainRows) {
        List<String> rows = new ArrayList<>();
        long[] counts = new long[2];
        CsvFormatException error = catchThrowableOfType(CsvFormatException.class, () -> {
            try (WideCsvReader reader = new WideCsvReader(new ByteArrayInputStream(file), "f.csv", CsvLimits.DEFAULTS,
                    threads, plainRows)) {
                WideRow row = new WideRow(reader.header().strategies().size());
                try {
                    while (reader.next(row)) {
                        StringBuilder sb = new StringBuilder().append(row.date()).append(" line ").append(row.line())
                                .append(" missing ").append(row.missingCount()).append(':');
                        for (int s = 0; s < row.size(); s++) {
                            sb.append(row.isMissing(s) ? "-" : Long.toHexString(Double.doubleToRawLongBits(row.value(s))))
                                    .append(',');
                        }
                        rows.add(sb.toString());
                    }
                } finally {
                    counts[0] = reader.bytesRead();
                    counts[1] = reader.plainRowsRead();
                }
            }
        });
        return new Read(rows, counts[0], counts[1], error);
    }

    /** Reads {@code text} the general way on one thread and the fast way on 1, 2 and 3 threads: all the same. */
    static Read assertSameAsGeneralPath(String text) {
        byte[] file = text.getBytes(StandardCharsets.UTF_8);
        Read general = read(file, 1, false);
        assertThat(general.plainRows()).isZero();
        Read last = null;
        for (int threads = 1; threads <= 3; threads++) {
            Read fast = read(file, threads, true);
            assertThat(fast.rows()).as("%d threads", threads).containsExactlyElementsOf(general.rows());
            if (general.error() == null) {
                assertThat(fast.error()).as("%d threads", threads).isNull();
                assertThat(fast.bytesRead()).isEqualTo(general.bytesRead()).isEqualTo(file.length);
            } else {
                assertThat(fast.error()).as("%d threads", threads).isNotNull();
                assertThat(fast.error().problem()).isEqualTo(general.error().problem());
                assertThat(fast.error().line()).isEqualTo(general.error().line());
                assertThat(fast.error().column()).isEqualTo(general.error().column());
                assertThat(fast.error().getMessage()).isEqualTo(general.error().getMessage());
            }
            last = fast;
        }
        return last;
    }

    /** A header of {@link #WIDE} strategies and {@code days} rows of {@code cell(day, strategy)}, each ended by {@code eol}. */
    static String file(int days, BiFunction<Integer, Integer, String> cell, String eol) {
        StringBuilder sb = new StringBuilder("Date,Day");
        for (int s = 0; s < WIDE; s++) {
            sb.append(",s").append(s);
        }
        sb.append(eol);
        LocalDate date = LocalDate.of(2024, 1, 1);
        for (int d = 0; d < days; d++, date = date.plusDays(1)) {
            sb.append(date).append(',').append(date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            for (int s = 0; s < WIDE; s++) {
                sb.append(',').append(cell.apply(d, s));
            }
            sb.append(eol);
        }
        return sb.toString();
    }

    /** Plain values of many shapes: every length, signs, exponents, empty cells, no spaces or quotes. */
    static String plainCell(int day, int strategy) {
        int k = day * WIDE + strategy;
        return switch (k % 9) {
            case 0 -> "";
            case 1 -> Double.toString(k * 1.000000000000001 - 12345.678);
            case 2 -> "-" + k + "e-" + (k % 30);
            case 3 -> "0.1000000000000000055511151231257827" + k;
            case 4 -> "+" + (k % 1000) + ".";
            case 5 -> "." + k;
            case 6 -> "-0.0";
            case 7 -> k + "E+" + (k % 200);
            default -> String.valueOf(k * 0.7);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void plainRows_anyLineBreak_shouldReadAsTheGeneralPathOnTheFastPath(String eol) {
        Read read = assertSameAsGeneralPath(file(12, PlainRowTest::plainCell, eol));
        assertThat(read.rows()).hasSize(12);
        assertThat(read.plainRows()).isEqualTo(12);
    }

    @Test
    void lastRowWithoutLineBreak_shouldReadAsTheGeneralPath() {
        String text = file(5, PlainRowTest::plainCell, "\n");
        Read read = assertSameAsGeneralPath(text.substring(0, text.length() - 1));
        assertThat(read.rows()).hasSize(5);
        assertThat(read.plainRows()).isEqualTo(5);
    }

    @Test
    void emptyLastCellAtTheEndOfTheInput_shouldBeMissing() {
        String text = file(3, (d, s) -> s == WIDE - 1 ? "" : plainCell(d, s), "\n");
        Read read = assertSameAsGeneralPath(text.substring(0, text.length() - 1));
        assertThat(read.rows().get(2)).endsWith(",-,");
    }

    @Test
    void blankLinesBetweenRows_shouldBeSkippedAsByTheGeneralPath() {
        String text = file(6, PlainRowTest::plainCell, "\n").replace("\n2024-01-03", "\n\n\r\n2024-01-03");
        Read read = assertSameAsGeneralPath(text);
        assertThat(read.rows()).hasSize(6);
    }

    @Test
    void quotesAndSpacesLateInSomeRows_shouldFallBackForThoseRowsOnly() {
        Read read = assertSameAsGeneralPath(file(8, (d, s) -> d % 3 == 1 && s == WIDE - 20 ? "\"1,5\"".replace(",", "")
                : d % 3 == 2 && s == WIDE / 2 + 7 ? " 2.5 " : plainCell(d, s), "\n"));
        assertThat(read.plainRows()).isEqualTo(8 - 5);
    }

    @Test
    void quotedLineBreakInARow_shouldFallBackAndCountTheLines() {
        String text = file(4, PlainRowTest::plainCell, "\n").replace("\n2024-01-03,Wednesday,", "\n\"2024-01-03\",\"Wed\nnesday\",");
        Read read = assertSameAsGeneralPath(text);
        assertThat(read.error()).isNotNull(); // the day no longer matches: reported with the line it starts on
        assertThat(read.error().problem()).isEqualTo(CsvProblem.DAY_MISMATCH);
    }

    @Test
    void rowsMuchShorterThanTheOneBefore_shouldReadAsTheGeneralPath() {
        assertSameAsGeneralPath(file(6, (d, s) -> d % 2 == 0 ? "0.1000000000000000055511151231257827" + s
                : s % 2 == 0 ? "" : "1", "\n"));
    }

    @Test
    void headerMuchLongerThanTheRows_shouldReadAsTheGeneralPath() {
        String text = file(3, (d, s) -> "1", "\n").replace(",s", ",a-long-strategy-name-of-sixty-characters-or-so-for-the-test-");
        Read read = assertSameAsGeneralPath(text);
        assertThat(read.rows()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1x", "1e400", "-", "NaN", "Infinity", "0x10", "1 2", "\"3\"x"})
    void badValueLateInAPlainRow_shouldBeReportedAsByTheGeneralPath(String bad) {
        Read read = assertSameAsGeneralPath(file(4, (d, s) -> d == 2 && s == WIDE - 3 ? bad : plainCell(d, s), "\n"));
        assertThat(read.error()).isNotNull();
        assertThat(read.error().line()).isEqualTo(4);
        assertThat(read.error().column()).isEqualTo(WIDE - 3 + 3);
        assertThat(read.rows()).hasSize(2);
    }

    @Test
    void badValuesInEveryPart_shouldReportTheFirstByColumn() {
        Read read = assertSameAsGeneralPath(file(3, (d, s) -> d == 1 && s % 2_000 == 1_999 ? "x" : plainCell(d, s), "\n"));
        assertThat(read.error().column()).isEqualTo(1_999 + 3);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1})
    void rowWithAFieldTooFewOrTooMany_shouldBeReportedAsByTheGeneralPath(int extra) {
        String text = file(3, PlainRowTest::plainCell, "\n");
        String[] lines = text.split("\n", -1);
        lines[2] = extra < 0 ? lines[2].substring(0, lines[2].lastIndexOf(',')) : lines[2] + ",7";
        Read read = assertSameAsGeneralPath(String.join("\n", lines));
        assertThat(read.error().problem()).isEqualTo(CsvProblem.FIELD_COUNT);
        assertThat(read.error().line()).isEqualTo(3);
    }

    @Test
    void fieldOverTheSizeLimitLateInARow_shouldBeReportedAsByTheGeneralPath() {
        Read read = assertSameAsGeneralPath(file(2, (d, s) -> d == 1 && s == WIDE - 100 ? "1" + "0".repeat(5_000)
                : plainCell(d, s), "\n"));
        assertThat(read.error().problem()).isEqualTo(CsvProblem.FIELD_TOO_LONG);
    }

    @Test
    void duplicateDateOnPlainRows_shouldNameTheEarlierLine() {
        String text = file(4, PlainRowTest::plainCell, "\n");
        String[] lines = text.split("\n", -1);
        lines[4] = lines[2];
        Read read = assertSameAsGeneralPath(String.join("\n", lines));
        assertThat(read.error().problem()).isEqualTo(CsvProblem.DUPLICATE_DATE);
        assertThat(read.error().getMessage()).contains("line 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01,Monday", "2024-02-30,Friday", " 2024-01-02 ,Tuesday", "2024-01-02,tuesday ",
            "2024-01-02,TUESDAY", "2024-01-02,Monday", "2024-01-02,\u017ftuesday"})
    void unusualDateOrDayField_shouldBeDecidedByTheGeneralPath(String lead) {
        String text = file(3, PlainRowTest::plainCell, "\n").replace("2024-01-02,Tuesday", lead);
        assertSameAsGeneralPath(text);
    }

    /**
     * Plain files with a few random edits anywhere in the text (quotes, spaces, line breaks, commas, stray bytes,
     * deleted bytes): whatever the edit makes of the file, the fast path on any thread count reads what the general
     * path reads, or fails with the same error.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void randomEditsOfAPlainFile_shouldReadAsTheGeneralPath(long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder(file(4, PlainRowTest::plainCell, random.nextBoolean() ? "\n" : "\r\n"));
        String[] inserts = {"\"", " ", "\n", "\r", ",", "x", "\u00e9", "\"\"", "\r\n", "e", "-", "."};
        int edits = 1 + random.nextInt(3);
        int headerEnd = text.indexOf("\n");
        for (int e = 0; e < edits; e++) {
            int at = headerEnd + 1 + random.nextInt(text.length() - headerEnd - 1);
            if (random.nextInt(4) == 0) {
                text.deleteCharAt(at);
            } else {
                text.insert(at, inserts[random.nextInt(inserts.length)]);
            }
        }
        assertSameAsGeneralPath(text.toString());
    }

    @Test
    void readToTheEnd_shouldLeaveNoParseThreadRunning() throws InterruptedException {
        byte[] file = file(3, PlainRowTest::plainCell, "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(read(file, 3, true).rows()).hasSize(3);
        assertThat(waitForNoParseThreads()).isTrue();
    }

    @Test
    void readerAbandonedMidFile_shouldLeaveNoParseThreadAfterItsIdleTime() throws InterruptedException {
        byte[] file = file(3, PlainRowTest::plainCell, "\n").getBytes(StandardCharsets.UTF_8);
        WideCsvReader reader = new WideCsvReader(new ByteArrayInputStream(file), "f.csv", CsvLimits.DEFAULTS, 2);
        assertThat(reader.next(new WideRow(WIDE))).isTrue();
        assertThat(parseThreads()).isPositive();
        assertThat(waitForNoParseThreads()).isTrue(); // never closed: the helper ends after two idle seconds
    }

    private static long parseThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("csv-parse-") && t.isAlive()).count();
    }

    private static boolean waitForNoParseThreads() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (parseThreads() == 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
