package io.heavyingest.heavydb;

/** {@code TDatumType} values used by this project, and names for all of them. */
public final class DatumType {
    public static final int SMALLINT = 0;
    public static final int INT = 1;
    public static final int BIGINT = 2;
    public static final int FLOAT = 3;
    public static final int DECIMAL = 4;
    public static final int DOUBLE = 5;
    public static final int STR = 6;
    public static final int TIME = 7;
    public static final int TIMESTAMP = 8;
    public static final int DATE = 9;
    public static final int BOOL = 10;
    public static final int TINYINT = 17;

    private static final String[] NAMES = {"SMALLINT", "INTEGER", "BIGINT", "FLOAT", "DECIMAL", "DOUBLE", "TEXT",
        "TIME", "TIMESTAMP", "DATE", "BOOLEAN", "INTERVAL_DAY_TIME", "INTERVAL_YEAR_MONTH", "POINT", "LINESTRING",
        "POLYGON", "MULTIPOLYGON", "TINYINT", "GEOMETRY", "GEOGRAPHY", "MULTILINESTRING", "MULTIPOINT"};

    private DatumType() {
    }

    /** SQL name of a {@code TDatumType}, or {@code TYPE(n)} for a value this project does not know. */
    public static String name(int type) {
        return type >= 0 && type < NAMES.length ? NAMES[type] : "TYPE(" + type + ")";
    }

    /** Whether query results carry this type in {@code real_col} (else {@code int_col} or {@code str_col}). */
    public static boolean isReal(int type) {
        return type == FLOAT || type == DOUBLE || type == DECIMAL;
    }
}
