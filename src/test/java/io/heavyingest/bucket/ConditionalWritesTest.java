package io.heavyingest.bucket;

import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.testsupport.InProcessS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditional writes load claims rest on, run against the in-process S3 server (s3proxy) and the local folder
 * store: create only if absent, replace only the version that was read, delete only that version.
 */
class ConditionalWritesTest {
    private static final String BUCKET = "claims-bucket";
    private static InProcessS3 server;
    private S3Client client;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = InProcessS3.inMemory();
        try (S3Client admin = client()) {
            admin.createBucket(b -> b.bucket(BUCKET));
        }
    }

    @BeforeEach
    void connect() {
        client = client();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    /**
     * A client as the function builds it, SDK retries included. Measured against s3proxy: the server answers a lost
     * race with 412 before reading the body, the JVM-wide keep-alive cache hands that connection to a later request,
     * which fails and is retried; when its first try was applied, the retry answers 412 to its own write. So a false
     * from a conditional write can mean "written by this very call": the assertions read the content back, and the
     * claims compare the owner they read.
     */
    private static S3Client client() {
        return BucketEnv.client(server.endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void putIfAbsent_onS3WhenTheKeyExists_shouldRefuseAndKeepTheFirstContent() {
        assertPutIfAbsentRefusesSecond(new S3ObjectStore(client), BUCKET, "claims/a.json");
    }

    @Test
    void putIfAbsent_onLocalFolderWhenTheKeyExists_shouldRefuseAndKeepTheFirstContent() {
        assertPutIfAbsentRefusesSecond(new LocalObjectStore(), dir.toString(), "claims/a.json");
    }

    @Test
    void replaceIfMatch_onS3WithAStaleTag_shouldRefuseAndWithTheCurrentTagReplace() {
        assertReplaceOnlyTheVersionRead(new S3ObjectStore(client), BUCKET, "claims/b.json");
    }

    @Test
    void replaceIfMatch_onLocalFolderWithAStaleTag_shouldRefuseAndWithTheCurrentTagReplace() {
        assertReplaceOnlyTheVersionRead(new LocalObjectStore(), dir.toString(), "claims/b.json");
    }

    @Test
    void deleteIfMatch_onLocalFolderWithAStaleTag_shouldKeepTheObject() {
        LocalObjectStore store = new LocalObjectStore();
        String bucket = dir.toString();
        store.putIfAbsent(bucket, "claims/c.json", text("one"));
        String first = store.readStored(bucket, "claims/c.json").orElseThrow().eTag();
        store.replaceIfMatch(bucket, "claims/c.json", first, text("two"));

        store.deleteIfMatch(bucket, "claims/c.json", first);
        assertThat(store.exists(bucket, "claims/c.json")).isTrue();
        store.deleteIfMatch(bucket, "claims/c.json", store.readStored(bucket, "claims/c.json").orElseThrow().eTag());
        assertThat(store.exists(bucket, "claims/c.json")).isFalse();
    }

    @Test
    void putIfAbsent_onS3BySixteenConcurrentWriters_shouldApplyExactlyOneWrite() throws Exception {
        assertOneConcurrentWinner(new S3ObjectStore(client), BUCKET);
    }

    @Test
    void putIfAbsent_onLocalFolderBySixteenConcurrentWriters_shouldApplyExactlyOneWrite() throws Exception {
        assertOneConcurrentWinner(new LocalObjectStore(), dir.toString());
    }

    private static void assertPutIfAbsentRefusesSecond(ObjectStore store, String bucket, String key) {
        assertThat(store.readStored(bucket, key)).isEmpty();
        store.putIfAbsent(bucket, key, text("first"));
        assertThat(new String(store.readStored(bucket, key).orElseThrow().bytes(), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(store.putIfAbsent(bucket, key, text("second"))).isFalse();
        assertThat(new String(store.readStored(bucket, key).orElseThrow().bytes(), StandardCharsets.UTF_8)).isEqualTo("first");
    }

    private static void assertReplaceOnlyTheVersionRead(ObjectStore store, String bucket, String key) {
        store.putIfAbsent(bucket, key, text("v1"));
        String v1 = store.readStored(bucket, key).orElseThrow().eTag();
        store.replaceIfMatch(bucket, key, v1, text("v2"));
        assertThat(new String(store.readStored(bucket, key).orElseThrow().bytes(), StandardCharsets.UTF_8)).isEqualTo("v2");
        assertThat(store.replaceIfMatch(bucket, key, v1, text("v3"))).isFalse();
        assertThat(new String(store.readStored(bucket, key).orElseThrow().bytes(), StandardCharsets.UTF_8)).isEqualTo("v2");
    }

    private static void assertOneConcurrentWinner(ObjectStore store, String bucket) throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = "claims/race-" + round + ".json";
            int writers = 16;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<Boolean>> wins = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    byte[] body = text("writer " + w);
                    Callable<Boolean> put = () -> {
                        go.await();
                        return store.putIfAbsent(bucket, key, body);
                    };
                    wins.add(pool.submit(put));
                }
                go.countDown();
                List<String> winners = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    if (wins.get(w).get()) {
                        winners.add("writer " + w);
                    }
                }
                // at most one writer is told it won, and what is stored is the one write that was applied
                String stored = new String(store.readStored(bucket, key).orElseThrow().bytes(), StandardCharsets.UTF_8);
                assertThat(winners).as("round %d", round).hasSizeLessThanOrEqualTo(1);
                assertThat(stored).startsWith("writer ");
                winners.forEach(w -> assertThat(w).isEqualTo(stored));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
