package io.heavyingest.ingest;

import io.heavyingest.bucket.LocalObjectStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Turns a local file into an {@link IngestRequest} for {@link IngestService#load}, identified the way the local
 * object store identifies it (path, size, mtime). For benchmarks and tests that load without a delivery.
 */
public final class LocalFiles {
    private LocalFiles() {
    }

    /** The identity of the file's current version: the one the local object store gives it. */
    public static String identity(Path file) {
        LocalObjectStore store = new LocalObjectStore();
        return LocalObjectStore.ref(file).identity(store.scheme());
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
