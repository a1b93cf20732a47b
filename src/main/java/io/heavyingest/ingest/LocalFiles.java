package io.heavyingest.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns a local file into an {@link IngestRequest}, identified like an object version: path, size, mtime. */
public final class LocalFiles {
    private LocalFiles() {
    }

    /** The version of a local file: size and modification time, so an unchanged file keeps its dataset id. */
    public static String version(Path file) throws IOException {
        return Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis();
    }

    /** The identity of the file's current version, the same the local object store gives it. */
    public static String identity(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        return "file://" + abs + "#" + version(abs);
    }

    public static IngestRequest request(Path file, String datasetIdOverride) {
        try {
            String id = datasetIdOverride != null ? datasetIdOverride : DatasetIds.of(identity(file));
            return new IngestRequest(id, file.toString(), Files.size(file), Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }
}
