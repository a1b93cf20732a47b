package io.heavyingest.optimize;

/** The local search of the polish every algorithm's answers get. */
public enum PolishMethod {
    /** Iterated local search over swaps ranked by the ratio's own linear estimate (see {@link GuidedAscent}). */
    GUIDED,
    /** Late-acceptance hill climbing over uniformly random swaps (see {@link LateAcceptance}). */
    LATE_ACCEPTANCE
}
