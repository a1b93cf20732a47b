/**
 * The embedded default warehouse: DuckDB in-process, pooled by Agroal. Staging keeps the file's shape (one row per
 * date with a DOUBLE[]), verify unnests into the long table with an ENUM strategy dictionary, publish renames and
 * repoints the current view in one transaction together with the history row. Renders its own DDL.
 */
package io.heavyingest.warehouse.duckdb;
