package io.heavyingest.heavydb;

/** TLS to HeavyDB failed: the trust store cannot be read, or the server's certificate is not trusted. Not transient. */
public final class HeavyDbTlsException extends HeavyDbException {
    public HeavyDbTlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
