package io.heavyingest.warehouse.duckdb;

import io.heavyingest.config.ConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Load claims on a real DuckDB file: one holder at a time, released or lapsed claims can be taken. */
class DuckDbClaimsTest {
    private static final int CONTENDERS = 8;

    @TempDir
    Path dir;

    private DuckDbWarehouse warehouse;

    @BeforeEach
    void open() {
        warehouse = new DuckDbWarehouse(ConfigLoader.load(Map.of(
                "heavy-ingest.warehouse.duckdb.path", dir.resolve("claims.duckdb").toString(),
                "heavy-ingest.warehouse.duckdb.max-pool-size", Integer.toString(CONTENDERS))));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void claim_manyContendersAtOnce_shouldGrantExactlyOneAndFailNone() throws Exception {
        for (int round = 0; round < 20; round++) {
            String dataset = "ds" + round;
            Instant expiry = Instant.now().plusSeconds(60);
            CyclicBarrier start = new CyclicBarrier(CONTENDERS);
            ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS);
            try {
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int i = 0; i < CONTENDERS; i++) {
                    String owner = "owner-" + i;
                    claims.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return warehouse.claim(dataset, owner, expiry);
                    }));
                }
                int granted = 0;
                for (Future<Boolean> claim : claims) {
                    granted += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(granted).as("round %d", round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void claim_heldByAnotherOwner_shouldBeRefusedUntilReleased() {
        Instant expiry = Instant.now().plusSeconds(60);
        assertThat(warehouse.claim("ds", "a", expiry)).isTrue();
        assertThat(warehouse.claim("ds", "b", expiry)).isFalse();

        warehouse.releaseClaim("ds", "b");
        assertThat(warehouse.claim("ds", "b", expiry)).isFalse();
        warehouse.releaseClaim("ds", "a");

        assertThat(warehouse.claim("ds", "b", expiry)).isTrue();
    }

    @Test
    void claim_whoseHolderLapsed_shouldBeTakenOver() {
        assertThat(warehouse.claim("ds", "crashed", Instant.now().minusMillis(1))).isTrue();

        assertThat(warehouse.claim("ds", "retry", Instant.now().plusSeconds(60))).isTrue();
        assertThat(warehouse.claim("ds", "crashed", Instant.now().plusSeconds(60))).isFalse();
    }
}
