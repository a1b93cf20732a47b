/**
 * The streaming reader of the wide P&amp;L file: records split in place in the read buffer, decimals parsed
 * exactly, every validation rule reported as a {@link io.heavyingest.csv.CsvFormatException} with file, line,
 * column and strategy. A leaf: it knows nothing of warehouses or buckets.
 *
 * <p>The fast path: a plain data row (no quotes, no spaces, every value a finite decimal or empty) is parsed straight
 * from the read buffer by {@code ValueRun}, each field's end found eight bytes at a time and its value parsed in the
 * same step, with no field bounds stored; {@code DecimalParser} reads each value's digits once (8 at a time where it
 * can) into a 64-bit significand and a power of ten, and turns them into the double with one exact multiply or divide
 * (Clinger) when the significand is at most 2^53 and the power at most 22, else with Eisel-Lemire's 128-bit product,
 * else (more than 19 significant digits, undecided rounding, subnormal or overflow) with {@code JavaDoubleParser} on
 * the same bytes: bit-identical to {@link java.lang.Double#parseDouble} for every input. With
 * {@code heavy-ingest.ingest.parse-threads} above 1 (the default is one per processor) each plain row is also split by
 * bytes at field starts and each part scanned and parsed on its own thread ({@code ParseWorker}), rows still in order.
 * Every other row, and every row the fast path gives up on, is read the general way: {@code RecordScanner} delimits
 * fields in place (quoted fields unescaped in place, no copy of unquoted ones), on the reading thread, and reports
 * every error with its line and column, so errors are the same whatever the path and the thread count.
 */
package io.heavyingest.csv;
