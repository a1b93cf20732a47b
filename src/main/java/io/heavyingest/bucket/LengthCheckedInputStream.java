package io.heavyingest.bucket;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Turns an early end of stream into an error. A dropped connection can look like a clean end of a shorter
 * file; without this the parser would report the truncated last row as bad input and the object would never
 * be retried.
 */
final class LengthCheckedInputStream extends FilterInputStream {
    private final long expected;
    private final String name;
    private long read;

    LengthCheckedInputStream(InputStream in, long expected, String name) {
        super(in);
        this.expected = expected;
        this.name = name;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            checkComplete();
        } else {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) {
            checkComplete();
        } else {
            read += n;
        }
        return n;
    }

    private void checkComplete() throws IOException {
        if (expected >= 0 && read < expected) {
            throw new IOException("stream of " + name + " ended after " + read + " of " + expected + " bytes");
        }
    }
}
