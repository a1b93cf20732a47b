package io.heavyingest.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * The warehouse engine a dataset lives in, with the physical-design features the schema verification needs to
 * know about. Written to JSON in lower case ({@code duckdb}, {@code heavydb}).
 */
public enum Engine {
    /** Embedded DuckDB: columnar row groups with min/max zone maps; no fragment size, no DATE encodings. */
    DUCKDB(false, false, false, "DuckDB"),
    /** HeavyDB: columnar fragments with per-fragment min/max metadata, DATE ENCODING DAYS(n), TEXT DICT(n). */
    HEAVYDB(true, true, true, "HeavyDB");

    private final boolean fragmentSize;
    private final boolean sortColumn;
    private final boolean dateEncodings;
    private final String displayName;

    Engine(boolean fragmentSize, boolean sortColumn, boolean dateEncodings, String displayName) {
        this.fragmentSize = fragmentSize;
        this.sortColumn = sortColumn;
        this.dateEncodings = dateEncodings;
        this.displayName = displayName;
    }

    /** Whether the table's fragment (row group) size is a per-table setting. */
    public boolean hasFragmentSize() { return fragmentSize; }

    /** Whether a table can declare a sort column applied to each load batch. */
    public boolean hasSortColumn() { return sortColumn; }

    /** Whether DATE columns take an explicit storage width ({@code ENCODING DAYS(16|32)}). */
    public boolean hasDateEncodings() { return dateEncodings; }

    /** Human name, e.g. {@code HeavyDB}. */
    public String displayName() { return displayName; }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Engine fromJson(String text) {
        for (Engine e : values()) {
            if (e.json().equals(text)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown engine \"" + text + "\" (duckdb or heavydb)");
    }
}
