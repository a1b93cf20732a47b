package io.heavyingest.bucket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A folder standing in for a bucket, for the local command: the bucket name is a folder path and the key a
 * path below it. The version of a file is its size and modification time.
 */
public final class LocalObjectStore implements ObjectStore {

    @Override
    public String scheme() {
        return "file";
    }

    /** A local file is named by its path, the way users typed it into a shell. */
    @Override
    public String displayName(ObjectRef object) {
        return Path.of(object.bucket(), object.key()).toString();
    }

    /** The version of a local file: size and modification time, so an unchanged file keeps its dataset id. */
    public static String version(Path file) throws IOException {
        return Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis();
    }

    /** The object for an existing local file, versioned by size and mtime ({@link #version}). */
    public static ObjectRef ref(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            long size = Files.size(abs);
            String version = version(abs);
            Path parent = abs.getParent();
            return new ObjectRef(parent == null ? "/" : parent.toString(), abs.getFileName().toString(), version, null, size);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path path(String bucket, String key) {
        return Path.of(bucket).resolve(key);
    }

    @Override
    public InputStream open(ObjectRef object) {
        try {
            return Files.newInputStream(path(object.bucket(), object.key()));
        } catch (NoSuchFileException e) {
            throw new ObjectGoneException(displayName(object) + " no longer exists", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + displayName(object) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] read(String bucket, String key) {
        Path file = path(bucket, key);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ObjectGoneException(file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String bucket, String key) {
        return Files.exists(path(bucket, key));
    }

    @Override
    public void putJson(String bucket, String key, byte[] json) {
        put(bucket, key, json, "application/json");
    }

    /** A folder has no content types: the file name's extension carries it. */
    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        byte[] json = content;
        Path target = path(bucket, key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
            Files.write(tmp, json);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
