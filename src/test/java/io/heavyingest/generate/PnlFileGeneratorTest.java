package io.heavyingest.generate;

import io.heavyingest.csv.WideCsvReader;
import io.heavyingest.csv.WideRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PnlFileGeneratorTest {
    static final Pattern PRODUCTION_NAME = Pattern.compile("^SENSEX (\\d{3,4})-(\\d{3,4}) SL(\\d+)%(?:TP(\\d+)%)?$");

    static byte[] generate(GeneratorSpec spec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PnlFileGenerator.write(spec, out);
        return out.toByteArray();
    }

    @Test
    void sameSeed_shouldGiveTheSameBytes_andAnotherSeedOtherBytes() throws IOException {
        assertThat(generate(GeneratorSpec.of(5, 300, 1))).isEqualTo(generate(GeneratorSpec.of(5, 300, 1)));
        assertThat(generate(GeneratorSpec.of(5, 300, 1))).isNotEqualTo(generate(GeneratorSpec.of(5, 300, 2)));
    }

    @Test
    void anyShape_shouldReadBackWithThatShapeAndProductionNames() throws IOException {
        byte[] bytes = generate(new GeneratorSpec(30, 2000, 9, LocalDate.of(2024, 1, 4), 1, true));
        String text = new String(bytes);
        assertThat(text.split("\r\n", -1)).hasSize(32); // header + 30 rows + the empty tail
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");
        try (WideCsvReader reader = new WideCsvReader(new ByteArrayInputStream(bytes), "gen.csv")) {
            List<String> names = reader.header().strategies();
            assertThat(names).hasSize(2000).doesNotHaveDuplicates()
                    .allSatisfy(n -> assertThat(n).matches(PRODUCTION_NAME).hasSizeBetween(19, 27));
            WideRow row = new WideRow(names.size());
            List<LocalDate> dates = new ArrayList<>();
            int positive = 0;
            int negative = 0;
            int zero = 0;
            double maxAbs = 0;
            while (reader.next(row)) {
                dates.add(row.date());
                for (double v : row.values()) {
                    positive += v > 0 ? 1 : 0;
                    negative += v < 0 ? 1 : 0;
                    zero += v == 0 ? 1 : 0;
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
            }
            assertThat(dates).hasSize(30).isSorted().doesNotHaveDuplicates()
                    .allSatisfy(d -> assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            assertThat(positive).isGreaterThan(10_000);
            assertThat(negative).isGreaterThan(10_000);
            assertThat(zero).as("a few flat days, like the real sample").isBetween(1, 1_000);
            assertThat(maxAbs).as("heavy tails").isGreaterThan(1_000);
        }
    }

    @Test
    void productionSpec_shouldLookLikeTheProductionFile() throws IOException {
        GeneratorSpec spec = GeneratorSpec.production(42);
        assertThat(spec.days()).isEqualTo(82);
        assertThat(spec.strategies()).isEqualTo(25_544);
        byte[] bytes = generate(new GeneratorSpec(3, 25_544, 42, spec.firstDate(), 7, false));
        String text = new String(bytes);
        assertThat(text).startsWith("Date,Day,SENSEX ");
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).startsWith("2024-01-04,Thursday,");
        assertThat(new HashSet<>(List.of(text.lines().findFirst().orElseThrow().split(",")))).hasSize(25_546);
    }

    @Test
    void pythonRepr_shouldMatchPythonSpelling() {
        assertThat(PythonFloat.repr(325.7650000000006)).isEqualTo("325.7650000000006");
        assertThat(PythonFloat.repr(0.0)).isEqualTo("0.0");
        assertThat(PythonFloat.repr(-0.0)).isEqualTo("-0.0");
        assertThat(PythonFloat.repr(100.0)).isEqualTo("100.0");
        assertThat(PythonFloat.repr(1e-05)).isEqualTo("1e-05");
        assertThat(PythonFloat.repr(0.0001)).isEqualTo("0.0001");
        assertThat(PythonFloat.repr(12345678.5)).isEqualTo("12345678.5");
        assertThat(PythonFloat.repr(1e16)).isEqualTo("1e+16");
        assertThat(PythonFloat.repr(1.5e16)).isEqualTo("1.5e+16");
        assertThat(PythonFloat.repr(1234567890123456.0)).isEqualTo("1234567890123456.0");
        assertThat(PythonFloat.repr(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(PythonFloat.repr(1e100)).isEqualTo("1e+100");
    }
}
