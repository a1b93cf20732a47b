package io.heavyingest.delivery;

import java.time.Duration;
import java.time.Instant;

/** When the current invocation must have answered: Lambda's remaining time, or a configured budget locally. */
public record Deadline(Instant at) {

    public static Deadline after(Duration budget) {
        return new Deadline(Instant.now().plus(budget));
    }

    /** Lambda's remaining time when it is known and positive, else {@code fallback}. */
    public static Deadline ofRemainingMillis(long remainingMillis, Duration fallback) {
        return remainingMillis > 0 ? after(Duration.ofMillis(remainingMillis)) : after(fallback);
    }

    /** Time left, never negative. */
    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
