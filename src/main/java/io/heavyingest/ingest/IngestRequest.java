package io.heavyingest.ingest;

import java.io.InputStream;

/**
 * One object to load.
 *
 * @param datasetId deterministic id of the object version (see {@link DatasetIds})
 * @param source human-readable name of the object, used in errors and the load history; a {@code .gz} suffix
 *               means the stream is gzip-compressed
 * @param sizeBytes size of the object in bytes as stored, or -1 when unknown
 * @param content the object's bytes; the service closes it
 */
public record IngestRequest(String datasetId, String source, long sizeBytes, InputStream content) {

    /** The same request reading from {@code other}. */
    IngestRequest withContent(InputStream other) {
        return new IngestRequest(datasetId, source, sizeBytes, other);
    }
}
