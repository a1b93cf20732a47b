package io.heavyingest.heavydb;

/**
 * Base of every failure talking to HeavyDB. Subclasses name the failure mode; messages never carry the password
 * or the session id.
 */
public abstract class HeavyDbException extends RuntimeException {
    protected HeavyDbException(String message, Throwable cause) {
        super(message, cause);
    }

    protected HeavyDbException(String message) {
        super(message);
    }
}
