package io.heavyingest.warehouse;

/** Outcome of one load attempt, as recorded in the load history. */
public enum LoadStatus {
    /** Loaded and published as the current dataset. */
    LOADED,
    /** Already loaded by an earlier attempt; nothing was written but this history row. */
    DUPLICATE,
    /** Rejected or failed; nothing was published. */
    FAILED
}
