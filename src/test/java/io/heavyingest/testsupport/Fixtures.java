package io.heavyingest.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Test files: the real 500-strategy sample and small hand-written CSVs. */
public final class Fixtures {
    /** Strategies x dates of the real sample. */
    public static final long SAMPLE_ROWS = 500L * 82;

    private Fixtures() {
    }

    public static byte[] sample() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/data/sensex_500x82.csv")) {
            if (in == null) {
                throw new IllegalStateException("src/test/resources/data/sensex_500x82.csv is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid 3-strategy file with {@code days} weekly rows starting on Thursday 2024-01-04. */
    public static byte[] tiny(int days, String salt) {
        StringBuilder sb = new StringBuilder("Date,Day,Alpha " + salt + ",Beta,Gamma\n");
        java.time.LocalDate d = java.time.LocalDate.of(2024, 1, 4);
        for (int i = 0; i < days; i++, d = d.plusWeeks(1)) {
            sb.append(d).append(",Thursday,").append(i).append(".5,-").append(i).append(".25,0.0\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
