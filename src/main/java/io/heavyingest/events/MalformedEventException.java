package io.heavyingest.events;

/** The event (or an SQS message body) is not one this function understands; retrying cannot fix it. */
public final class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedEventException(String message) {
        super(message);
    }
}
