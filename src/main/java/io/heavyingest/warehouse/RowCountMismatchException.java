package io.heavyingest.warehouse;

/** The staging table does not hold the rows the file had; the dataset is not published. */
public final class RowCountMismatchException extends WarehouseException {
    public RowCountMismatchException(String table, long expected, long actual) {
        super("staging table " + table + " holds " + actual + " rows, expected " + expected + "; not published");
    }
}
