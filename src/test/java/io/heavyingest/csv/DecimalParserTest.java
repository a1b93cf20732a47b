package io.heavyingest.csv;

import io.heavyingest.generate.PythonFloat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalParserTest {

    static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return DecimalParser.parse(b, 0, b.length);
    }

    /** The same text inside a larger array, between digits that must not be read as part of it. */
    static double parseEmbedded(String s) {
        byte[] text = s.getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[text.length + 24];
        java.util.Arrays.fill(b, (byte) '7');
        System.arraycopy(text, 0, b, 5, text.length);
        return DecimalParser.parse(b, 5, 5 + text.length);
    }

    static void assertSameAsJdk(String s) {
        long expected = Double.doubleToRawLongBits(Double.parseDouble(s));
        long bits = Double.doubleToRawLongBits(parse(s));
        long embedded = Double.doubleToRawLongBits(parseEmbedded(s));
        if (bits != expected || embedded != expected) { // one assertion per value is too slow for millions
            assertThat(bits).as(s).isEqualTo(expected);
            assertThat(embedded).as(s + " (embedded)").isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"325.7650000000006", "-1843.648249999998", "0.0", "-0.0", "0", "1", "-1", "+1",
            "0.1", "0.30000000000000004", "123456789012345678901234567890", "1e-05", "1.5e+16", "2.2250738585072014E-308",
            "4.9e-324", "1.7976931348623157e308", "9007199254740993", "9007199254740992.5", "0.000000000000000000000001",
            "1e22", "1e23", "123.456e-7", ".5", "5.", "00012.5000", "1234567890123456789.5"})
    void knownValues_shouldMatchTheJdkBitForBit(String s) {
        assertSameAsJdk(s);
    }

    @Test
    void randomPythonReprValues_shouldMatchTheJdkBitForBit() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> (Math.round(random.nextDouble() * 1e6) / 100.0 - Math.round(random.nextDouble() * 1e6) / 100.0) * 15;
                case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(-12, 12));
                case 2 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
                default -> random.nextInt(-100000, 100000) / 4.0;
            };
            assertSameAsJdk(PythonFloat.repr(v));
            assertSameAsJdk(Double.toString(v));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.500000000000000000", "-95.12345678901234567", "0.9300000000000000000",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "9999999999999999999",
            "18446744073709551616", "1000000000000000000.0", "0.1000000000000000000", "9.999999999999999999e5",
            "1234567890123456789", "12345678901234567890.5", "0.0000000000000000000000000000000000001234567890123456789",
            "1e-99999999999", "1e99999999999", "0.000000000000000000000000000000000000000000000000000000001e999999999999"})
    void parse_nineteenDigitMantissa_shouldMatchJdk(String s) {
        assertSameAsJdk(s);
    }

    @Test
    void parse_randomLongMantissas_shouldMatchJdk() {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sb.setLength(0);
            if (random.nextBoolean()) {
                sb.append('-');
            }
            int length = random.nextInt(17, 24);
            int point = random.nextInt(0, length + 1);
            for (int d = 0; d < length; d++) {
                if (d == point) {
                    sb.append('.');
                }
                sb.append((char) ('0' + (d == 0 ? random.nextInt(1, 10) : random.nextInt(10))));
            }
            if (random.nextInt(4) == 0) {
                sb.append('e').append(random.nextInt(-30, 30));
            }
            assertSameAsJdk(sb.toString());
        }
    }

    /** Random decimal text with exactly {@code length} digits, leading zeros, sign, point and exponent drawn at random. */
    static String randomDecimal(SplittableRandom random, int length, StringBuilder sb) {
        sb.setLength(0);
        int sign = random.nextInt(3);
        if (sign > 0) {
            sb.append(sign == 1 ? '-' : '+');
        }
        int leadingZeros = random.nextInt(4) == 0 ? random.nextInt(0, length + 1) : 0;
        int point = random.nextInt(5) == 0 ? -1 : random.nextInt(0, length + 1);
        for (int d = 0; d < length; d++) {
            if (d == point) {
                sb.append('.');
            }
            sb.append((char) ('0' + (d < leadingZeros ? 0 : random.nextInt(10))));
        }
        if (point == length) {
            sb.append('.'); // "5." is a decimal too
        }
        switch (random.nextInt(6)) {
            case 0 -> sb.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(-30, 31));
            case 1 -> sb.append('e').append(random.nextBoolean() ? "+" : "-").append(random.nextInt(0, 330));
            default -> { }
        }
        return sb.toString();
    }

    @Test
    void parse_randomDecimalsOfEveryLength_shouldMatchJdk() {
        SplittableRandom random = new SplittableRandom(13);
        StringBuilder sb = new StringBuilder();
        int checked = 0;
        for (int length = 1; length <= 25; length++) {
            for (int i = 0; i < 120_000; i++) {
                assertSameAsJdk(randomDecimal(random, length, sb));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3_000_000);
    }

    @Test
    void parse_nineteenAndTwentyDigitMantissas_shouldMatchJdk() {
        SplittableRandom random = new SplittableRandom(17);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500_000; i++) {
            int length = 19 + (i & 1);
            sb.setLength(0);
            if (random.nextBoolean()) {
                sb.append('-');
            }
            // the top of the range too: 19 digits above 2^63 (signed overflow), 20 digits above 2^64
            long high = i % 3 == 0 ? Long.MAX_VALUE - random.nextLong(1_000_000) : random.nextLong(Long.MAX_VALUE);
            String digits = Long.toUnsignedString(i % 5 == 0 ? -1L - random.nextLong(1_000_000) : high);
            digits = (digits + random.nextLong(Long.MAX_VALUE) + "0".repeat(20)).substring(0, length);
            int point = random.nextInt(0, length + 1);
            sb.append(digits, 0, point).append('.').append(digits, point, length);
            assertSameAsJdk(sb.toString());
        }
    }

    @Test
    void parse_valuesNearTwoToThe53_shouldMatchJdk() {
        BigDecimal limit = BigDecimal.valueOf(1L << 53);
        for (int k = -5000; k <= 5000; k++) {
            BigDecimal v = limit.add(BigDecimal.valueOf(k));
            for (int scale = 0; scale <= 22; scale++) {
                String text = v.movePointLeft(scale).toPlainString();
                assertSameAsJdk(text);
                assertSameAsJdk("-" + text);
                assertSameAsJdk(v.toPlainString() + "e-" + scale);
                assertSameAsJdk(v.movePointLeft(scale).toPlainString() + "5"); // one digit past the exact range
            }
        }
    }

    @Test
    void parse_roundHalfEvenBoundaries_shouldMatchJdk() {
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 100_000; i++) {
            double d = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL)
                    : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-20, 21));
            if (!Double.isFinite(Math.nextUp(d)) || d == 0) {
                continue;
            }
            // the exact midpoint between two neighbouring doubles: a tie, rounded to the even one
            BigDecimal midpoint = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
            assertSameAsJdk(midpoint.toString());
            // and the midpoint cut to 17..21 significant digits, just below and just above it
            for (int digits = 17; digits <= 21; digits++) {
                assertSameAsJdk(midpoint.round(new MathContext(digits, RoundingMode.FLOOR)).toString());
                assertSameAsJdk(midpoint.round(new MathContext(digits, RoundingMode.CEILING)).toString());
            }
        }
    }

    @Test
    void parse_leadingZerosBeforeNineteenSignificantDigits_shouldMatchJdk() {
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 100_000; i++) {
            String digits = Long.toString(random.nextLong(1_000_000_000_000_000_000L, Long.MAX_VALUE)).substring(0, 19);
            String zeros = "0".repeat(random.nextInt(1, 30));
            assertSameAsJdk(zeros + digits);
            assertSameAsJdk("0." + zeros + digits);
            assertSameAsJdk(zeros + "." + digits + "e" + random.nextInt(-40, 40));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995",
            "900719925474099.3", "0.9007199254740993", "18014398509481985", "18014398509481987",
            "1e-22", "9007199254740993e-22", "1e23", "8.98846567431158e307", "1.7976931348623158e308",
            "1.7976931348623159e308", "2.2250738585072011e-308", "2.2250738585072012e-308", "4.9406564584124654e-324",
            "2.4703282292062327e-324", "2.4703282292062328e-324", "7.038531e-26", "0.000000000000000000000000000000",
            "0.00000000000000000000000000000000000000000000e9999", "00000000000000000000000000000001",
            "1.00000000000000011102230246251565404236316680908203125",
            "1.00000000000000011102230246251565404236316680908203124",
            "9999999999999999999.5", "99999999999999999999", "18446744073709551615", "18446744073709551616"})
    void parse_knownHardCases_shouldMatchJdk(String s) {
        assertSameAsJdk(s);
        assertSameAsJdk("-" + s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "abc", "NaN", "Infinity", "0x1p3", "1d",
            "1f", " 1", "1 ", "1_000", "--1"})
    void invalidText_shouldBeReportedAsInvalid(String s) {
        assertThat(DecimalParser.isInvalid(parse(s))).as(s).isTrue();
        assertThat(DecimalParser.isInvalid(parseEmbedded(s))).as(s + " (embedded)").isTrue();
    }
}
