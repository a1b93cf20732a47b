package io.heavyingest.benchmark;

/** The dataset to benchmark was never published or its table is gone: a clear outcome, never retried. */
public final class DatasetNotFoundException extends RuntimeException {
    public DatasetNotFoundException(String message) {
        super(message);
    }
}
