package io.heavyingest.bucket;

/** The object version an event names no longer exists: deleted, or overwritten in an unversioned bucket. */
public final class ObjectGoneException extends RuntimeException {
    public ObjectGoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
