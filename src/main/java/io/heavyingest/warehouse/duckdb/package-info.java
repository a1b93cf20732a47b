/**
 * The embedded default warehouse: DuckDB in-process, pooled by Agroal, under a memory limit. A load builds its long
 * table in one transaction: staging keeps the file's shape (one row per date with a DOUBLE[]) in a temporary table
 * that is unnested into the long table, with an ENUM strategy dictionary, in slices of bounded size; verify checks
 * the count and commits the table unseen; publish renames it and repoints the current view together with the history
 * row in a second, short transaction. Renders its own DDL.
 */
package io.heavyingest.warehouse.duckdb;
