package io.heavyingest.csv;

/**
 * Hard limits that keep memory bounded whatever the input: a hostile file is refused as bad input with its
 * position before it can exhaust the process.
 *
 * @param maxRecordBytes longest record (header or row, line breaks inside quotes included)
 * @param maxFieldBytes longest single field
 * @param maxColumns most fields in the header
 * @param maxDays most data rows (dates) in one file
 */
public record CsvLimits(long maxRecordBytes, int maxFieldBytes, int maxColumns, long maxDays) {

    /** The defaults of {@code heavy-ingest.ingest.*}: far above the production shape (640 KB header, 25,546 columns, 82 rows). */
    public static final CsvLimits DEFAULTS = new CsvLimits(64L << 20, 4096, 262_144, 100_000);

    public CsvLimits {
        if (maxRecordBytes < 1 || maxFieldBytes < 1 || maxColumns < 3 || maxDays < 1) {
            throw new IllegalArgumentException("CSV limits must be positive (and at least 3 columns)");
        }
    }
}
