package io.heavyingest.ingest;

/**
 * A load ran out of memory. The limits on lines, fields, columns and dates keep hostile files from getting here;
 * this is the last line, so that an {@link OutOfMemoryError} is recorded as a failed attempt with its class and a
 * one-line message instead of escaping as a stack trace. The memory is free again once it is thrown: everything
 * the load held was local to it.
 */
public final class LoadOutOfMemoryException extends RuntimeException {
    public LoadOutOfMemoryException(String source, long bytesRead, OutOfMemoryError cause) {
        super("out of memory after reading " + bytesRead + " bytes of " + source
                + "; raise the memory of the function or lower heavy-ingest.ingest.batch-values", cause);
    }
}
