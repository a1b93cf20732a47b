package io.heavyingest.warehouse;

import java.time.Instant;

/**
 * The holder of a load claim, for log lines about a claim another loader holds.
 *
 * @param owner who took the claim (process and attempt)
 * @param expiresAt when the claim lapses if its holder never releases it
 */
public record ClaimHolder(String owner, Instant expiresAt) {
}
