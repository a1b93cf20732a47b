package io.heavyingest.cli;

/** The command line is wrong; the message says how. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
