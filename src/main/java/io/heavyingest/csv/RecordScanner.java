package io.heavyingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits an RFC 4180 byte stream into records and fields without holding more than one record.
 *
 * <p>Field contents are copied, unquoted, into one reusable record buffer; {@link #start(int)} and
 * {@link #end(int)} delimit field {@code i}. LF and CRLF both end a record; line breaks inside quotes belong to
 * the field. A leading UTF-8 byte order mark is skipped.
 */
final class RecordScanner {
    private static final int READ_SIZE = 1 << 20;

    private final InputStream in;
    private final String source;
    private final byte[] buf = new byte[READ_SIZE];
    private int pos;
    private int limit;
    private boolean eof;
    private long consumed;

    private byte[] record = new byte[1 << 16];
    private int[] starts = new int[1024];
    private int[] ends = new int[1024];
    private int fields;
    private long line = 1;
    private long recordLine;
    private long recordBytes;

    RecordScanner(InputStream in, String source) {
        this.in = in;
        this.source = source;
    }

    /** Reads the next record; false at end of input. Empty lines are skipped. */
    boolean next() {
        while (true) {
            if (!fill()) {
                return false;
            }
            if (consumed == 0 && pos == 0 && limit >= 3
                    && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                pos = 3;
            }
            long before = consumed + pos;
            scanRecord();
            recordBytes = consumed + pos - before;
            if (fields > 1 || end(0) > start(0)) {
                return true;
            }
            // a blank line: nothing to report, keep going
        }
    }

    private void scanRecord() {
        recordLine = line;
        fields = 0;
        int w = 0;
        int fieldStart = 0;
        boolean quoted = false;      // inside a quoted field
        boolean afterQuote = false;  // a quoted field was closed; only a separator may follow
        boolean fieldBegins = true;
        while (true) {
            if (pos == limit && !fill()) {
                if (quoted) {
                    throw new CsvFormatException(CsvProblem.MALFORMED_QUOTING, source, recordLine, fields + 1, null,
                            "quoted field is not closed before the end of the file");
                }
                break;
            }
            byte c = buf[pos++];
            if (quoted) {
                if (c == '"') {
                    if (pos == limit) {
                        fill();
                    }
                    if (pos < limit && buf[pos] == '"') {
                        pos++;
                        w = put(w, c);
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    w = put(w, c);
                }
                continue;
            }
            if (c == ',') {
                addField(fieldStart, w);
                fieldStart = w;
                afterQuote = false;
                fieldBegins = true;
                continue;
            }
            if (c == '\n') {
                line++;
                break;
            }
            if (c == '\r') {
                if (pos == limit) {
                    fill();
                }
                if (pos < limit && buf[pos] == '\n') {
                    continue; // CRLF: the LF ends the record
                }
                if (pos == limit) {
                    break; // a final CR without LF still ends the record
                }
            }
            if (afterQuote) {
                throw new CsvFormatException(CsvProblem.MALFORMED_QUOTING, source, recordLine, fields + 1, null,
                        "unexpected character after a closing quote");
            }
            if (c == '"' && fieldBegins) {
                quoted = true;
                fieldBegins = false;
                continue;
            }
            fieldBegins = false;
            w = put(w, c);
        }
        addField(fieldStart, w);
    }

    private int put(int w, byte c) {
        if (w == record.length) {
            record = Arrays.copyOf(record, record.length * 2);
        }
        record[w] = c;
        return w + 1;
    }

    private void addField(int from, int to) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = from;
        ends[fields] = to;
        fields++;
    }

    private boolean fill() {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        try {
            consumed += limit;
            pos = 0;
            limit = 0;
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                eof = true;
                return false;
            }
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int fieldCount() { return fields; }

    byte[] bytes() { return record; }

    int start(int field) { return starts[field]; }

    int end(int field) { return ends[field]; }

    String text(int field) {
        return new String(record, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
    }

    /** 1-based line the current record starts on. */
    long recordLine() { return recordLine; }

    /** Bytes the current record took in the input, separators included. */
    long recordBytes() { return recordBytes; }

    /** Bytes consumed from the input so far. */
    long bytesRead() { return consumed + pos; }
}
