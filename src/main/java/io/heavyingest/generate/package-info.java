/**
 * Deterministic production-shaped P&amp;L files of any shape, for the local run and the benchmarks.
 */
package io.heavyingest.generate;
