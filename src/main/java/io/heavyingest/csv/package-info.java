/**
 * The streaming reader of the wide P&amp;L file: records split in place in the read buffer, decimals parsed
 * exactly, every validation rule reported as a {@link io.heavyingest.csv.CsvFormatException} with file, line,
 * column and strategy. A leaf: it knows nothing of warehouses or buckets.
 *
 * <p>The fast path: {@code RecordScanner} delimits fields in place (no copy of unquoted fields);
 * {@code DecimalParser} reads each value's digits once (8 at a time where it can) into a 64-bit significand and
 * a power of ten, and turns them into the double with one exact multiply or divide (Clinger) when the significand
 * is at most 2^53 and the power at most 22, else with Eisel-Lemire's 128-bit product, else (more than 19 significant
 * digits, undecided rounding, subnormal or overflow) with {@code JavaDoubleParser} on the same bytes: bit-identical
 * to {@link java.lang.Double#parseDouble} for every input. With {@code heavy-ingest.ingest.parse-threads} above 1
 * (the default is one per processor) {@link io.heavyingest.csv.WideCsvReader} parses the values of each wide row in
 * contiguous chunks on that many threads, rows still in order, errors reported as with one thread.
 */
package io.heavyingest.csv;
