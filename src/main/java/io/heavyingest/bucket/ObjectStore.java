package io.heavyingest.bucket;

import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

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

    /**
     * When the exact version of {@code object} was written, asked of the store without reading the content (in S3 a
     * HEAD with {@code If-Match} on the object's entity tag, so the answer is about the announced content): empty
     * when that version is gone or was overwritten since. S3 answers in whole seconds.
     */
    Optional<Instant> lastModified(ObjectRef object);

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

    /** A small object read whole, with the entity tag that conditional writes name. */
    record Stored(byte[] bytes, String eTag) {
    }

    /** Reads the small object at {@code key} with its entity tag; empty when there is none. */
    default Optional<Stored> readStored(String bucket, String key) {
        throw new UnsupportedOperationException(scheme() + " store has no conditional writes");
    }

    /** Writes {@code json} at {@code key} only if nothing is there ({@code If-None-Match: *}); false when something is. */
    default boolean putIfAbsent(String bucket, String key, byte[] json) {
        throw new UnsupportedOperationException(scheme() + " store has no conditional writes");
    }

    /** Replaces the object at {@code key} only if its entity tag is still {@code eTag} ({@code If-Match}). */
    default boolean replaceIfMatch(String bucket, String key, String eTag, byte[] json) {
        throw new UnsupportedOperationException(scheme() + " store has no conditional writes");
    }

    /** Deletes the object at {@code key} if its entity tag is still {@code eTag}; a no-op when it is gone. */
    default void deleteIfMatch(String bucket, String key, String eTag) {
        throw new UnsupportedOperationException(scheme() + " store has no conditional writes");
    }
}
