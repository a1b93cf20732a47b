package io.heavyingest.csv;

/**
 * The fast path of a data row: parses a run of consecutive plain value fields straight from the read buffer, each
 * field's end found and its value parsed in one step, with no field bounds stored.
 *
 * <p>A run only succeeds on what needs no special care: unquoted fields of decimal text or empty, ending at a comma,
 * at the record's line break, or at the end of the input. Anything else (a quote, a space, a bad or non-finite value,
 * a field over the size limit, more fields than expected, a field cut by the end of the bytes read so far) makes
 * {@link #parse} return false, and the caller reads the record again the general way, which reports the exact error.
 * A run never throws on its input and never writes outside its own range of the target arrays.
 */
final class ValueRun {
    private final int maxFieldBytes;
    /** Fields parsed by the last successful {@link #parse}. */
    int count;
    /** Empty fields among them. */
    int empty;
    /** Where the last successful run stopped: {@code stop}, or just past the record's line break. */
    int end;

    ValueRun(int maxFieldBytes) {
        this.maxFieldBytes = maxFieldBytes;
    }

    /**
     * Parses fields from {@code p} into {@code values[offset...]} and {@code missing[offset...]}, at most {@code max}
     * of them.
     *
     * @param stop where the run ends: the start of a field, just past a comma (the run must reach it exactly), or -1
     *             for the end of the record
     * @param eof  whether {@code limit} is the end of the input (else a field reaching it is cut and the run fails)
     * @return true when every field parsed; false sends the record to the general path
     */
    boolean parse(byte[] b, int p, int limit, boolean eof, int stop, double[] values, boolean[] missing, int offset,
                  int max) {
        int n = 0;
        int blanks = 0;
        while (true) {
            int fieldEnd = RecordScanner.separatorAt(b, p, limit);
            if (fieldEnd == limit && !eof) {
                return false; // the field may go on past what is read
            }
            if (n == max || fieldEnd - p > maxFieldBytes) {
                return false;
            }
            if (fieldEnd == p) {
                values[offset + n] = 0;
                missing[offset + n] = true;
                blanks++;
            } else {
                double v = DecimalParser.parse(b, p, fieldEnd);
                if (DecimalParser.isInvalid(v) || !Double.isFinite(v)) {
                    return false;
                }
                values[offset + n] = v;
                missing[offset + n] = false;
            }
            n++;
            if (fieldEnd == limit) {
                return finish(n, blanks, limit, stop);
            }
            byte c = b[fieldEnd];
            if (c == ',') {
                p = fieldEnd + 1;
                if (p == stop) {
                    return finish(n, blanks, p, stop);
                }
                if (p == limit && eof) { // a comma just before the end of the input: one more, empty, field
                    if (n == max) {
                        return false;
                    }
                    values[offset + n] = 0;
                    missing[offset + n] = true;
                    return finish(n + 1, blanks + 1, p, stop);
                }
                continue;
            }
            // a line break ends the record: CRLF, LF or a lone CR
            int next = fieldEnd + 1;
            if (c == '\r') {
                if (next == limit && !eof) {
                    return false; // cannot tell CRLF from a lone CR yet
                }
                if (next < limit && b[next] == '\n') {
                    next++;
                }
            }
            return finish(n, blanks, next, stop);
        }
    }

    private boolean finish(int n, int blanks, int at, int stop) {
        if (stop >= 0 && at != stop) {
            return false; // the record ended before the run's stop
        }
        count = n;
        empty = blanks;
        end = at;
        return true;
    }
}
