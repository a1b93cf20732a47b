/**
 * The embedded default warehouse: DuckDB in-process, pooled by Agroal, under a memory limit. A load is one
 * transaction: staging keeps the file's shape (one row per date with a DOUBLE[]) in a temporary table that is
 * unnested into the long table, with an ENUM strategy dictionary, in slices of bounded size; publish renames the long
 * table and repoints the current view together with the history row, and commits. Renders its own DDL.
 */
package io.heavyingest.warehouse.duckdb;
