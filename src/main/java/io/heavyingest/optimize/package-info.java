/**
 * The portfolio optimizer: the legacy fitness, eight search algorithms swept over portfolio sizes in parallel and
 * deterministically, and the dataset it reads ({@link io.heavyingest.optimize.PnlMatrix} through
 * {@link io.heavyingest.optimize.DatasetReader}, which each warehouse implements).
 */
package io.heavyingest.optimize;
