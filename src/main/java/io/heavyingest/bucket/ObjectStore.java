package io.heavyingest.bucket;

import java.io.InputStream;

/** Reads object versions as streams and writes small JSON documents: S3 in Lambda, a folder locally. */
public interface ObjectStore {

    /** URI scheme of identities and display names: "s3" or "file". */
    String scheme();

    /** Name of {@code object} in logs, errors and the load history. */
    default String displayName(ObjectRef object) {
        return object.displayName(scheme());
    }

    /**
     * Opens the exact version of {@code object} as a stream that fails (rather than ends early) when the
     * connection drops before the last byte.
     *
     * @throws ObjectGoneException when that version no longer exists (deleted or overwritten)
     */
    InputStream open(ObjectRef object);

    /** Whether an object exists at {@code key}. */
    boolean exists(String bucket, String key);

    /** Writes {@code json} at {@code key}, replacing what is there. */
    void putJson(String bucket, String key, byte[] json);

    /** Writes {@code content} at {@code key} with its content type (reports: JSON and HTML), replacing what is there. */
    void put(String bucket, String key, byte[] content, String contentType);

    /**
     * Reads the small document at {@code key} (a manifest) whole.
     *
     * @throws ObjectGoneException when there is no object at {@code key}
     */
    byte[] read(String bucket, String key);
}
