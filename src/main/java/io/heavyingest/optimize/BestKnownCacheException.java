package io.heavyingest.optimize;

/** The best-known cache file cannot be read or written (I/O error, or not JSON). */
public final class BestKnownCacheException extends RuntimeException {
    public BestKnownCacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
