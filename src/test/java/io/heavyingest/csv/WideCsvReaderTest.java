package io.heavyingest.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WideCsvReaderTest {

    /** Everything a read produced, for assertions. */
    record Read(WideHeader header, List<LocalDate> dates, List<double[]> values, List<boolean[]> missing) {
    }

    static Read read(String text) {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Read read(InputStream in) {
        try (WideCsvReader reader = new WideCsvReader(in, "pnl.csv")) {
            WideRow row = new WideRow(reader.header().strategies().size());
            List<LocalDate> dates = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            List<boolean[]> missing = new ArrayList<>();
            while (reader.next(row)) {
                dates.add(row.date());
                values.add(row.values().clone());
                missing.add(row.missing().clone());
            }
            return new Read(reader.header(), dates, values, missing);
        }
    }

    static CsvFormatException failure(String text) {
        CsvFormatException e = catchThrowableOfType(CsvFormatException.class, () -> read(text));
        assertThat(e).as("expected a CsvFormatException").isNotNull();
        return e;
    }

    /** Serves at most {@code chunk} bytes per read, so records cross buffer refills everywhere. */
    static InputStream trickle(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void productionLayout_withDay_shouldReadDatesNamesAndValues() {
        Read r = read("Date,Day,SENSEX 1336-1406 SL71%,SENSEX 930-1030 SL38%TP27%\n"
                + "2024-01-04,Thursday,325.7650000000006,-1843.648249999998\n"
                + "2024-01-11,Thursday,0.0,12.5\n");
        assertThat(r.header().hasDay()).isTrue();
        assertThat(r.header().strategies()).containsExactly("SENSEX 1336-1406 SL71%", "SENSEX 930-1030 SL38%TP27%");
        assertThat(r.dates()).containsExactly(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 11));
        assertThat(r.values().get(0)).containsExactly(325.7650000000006, -1843.648249999998);
        assertThat(r.values().get(1)).containsExactly(0.0, 12.5);
    }

    @Test
    void crlfAndBom_shouldReadLikeLf() {
        String lf = "Date,Day,a,b\n2024-01-04,Thursday,1.5,2\n2024-01-05,Friday,3,4\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] crlf = lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + crlf.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(crlf, 0, both, 3, crlf.length);
        Read plain = read(lf);
        Read windows = read(new ByteArrayInputStream(both));
        assertThat(windows.header().strategies()).containsExactly("a", "b");
        assertThat(windows.dates()).isEqualTo(plain.dates());
        assertThat(windows.values().get(1)).containsExactly(plain.values().get(1));
    }

    @Test
    void quotedHeader_withCommaAndEscapedQuote_shouldBeOneStrategy() {
        Read r = read("Date,\"Day\",\"alpha, beta\",\"say \"\"hi\"\"\",plain\n2024-01-04,Thursday,1,\"2\",3\n");
        assertThat(r.header().strategies()).containsExactly("alpha, beta", "say \"hi\"", "plain");
        assertThat(r.values().get(0)).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void quotedHeader_withLineBreak_shouldKeepBreakAndCountLines() {
        CsvFormatException e = failure("Date,\"multi\nline\"\n2024-01-04,x\n");
        // the header spans lines 1-2, so the bad value is on line 3
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.strategy()).isEqualTo("multi\nline");
    }

    @Test
    void exponentsAndSigns_shouldParseExactly() {
        Read r = read("Date,a,b,c,d,e\n2024-01-04,1e-05,-2.5E+3,+7,1.5e16,-0.0\n");
        assertThat(r.values().get(0)).containsExactly(1e-05, -2500.0, 7.0, 1.5e16, -0.0);
        assertThat(Double.doubleToRawLongBits(r.values().get(0)[4])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void emptyCell_shouldBeMissingNotZero() {
        Read r = read("Date,Day,a,b,c\n2024-01-04,Thursday,,2,\n");
        assertThat(r.missing().get(0)).containsExactly(true, false, true);
        assertThat(r.values().get(0)[1]).isEqualTo(2.0);
    }

    @Test
    void noDayColumn_shouldTreatSecondColumnAsStrategy() {
        Read r = read("Date,Monday Strategy\n2024-01-08,4.25\n");
        assertThat(r.header().hasDay()).isFalse();
        assertThat(r.header().strategies()).containsExactly("Monday Strategy");
        assertThat(r.values().get(0)).containsExactly(4.25);
    }

    @Test
    void blankLinesAndMissingFinalNewline_shouldBeTolerated() {
        Read r = read("Date,a\n\n2024-01-04,1\n\n2024-01-05,2");
        assertThat(r.dates()).hasSize(2);
        assertThat(r.values().get(1)).containsExactly(2.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void tinyReads_acrossEveryBoundary_shouldGiveTheSameResult(int chunk) {
        String text = "\uFEFFDate,Day,\"q,1\",\"x\"\"y\",plain\r\n2024-01-04,Thursday,1.25,,-3e2\r\n"
                + "2024-01-05,Friday,\"4\",5.000000000000001,6\r\n";
        Read whole = read(text);
        Read trickled = read(trickle(text.getBytes(StandardCharsets.UTF_8), chunk));
        assertThat(trickled.header()).isEqualTo(whole.header());
        assertThat(trickled.dates()).isEqualTo(whole.dates());
        for (int i = 0; i < whole.values().size(); i++) {
            assertThat(trickled.values().get(i)).containsExactly(whole.values().get(i));
            assertThat(trickled.missing().get(i)).containsExactly(whole.missing().get(i));
        }
        assertThat(whole.header().strategies()).containsExactly("q,1", "x\"y", "plain");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 8, 9, 1 << 20})
    void randomFieldLengthsAndLineEnds_anyReadSize_shouldSplitEveryField(int chunk) {
        // separators land at every offset of the 8-byte words the scanner searches, and at the end of every read
        java.util.SplittableRandom random = new java.util.SplittableRandom(29);
        int strategies = 37;
        StringBuilder sb = new StringBuilder("Date");
        for (int s = 0; s < strategies; s++) {
            sb.append(",s").append(s);
        }
        List<double[]> expected = new ArrayList<>();
        List<boolean[]> expectedMissing = new ArrayList<>();
        LocalDate date = LocalDate.of(2024, 1, 1);
        for (int d = 0; d < 40; d++, date = date.plusDays(1)) {
            sb.append(switch (d % 3) { case 0 -> "\n"; case 1 -> "\r\n"; default -> "\r"; });
            sb.append(date);
            double[] values = new double[strategies];
            boolean[] missing = new boolean[strategies];
            for (int s = 0; s < strategies; s++) {
                sb.append(',');
                int length = random.nextInt(0, 20);
                if (length == 0) {
                    missing[s] = true;
                    continue;
                }
                String digits = Long.toString(random.nextLong(1, Long.MAX_VALUE)).repeat(2).substring(0, length);
                String text = random.nextInt(4) == 0 ? "\"" + digits + "\"" : digits;
                sb.append(text);
                values[s] = Double.parseDouble(digits);
            }
            expected.add(values);
            expectedMissing.add(missing);
        }
        Read r = read(trickle(sb.toString().getBytes(StandardCharsets.UTF_8), chunk));
        assertThat(r.dates()).hasSize(40);
        for (int d = 0; d < 40; d++) {
            assertThat(r.values().get(d)).as("row %d", d).containsExactly(expected.get(d));
            assertThat(r.missing().get(d)).as("row %d", d).containsExactly(expectedMissing.get(d));
        }
    }

    @Test
    void recordLongerThanTheReadBuffer_shouldBeRead() {
        StringBuilder header = new StringBuilder("Date");
        StringBuilder row = new StringBuilder("2024-01-04");
        for (int i = 0; i < 200_000; i++) {
            header.append(",strategy number ").append(i);
            row.append(",").append(i).append(".5");
        }
        Read r = read(header + "\n" + row + "\n");
        assertThat(r.header().strategies()).hasSize(200_000);
        assertThat(r.values().get(0)[199_999]).isEqualTo(199_999.5);
    }

    // ---- validation: every rule names line and column ----

    @Test
    void emptyFile_shouldFailOnLine1() {
        CsvFormatException e = failure("");
        assertThat(e.problem()).isEqualTo(CsvProblem.EMPTY_FILE);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).startsWith("pnl.csv:1: ");
    }

    @Test
    void headerWithoutRows_shouldFailNoRows() {
        CsvFormatException e = failure("Date,Day,a\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.NO_ROWS);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void dateNotFirst_shouldFailAtColumn1() {
        CsvFormatException e = failure("Day,Date,a\nThursday,2024-01-04,1\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.DATE_NOT_FIRST);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.getMessage()).isEqualTo("pnl.csv:1:1: first header field must be \"Date\" but is \"Day\"");
    }

    @Test
    void noStrategies_shouldFail() {
        assertThat(failure("Date,Day\n2024-01-04,Thursday\n").problem()).isEqualTo(CsvProblem.NO_STRATEGIES);
        assertThat(failure("Date\n2024-01-04\n").problem()).isEqualTo(CsvProblem.NO_STRATEGIES);
    }

    @Test
    void emptyStrategyName_shouldFailAtItsColumn() {
        CsvFormatException e = failure("Date,Day,a,,c\n2024-01-04,Thursday,1,2,3\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.EMPTY_STRATEGY_NAME);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(4);
    }

    @Test
    void duplicateStrategyName_shouldFailAtTheSecondOccurrence() {
        CsvFormatException e = failure("Date,Day,a,b,a\n2024-01-04,Thursday,1,2,3\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.DUPLICATE_STRATEGY_NAME);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.strategy()).isEqualTo("a");
        assertThat(e.detail()).contains("column 3");
    }

    @Test
    void rowWithTooFewFields_shouldFailWithLineAndColumn() {
        CsvFormatException e = failure("Date,Day,a,b\n2024-01-04,Thursday,1,2\n2024-01-05,Friday,1\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.FIELD_COUNT);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.detail()).isEqualTo("row has 3 fields but the header has 4");
    }

    @Test
    void rowWithTooManyFields_shouldPointAtTheFirstExtraColumn() {
        CsvFormatException e = failure("Date,Day,a\n2024-01-04,Thursday,1,2\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.FIELD_COUNT);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"04-01-2024", "2024/01/04", "2024-13-01", "2024-02-30", "", "20240104"})
    void badDate_shouldFailAtColumn1(String date) {
        CsvFormatException e = failure("Date,a\n2024-01-03,1\n" + date + ",2\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.BAD_DATE);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void duplicateDate_shouldNameTheEarlierLine() {
        CsvFormatException e = failure("Date,a\n2024-01-04,1\n2024-01-05,2\n2024-01-04,3\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.DUPLICATE_DATE);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.detail()).isEqualTo("date 2024-01-04 already appears on line 2");
    }

    @Test
    void dayNotMatchingDate_shouldFailAtColumn2() {
        CsvFormatException e = failure("Date,Day,a\n2024-01-04,Thursday,1\n2024-01-11,Friday,2\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.DAY_MISMATCH);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.detail()).isEqualTo("day is \"Friday\" but 2024-01-11 is a Thursday");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.2.3", "--1", "1e", "0x10", "1.5d", "1,5x", "12 34", "."})
    void badNumber_shouldNameLineColumnAndStrategy(String value) {
        CsvFormatException e = failure("Date,Day,a,b,c\n2024-01-04,Thursday,1,2,3\n2024-01-05,Friday,1,\"" + value + "\",3\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.BAD_NUMBER);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(4);
        assertThat(e.strategy()).isEqualTo("b");
        assertThat(e.getMessage()).startsWith("pnl.csv:3:4: value is not a number").endsWith("(strategy \"b\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan", "NaN", "inf", "-inf", "Infinity", "1e400", "-1e999"})
    void nonFiniteValue_shouldFailNotFinite(String value) {
        CsvFormatException e = failure("Date,a,b\n2024-01-04,1," + value + "\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.NOT_FINITE);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.strategy()).isEqualTo("b");
    }

    @Test
    void unclosedQuote_shouldFailMalformedQuoting() {
        CsvFormatException e = failure("Date,a\n2024-01-04,\"1\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.MALFORMED_QUOTING);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(2);
    }

    @Test
    void textAfterClosingQuote_shouldFailMalformedQuoting() {
        CsvFormatException e = failure("Date,\"a\"b\n2024-01-04,1\n");
        assertThat(e.problem()).isEqualTo(CsvProblem.MALFORMED_QUOTING);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(2);
    }

    @Test
    void readingPastTheEnd_shouldKeepReturningFalse() {
        try (WideCsvReader reader = new WideCsvReader(new ByteArrayInputStream("Date,a\n2024-01-04,1\n".getBytes()), "x")) {
            WideRow row = new WideRow(1);
            assertThat(reader.next(row)).isTrue();
            assertThat(reader.next(row)).isFalse();
            assertThat(reader.rowsRead()).isEqualTo(1);
            assertThat(reader.bytesRead()).isEqualTo(20);
        }
        assertThatThrownBy(() -> read("Date,a\n2024-01-04,1\n2024-01-04,1\n")).isInstanceOf(CsvFormatException.class);
    }
}
