package io.heavyingest.bucket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A folder standing in for a bucket, for the local command: the bucket name is a folder path and the key a
 * path below it. The version of a file is its size and modification time.
 */
public final class LocalObjectStore implements ObjectStore {
    /** Guards conditional writes between stores of this process; a file lock guards them between processes. */
    private static final ConcurrentHashMap<Path, Object> CONDITIONAL = new ConcurrentHashMap<>();

    @Override
    public String scheme() {
        return "file";
    }

    /** A local file is named by its path, the way users typed it into a shell. */
    @Override
    public String displayName(ObjectRef object) {
        return Path.of(object.bucket(), object.key()).toString();
    }

    /**
     * The version of a local file: size, modification time and, where the file system has one, the inode change
     * time, so an unchanged file keeps its dataset id while a file rewritten with the same size and modification
     * time ({@code cp -p}, {@code rsync -t}, which cannot set the change time) gets a new one.
     */
    public static String version(Path file) throws IOException {
        String version = Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis();
        try {
            java.nio.file.attribute.FileTime changed = (java.nio.file.attribute.FileTime) Files.getAttribute(file, "unix:ctime");
            return version + "-" + changed.to(java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return version;
        }
    }

    /** The object for an existing local file, versioned by size, mtime and change time ({@link #version}). */
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

    /** The file's modification time, while its version (size, mtime, change time) is still the one named. */
    @Override
    public Optional<Instant> lastModified(ObjectRef object) {
        Path file = path(object.bucket(), object.key());
        try {
            if (object.versionId() != null && !object.versionId().equals(version(file))) {
                return Optional.empty();
            }
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + displayName(object) + ": " + e.getMessage(), e);
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

    /** The entity tag of a local object: the SHA-256 of its content. */
    @Override
    public Optional<Stored> readStored(String bucket, String key) {
        Path target = path(bucket, key);
        try {
            byte[] bytes = Files.readAllBytes(target);
            return Optional.of(new Stored(bytes, eTag(bytes)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean putIfAbsent(String bucket, String key, byte[] json) {
        return conditionally(path(bucket, key), target -> {
            if (Files.exists(target)) {
                return false;
            }
            write(target, json);
            return true;
        });
    }

    @Override
    public boolean replaceIfMatch(String bucket, String key, String eTag, byte[] json) {
        return conditionally(path(bucket, key), target -> {
            Optional<Stored> now = readStored(bucket, key);
            if (now.isEmpty() || !now.get().eTag().equals(eTag)) {
                return false;
            }
            write(target, json);
            return true;
        });
    }

    @Override
    public void deleteIfMatch(String bucket, String key, String eTag) {
        conditionally(path(bucket, key), target -> {
            Optional<Stored> now = readStored(bucket, key);
            if (now.isPresent() && now.get().eTag().equals(eTag)) {
                Files.deleteIfExists(target);
            }
            return true;
        });
    }

    private interface Conditional {
        boolean apply(Path target) throws IOException;
    }

    /** Runs a check-then-write on {@code target} under a lock held by this process and a lock file between processes. */
    private static boolean conditionally(Path target, Conditional step) {
        Path abs = target.toAbsolutePath().normalize();
        Object monitor = CONDITIONAL.computeIfAbsent(abs, p -> new Object());
        synchronized (monitor) {
            try {
                Files.createDirectories(abs.getParent());
                try (FileChannel lockFile = FileChannel.open(abs.resolveSibling(abs.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = lockFile.lock()) {
                    return step.apply(abs);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + abs + ": " + e.getMessage(), e);
            }
        }
    }

    private static void write(Path target, byte[] json) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".put-", ".json");
        Files.write(tmp, json);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String eTag(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
