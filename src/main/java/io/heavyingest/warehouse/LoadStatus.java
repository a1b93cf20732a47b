package io.heavyingest.warehouse;

/** Outcome of one load attempt, as recorded in the load history. */
public enum LoadStatus {
    /** Loaded and published as the current dataset. */
    LOADED,
    /** Already loaded by an earlier attempt; nothing was written but this history row. */
    DUPLICATE,
    /**
     * Loaded before and made the current dataset again from its kept table, because the same content was uploaded
     * again under its key (an A-B-A revert in an unversioned bucket); no byte was read.
     */
    REPUBLISHED,
    /** Rejected or failed; nothing was published. */
    FAILED
}
