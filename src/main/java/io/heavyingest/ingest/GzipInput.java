package io.heavyingest.ingest;

import io.heavyingest.csv.CsvFormatException;
import io.heavyingest.csv.CsvProblem;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Decodes {@code .gz} sources (any letter case) and tells a broken object from a broken transfer: when the raw
 * stream fails (a connection cut, an object shorter than announced) the {@link IOException} stays a transient
 * failure; when the raw stream ended cleanly and the gzip decoder still fails (truncated, corrupt or not gzip at
 * all), the object itself is bad input ({@link CsvProblem#BAD_GZIP}).
 */
final class GzipInput {
    private GzipInput() {
    }

    /** True when {@code source} names a gzip file, whatever the letter case of its suffix. */
    static boolean isGzip(String source) {
        return source.toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    /** The decoded stream of {@code raw}; {@code raw} itself when {@code source} is not a gzip name. */
    static InputStream decode(InputStream raw, String source) {
        if (!isGzip(source)) {
            return raw;
        }
        RawStream watched = new RawStream(raw);
        try {
            return new Decoded(new GZIPInputStream(watched, 1 << 16), watched, source);
        } catch (IOException e) {
            throw classify(e, watched, source);
        }
    }

    private static RuntimeException classify(IOException e, RawStream raw, String source) {
        if (raw.failed || !(e instanceof ZipException || e instanceof EOFException)) {
            return new java.io.UncheckedIOException("cannot read " + source, e);
        }
        String what = e instanceof EOFException ? "gzip data ends early (truncated file)"
                : "not a valid gzip file: " + e.getMessage();
        return new CsvFormatException(CsvProblem.BAD_GZIP, source, 0, 0, null, what);
    }

    /** The object's bytes as they arrive; remembers whether reading them failed. */
    private static final class RawStream extends FilterInputStream {
        boolean failed;

        RawStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }
    }

    /** The decoded bytes; decoder failures on a cleanly read object become bad input. */
    private static final class Decoded extends FilterInputStream {
        private final RawStream raw;
        private final String source;

        Decoded(InputStream gzip, RawStream raw, String source) {
            super(gzip);
            this.raw = raw;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw rethrow(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw rethrow(e);
            }
        }

        private IOException rethrow(IOException e) {
            RuntimeException classified = classify(e, raw, source);
            if (classified instanceof CsvFormatException bad) {
                throw bad;
            }
            return e;
        }
    }
}
