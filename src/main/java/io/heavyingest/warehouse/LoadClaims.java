package io.heavyingest.warehouse;

import java.time.Instant;
import java.util.Optional;

/**
 * Claims that admit one loader per dataset across processes. A claim whose holder died lapses at its expiry.
 * A warehouse without claims grants every one: right for a single writer (one process, or reserved concurrency 1).
 */
public interface LoadClaims {

    /**
     * Claims the load of {@code datasetId} for {@code owner} until {@code expiresAt}, unless another owner holds an
     * unexpired claim.
     *
     * @return true when {@code owner} now holds the claim
     */
    default boolean claim(String datasetId, String owner, Instant expiresAt) {
        return true;
    }

    /** Gives up {@code owner}'s claim on {@code datasetId}; a no-op when another owner holds it. */
    default void releaseClaim(String datasetId, String owner) {
    }

    /** Whether these claims hold across processes; false when every claim is granted (no claim store). */
    default boolean holdsClaims() {
        return false;
    }

    /** Who holds the claim on {@code datasetId} and until when, expired or not; empty when nobody does. */
    default Optional<ClaimHolder> holder(String datasetId) {
        return Optional.empty();
    }
}
