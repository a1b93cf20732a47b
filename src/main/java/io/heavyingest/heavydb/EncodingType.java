package io.heavyingest.heavydb;

/** {@code TEncodingType} values, rendered the way DDL writes them. */
public final class EncodingType {
    public static final int NONE = 0;
    public static final int FIXED = 1;
    public static final int RL = 2;
    public static final int DIFF = 3;
    public static final int DICT = 4;
    public static final int SPARSE = 5;
    public static final int GEOINT = 6;
    public static final int DATE_IN_DAYS = 7;
    public static final int ARRAY = 8;
    public static final int ARRAY_DICT = 9;

    private EncodingType() {
    }

    /** {@code DICT(16)}, {@code DAYS(32)}, {@code FIXED(8)}, {@code NONE}, ... as in a CREATE TABLE. */
    public static String clause(int encoding, int compParam) {
        return switch (encoding) {
            case NONE -> "NONE";
            case FIXED -> "FIXED(" + compParam + ")";
            case DICT -> "DICT(" + compParam + ")";
            case DATE_IN_DAYS -> "DAYS(" + compParam + ")";
            case RL -> "RL";
            case DIFF -> "DIFF";
            case SPARSE -> "SPARSE(" + compParam + ")";
            case GEOINT -> "COMPRESSED(" + compParam + ")";
            case ARRAY -> "ARRAY";
            case ARRAY_DICT -> "ARRAY_DICT(" + compParam + ")";
            default -> "ENCODING(" + encoding + ")";
        };
    }
}
