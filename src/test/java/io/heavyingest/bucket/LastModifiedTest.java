package io.heavyingest.bucket;

import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.testsupport.InProcessS3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ObjectStore#lastModified}: the write time of exactly the announced object version, asked of the in-process
 * S3 server (HEAD with If-Match on the eTag) and of the local folder store; empty once that version is gone.
 */
class LastModifiedTest {
    @TempDir
    Path dir;

    @Test
    void lastModified_s3ObjectStillTheAnnouncedContent_shouldBeItsWriteTimeAndEmptyOnceOverwrittenOrDeleted()
            throws Exception {
        try (InProcessS3 server = InProcessS3.inMemory();
             S3Client s3 = BucketEnv.client(server.endpoint())) {
            s3.createBucket(b -> b.bucket("plain"));
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            String eTag = s3.putObject(p -> p.bucket("plain").key("incoming/a.csv"),
                    RequestBody.fromString("first", StandardCharsets.UTF_8)).eTag().replace("\"", "");
            ObjectRef announced = new ObjectRef("plain", "incoming/a.csv", null, eTag, 5);
            S3ObjectStore store = new S3ObjectStore(s3);

            assertThat(store.lastModified(announced)).hasValueSatisfying(t ->
                    assertThat(t).isBetween(before, Instant.now()));

            s3.putObject(p -> p.bucket("plain").key("incoming/a.csv"), RequestBody.fromString("other", StandardCharsets.UTF_8));
            assertThat(store.lastModified(announced)).as("overwritten since the event").isEmpty();
            s3.deleteObject(d -> d.bucket("plain").key("incoming/a.csv"));
            assertThat(store.lastModified(announced)).as("deleted").isEmpty();
        }
    }

    @Test
    void lastModified_localFileRewrittenSinceItsRef_shouldBeItsModificationTimeThenEmpty() throws Exception {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "first");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
        ObjectRef ref = LocalObjectStore.ref(file);
        LocalObjectStore store = new LocalObjectStore();

        assertThat(store.lastModified(ref)).contains(Instant.parse("2026-01-02T03:04:05Z"));

        Files.writeString(file, "other");
        assertThat(store.lastModified(ref)).as("another version of the file").isEmpty();
        Files.delete(file);
        assertThat(store.lastModified(ref)).as("deleted").isEmpty();
    }
}
