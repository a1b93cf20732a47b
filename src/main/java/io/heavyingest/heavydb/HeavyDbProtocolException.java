package io.heavyingest.heavydb;

/** The server's reply did not follow the protocol (wrong method or sequence id, missing result, unknown method). */
public final class HeavyDbProtocolException extends HeavyDbException {
    public HeavyDbProtocolException(String message, Throwable cause) {
        super(message, cause);
    }

    public HeavyDbProtocolException(String message) {
        super(message);
    }
}
