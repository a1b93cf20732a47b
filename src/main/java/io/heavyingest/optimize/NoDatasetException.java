package io.heavyingest.optimize;

/** There is nothing to optimize: the warehouse has no published dataset. */
public class NoDatasetException extends RuntimeException {
    public NoDatasetException(String location) {
        super("no dataset loaded in " + location + ": load one first (ingest <file.csv>)");
    }
}
