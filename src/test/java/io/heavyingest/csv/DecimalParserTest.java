package io.heavyingest.csv;

import io.heavyingest.generate.PythonFloat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalParserTest {

    static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return DecimalParser.parse(b, 0, b.length);
    }

    static void assertSameAsJdk(String s) {
        assertThat(Double.doubleToRawLongBits(parse(s)))
                .as(s)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
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

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "abc", "NaN", "Infinity", "0x1p3", "1d",
            "1f", " 1", "1 ", "1_000", "--1"})
    void invalidText_shouldBeReportedAsInvalid(String s) {
        assertThat(DecimalParser.isInvalid(parse(s))).as(s).isTrue();
    }
}
