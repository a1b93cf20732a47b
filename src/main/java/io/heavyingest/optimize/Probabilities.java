package io.heavyingest.optimize;

/** Validation of probability-like settings, so a bad configuration fails with its name. */
final class Probabilities {
    private Probabilities() {
    }

    static void check(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], got " + value);
        }
    }
}
