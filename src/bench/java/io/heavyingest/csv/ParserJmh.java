package io.heavyingest.csv;

import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * JMH micro-benchmarks of the reader's fast path, on a production-shaped file held in memory (no disk):
 * the whole file parsed on one and on two threads (divide the file's 35 MB by the score for MB/s) and single
 * decimals of the common lengths: 16 digits (Clinger's fast path) and 17 digits (Eisel-Lemire).
 * Run: {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.openjdk.jmh.Main
 * -Dexec.args="ParserJmh"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ParserJmh {
    private byte[] file;
    private byte[] shortValue;
    private byte[] longValue;
    private byte[] seventeenDigits;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(40 << 20);
        PnlFileGenerator.write(GeneratorSpec.production(42), out);
        file = out.toByteArray();
        shortValue = "-1843.64825".getBytes(StandardCharsets.US_ASCII);
        longValue = "325.7650000000006".getBytes(StandardCharsets.US_ASCII);
        seventeenDigits = "-1843.6482499999983".getBytes(StandardCharsets.US_ASCII);
    }

    /** The production-shaped file, header to last row, every value parsed and validated. */
    @Benchmark
    public double wholeFile() throws IOException {
        return wholeFile(1);
    }

    /** The same on two parse threads (the calling thread and one helper). */
    @Benchmark
    public double wholeFileTwoThreads() throws IOException {
        return wholeFile(2);
    }

    private double wholeFile(int threads) throws IOException {
        try (WideCsvReader reader = new WideCsvReader(new ByteArrayInputStream(file), "jmh", CsvLimits.DEFAULTS, threads)) {
            WideRow row = new WideRow(reader.header().strategies().size());
            double sum = 0;
            while (reader.next(row)) {
                double[] v = row.values();
                sum += v[0] + v[v.length - 1];
            }
            return sum;
        }
    }

    /** A value with few digits: the exact fast path. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double shortDecimal() {
        return DecimalParser.parse(shortValue, 0, shortValue.length);
    }

    /** A 16-digit value, a common production length: still the fast path. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double longDecimal() {
        return DecimalParser.parse(longValue, 0, longValue.length);
    }

    /** A 17-digit value (about 40% of production values): past 2^53, so Eisel-Lemire. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double seventeenDigitDecimal() {
        return DecimalParser.parse(seventeenDigits, 0, seventeenDigits.length);
    }
}
