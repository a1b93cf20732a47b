package io.heavyingest.testsupport;

import io.heavyingest.bucket.ObjectGoneException;
import io.heavyingest.bucket.ObjectRef;
import io.heavyingest.bucket.ObjectStore;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A bucket held in memory, for service tests that feed text or a stream that breaks on purpose. Objects are
 * unversioned; their eTag is the key, so every put of a key is the same object version.
 */
public final class MemoryObjectStore implements ObjectStore {
    public static final String BUCKET = "memory";

    private final Map<String, Supplier<InputStream>> objects = new ConcurrentHashMap<>();
    private final Map<String, Long> sizes = new ConcurrentHashMap<>();
    private final Map<String, byte[]> written = new ConcurrentHashMap<>();
    private final Map<String, java.time.Instant> putAt = new ConcurrentHashMap<>();

    @Override
    public String scheme() {
        return "memory";
    }

    /** Name in messages and history rows: the key alone, as a local file is named by its path. */
    @Override
    public String displayName(ObjectRef object) {
        return object.key();
    }

    /** Stores {@code bytes} at {@code key}; returns the object. */
    public ObjectRef put(String key, byte[] bytes) {
        return put(key, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    /** Stores an object whose content {@code content} opens anew on every read. */
    public ObjectRef put(String key, long size, Supplier<InputStream> content) {
        objects.put(key, content);
        sizes.put(key, size);
        putAt.put(key, java.time.Instant.now());
        return ref(key);
    }

    public ObjectRef ref(String key) {
        return new ObjectRef(BUCKET, key, null, key, sizes.getOrDefault(key, -1L));
    }

    @Override
    public InputStream open(ObjectRef object) {
        Supplier<InputStream> content = objects.get(object.key());
        if (content == null) {
            throw new ObjectGoneException(object.key() + " no longer exists", null);
        }
        return content.get();
    }

    /** When {@code key} was last put (its eTag is the key, so every put matches). */
    @Override
    public java.util.Optional<java.time.Instant> lastModified(ObjectRef object) {
        return java.util.Optional.ofNullable(objects.containsKey(object.key()) ? putAt.get(object.key()) : null);
    }

    @Override
    public boolean exists(String bucket, String key) {
        return written.containsKey(key) || objects.containsKey(key);
    }

    @Override
    public void putJson(String bucket, String key, byte[] json) {
        written.put(key, json.clone());
    }

    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        written.put(key, content.clone());
    }

    @Override
    public byte[] read(String bucket, String key) {
        byte[] content = written.get(key);
        if (content == null) {
            throw new ObjectGoneException(key + " does not exist", null);
        }
        return content.clone();
    }

    /** A document the service wrote (manifest, error report), or null. */
    public byte[] written(String key) {
        return written.get(key);
    }
}
