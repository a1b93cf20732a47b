/**
 * The streaming reader of the wide P&amp;L file: records split in place in the read buffer, decimals parsed
 * exactly, every validation rule reported as a {@link io.heavyingest.csv.CsvFormatException} with file, line,
 * column and strategy. A leaf: it knows nothing of warehouses or buckets.
 */
package io.heavyingest.csv;
