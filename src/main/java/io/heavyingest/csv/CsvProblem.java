package io.heavyingest.csv;

/** The validation rule a wide P&L file broke. Stable names: they travel into load history and error reports. */
public enum CsvProblem {
    /** The input holds no bytes or no header line. */
    EMPTY_FILE,
    /** The first header field is not {@code Date}. */
    DATE_NOT_FIRST,
    /** The header names no strategy column. */
    NO_STRATEGIES,
    /** A strategy header field is empty. */
    EMPTY_STRATEGY_NAME,
    /** Two strategy header fields carry the same name. */
    DUPLICATE_STRATEGY_NAME,
    /** A quoted field is not closed, or a closing quote is followed by text. */
    MALFORMED_QUOTING,
    /** A row has more or fewer fields than the header. */
    FIELD_COUNT,
    /** A date is not {@code yyyy-MM-dd}. */
    BAD_DATE,
    /** A date appears on two rows. */
    DUPLICATE_DATE,
    /** The {@code Day} field does not name the weekday of the row's date. */
    DAY_MISMATCH,
    /** A value is not a decimal number. */
    BAD_NUMBER,
    /** A value is NaN or infinite. */
    NOT_FINITE,
    /** The header was read but no data row follows. */
    NO_ROWS,
    /** The file is larger than the configured maximum. */
    TOO_LARGE,
    /** A record (line) is longer than {@code heavy-ingest.ingest.max-line-bytes}. */
    LINE_TOO_LONG,
    /** A field is longer than {@code heavy-ingest.ingest.max-field-bytes}. */
    FIELD_TOO_LONG,
    /** The header has more columns than {@code heavy-ingest.ingest.max-columns}. */
    TOO_MANY_COLUMNS,
    /** The file has more data rows than {@code heavy-ingest.ingest.max-days}. */
    TOO_MANY_DATES,
    /** A header field is not valid UTF-8. */
    BAD_ENCODING,
    /** A {@code .gz} object is complete but not a valid gzip stream (corrupt, truncated or not gzip at all). */
    BAD_GZIP,
    /** A date falls outside the date encoding the table plan chose from the first rows. */
    DATE_OUT_OF_PLAN
}
