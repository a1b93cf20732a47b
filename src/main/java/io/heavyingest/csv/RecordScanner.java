package io.heavyingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import io.heavyingest.text.SafeText;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits an RFC 4180 byte stream into records and fields without holding more than one record.
 *
 * <p>Fields are delimited in place in the read buffer ({@link #start(int)}, {@link #end(int)} index
 * {@link #bytes()}); quoted fields are unescaped in place. Nothing is copied for unquoted fields, which is what
 * keeps a 25,000-column file fast; the end of an unquoted field is searched eight bytes at a time. LF, CRLF and a lone CR end a record; line breaks inside quotes belong to the
 * field. A leading UTF-8 byte order mark is skipped. The buffer grows to the longest record, never to the file, and
 * never past the {@link CsvLimits}.
 */
final class RecordScanner {
    private static final int READ_SIZE = 1 << 20;
    /** Eight bytes of the buffer at once, little-endian whatever the platform, for the separator search. */
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private final String source;
    private final CsvLimits limits;
    private final int maxColumns;
    private final int maxFieldBytes;
    private byte[] buf = new byte[2 * READ_SIZE];
    private int pos;
    private int limit;
    private boolean eof;
    private long consumed;      // bytes of the input that lie before buf[0]
    private boolean started;

    private int recordStart;
    private int[] starts = new int[1024];
    private int[] ends = new int[1024];
    private int fields;
    private long line = 1;
    private long recordLine;
    private long recordBytes;

    RecordScanner(InputStream in, String source, CsvLimits limits) {
        this.in = in;
        this.source = source;
        this.limits = limits;
        this.maxColumns = limits.maxColumns();
        this.maxFieldBytes = limits.maxFieldBytes();
    }

    /** Reads the next record; false at end of input. Blank lines are skipped. */
    boolean next() {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        while (true) {
            if (pos == limit) {
                recordStart = pos;
                pos = refill(pos);
                if (pos == limit) {
                    return false;
                }
            }
            scanRecord();
            if (fields > 1 || ends[0] > starts[0]) {
                return true;
            }
        }
    }

    private void skipByteOrderMark() {
        recordStart = 0;
        while (limit < 3 && !eof) {
            pos = refill(pos);
        }
        if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
            pos = 3;
        }
    }

    private void scanRecord() {
        recordStart = pos;
        long absoluteStart = consumed + pos;
        recordLine = line;
        fields = 0;
        int p = pos;
        while (true) {
            if (p == limit) {
                p = refill(p);
                if (p == limit) {
                    addField(p, p); // end of input right after a separator
                    break;
                }
            }
            if (buf[p] == '"') {
                p = quotedField(p);
            } else {
                int fieldStart = p;
                while (true) {
                    p = separatorAt(buf, p, limit);
                    if (p < limit) {
                        break;
                    }
                    int moved = refill(p);
                    fieldStart -= p - moved;
                    p = moved;
                    if (p == limit) {
                        break;
                    }
                }
                addField(fieldStart, p);
            }
            if (p == limit) {
                p = refill(p);
                if (p == limit) {
                    break; // end of input ends the record
                }
            }
            byte c = buf[p++];
            if (c == ',') {
                continue;
            }
            if (c == '\r') {
                if (p == limit) {
                    p = refill(p);
                }
                if (p < limit && buf[p] == '\n') {
                    p++;
                }
            } else if (c != '\n') {
                throw new CsvFormatException(CsvProblem.MALFORMED_QUOTING, source, recordLine, fields, null,
                        "unexpected character after a closing quote");
            }
            line++;
            break;
        }
        pos = p;
        recordBytes = consumed + p - absoluteStart;
    }

    /**
     * The first comma, LF or CR in {@code b[p, limit)}, or {@code limit}. Eight bytes at a time: a byte equal to a
     * separator becomes zero after the XOR, and {@code (x - 0x01..) & ~x & 0x80..} marks zero bytes; marks above the
     * first true zero can be spurious (a borrow), so only the lowest mark, the first byte in the text, is used.
     */
    static int separatorAt(byte[] b, int p, int limit) {
        while (p + 8 <= limit) {
            long word = (long) LONG_LE.get(b, p);
            long comma = word ^ 0x2C2C_2C2C_2C2C_2C2CL;
            long lf = word ^ 0x0A0A_0A0A_0A0A_0A0AL;
            long cr = word ^ 0x0D0D_0D0D_0D0D_0D0DL;
            long marks = ((comma - 0x0101_0101_0101_0101L) & ~comma
                    | (lf - 0x0101_0101_0101_0101L) & ~lf
                    | (cr - 0x0101_0101_0101_0101L) & ~cr) & 0x8080_8080_8080_8080L;
            if (marks != 0) {
                return p + (Long.numberOfTrailingZeros(marks) >>> 3);
            }
            p += 8;
        }
        while (p < limit) {
            byte c = b[p];
            if (c == ',' || c == '\n' || c == '\r') {
                return p;
            }
            p++;
        }
        return p;
    }

    /** Unescapes the quoted field opening at {@code p} in place; returns the position after its closing quote. */
    private int quotedField(int p) {
        int fieldStart = p;
        int w = p;       // content moves one byte left, over the opening quote
        int r = p + 1;
        while (true) {
            if (r == limit) {
                int shift = r - refill(r);
                fieldStart -= shift;
                w -= shift;
                r -= shift;
                if (r == limit) {
                    throw new CsvFormatException(CsvProblem.MALFORMED_QUOTING, source, recordLine, fields + 1, null,
                            "quoted field is not closed before the end of the file");
                }
            }
            byte c = buf[r++];
            if (c == '"') {
                if (r == limit) {
                    int shift = r - refill(r);
                    fieldStart -= shift;
                    w -= shift;
                    r -= shift;
                }
                if (r < limit && buf[r] == '"') {
                    buf[w++] = '"';
                    r++;
                    continue;
                }
                addField(fieldStart, w);
                return r;
            }
            if (c == '\n') {
                line++;
            }
            buf[w++] = c;
        }
    }

    /**
     * Makes room and reads more input. Moves the current record to the front of the buffer (growing it when the
     * record fills it) and returns where {@code p} is after the move; {@code limit} is unchanged at end of input.
     */
    private int refill(int p) {
        if (eof) {
            return p;
        }
        // refill is only asked for when the record being scanned reaches the end of the buffer
        if (limit - recordStart > limits.maxRecordBytes()) {
            throw new CsvFormatException(CsvProblem.LINE_TOO_LONG, source, line, 0, null,
                    "line is longer than " + limits.maxRecordBytes() + " bytes (heavy-ingest.ingest.max-line-bytes)");
        }
        int shift = recordStart;
        if (shift > 0) {
            System.arraycopy(buf, shift, buf, 0, limit - shift);
            for (int i = 0; i < fields; i++) {
                starts[i] -= shift;
                ends[i] -= shift;
            }
            consumed += shift;
            limit -= shift;
            recordStart = 0;
            p -= shift;
        }
        if (buf.length - limit < READ_SIZE) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, limit + READ_SIZE));
        }
        try {
            int n;
            do {
                n = in.read(buf, limit, buf.length - limit);
            } while (n == 0);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    // the hot path: kept small so the JIT inlines it; the limit errors are built out of line
    private void addField(int from, int to) {
        if (fields == maxColumns || to - from > maxFieldBytes) {
            throw limitError(from, to);
        }
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = from;
        ends[fields] = to;
        fields++;
    }

    /**
     * Reads ahead until at least {@code bytes} bytes (capped at the record limit) follow the current position in
     * {@link #bytes()}, or the input ends; for a caller that parses the next record straight from the buffer. The
     * buffer may move: read {@link #position()} and {@link #limit()} after this call. Returns false when the input has
     * nothing left at all.
     */
    boolean readAhead(int bytes) {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        int wanted = (int) Math.min(bytes, limits.maxRecordBytes());
        recordStart = pos;
        while (limit - pos < wanted && !eof) {
            pos = refill(pos);
        }
        return pos < limit;
    }

    /** Where the next record starts in {@link #bytes()}. */
    int position() { return pos; }

    /** End of the bytes read so far in {@link #bytes()}. */
    int limit() { return limit; }

    /** True when {@link #limit()} is the end of the input. */
    boolean atEnd() { return eof; }

    /**
     * Accepts a record the caller parsed itself from {@link #position()} to {@code next} (just past its line break, or
     * the end of the input): one line, no quoted line breaks. The field bounds of the scanner are not set for it.
     */
    void skipRecord(int next) {
        recordStart = pos;
        recordLine = line;
        recordBytes = next - pos;
        fields = 0;
        pos = next;
        line++;
    }

    int fieldCount() { return fields; }

    byte[] bytes() { return buf; }

    int start(int field) { return starts[field]; }

    int end(int field) { return ends[field]; }

    String text(int field) {
        return new String(buf, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    private CsvFormatException limitError(int from, int to) {
        if (fields == maxColumns) {
            return new CsvFormatException(CsvProblem.TOO_MANY_COLUMNS, source, recordLine, fields + 1, null,
                    "line has more than " + maxColumns + " fields (heavy-ingest.ingest.max-columns)");
        }
        return new CsvFormatException(CsvProblem.FIELD_TOO_LONG, source, recordLine, fields + 1, null,
                "field has " + (to - from) + " bytes, over the limit of " + maxFieldBytes
                        + " (heavy-ingest.ingest.max-field-bytes); it starts \""
                        + SafeText.escape(new String(buf, from, Math.min(to - from, 40), StandardCharsets.UTF_8), 40)
                        + "\"");
    }

    /** The field decoded as strict UTF-8; empty when its bytes are not valid UTF-8. */
    java.util.Optional<String> strictText(int field) {
        try {
            return java.util.Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, starts[field], ends[field] - starts[field])).toString());
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }

    /** 1-based line the current record starts on. */
    long recordLine() { return recordLine; }

    /** Bytes the current record took in the input, separators included. */
    long recordBytes() { return recordBytes; }

    /** Bytes consumed from the input so far. */
    long bytesRead() { return consumed + pos; }
}
