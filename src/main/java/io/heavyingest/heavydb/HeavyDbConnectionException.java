package io.heavyingest.heavydb;

/**
 * The socket could not be opened, broke, or timed out. Whether the server applied a call that failed this way
 * is unknown; {@link #timedOut()} tells a slow server from a broken connection.
 */
public final class HeavyDbConnectionException extends HeavyDbException {
    private final boolean timedOut;

    public HeavyDbConnectionException(String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    /** Whether the read timeout expired (the server may still be working on the call). */
    public boolean timedOut() { return timedOut; }
}
