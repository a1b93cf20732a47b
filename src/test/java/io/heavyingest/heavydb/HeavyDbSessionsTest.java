package io.heavyingest.heavydb;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeavyDbSessionsTest {
    private static final HeavyDbClient.Options OPTIONS = new HeavyDbClient.Options(2_000, 5_000, 1 << 20);
    private LoopbackHeavyDb server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackHeavyDb();
    }

    @AfterEach
    void stop() throws Exception {
        HeavyDbSessions.closeIdle();
        server.close();
    }

    @Test
    void acquire_afterRelease_shouldReuseTheIdleSession() {
        HeavyDbClient first = HeavyDbSessions.acquire(server.endpoint(), OPTIONS);
        HeavyDbSessions.release(first);

        HeavyDbClient second = HeavyDbSessions.acquire(server.endpoint(), OPTIONS);

        assertThat(second).isSameAs(first);
        assertThat(server.connects()).isEqualTo(1);
        HeavyDbSessions.release(second);
    }

    @Test
    void checkpoint_withAnIdleSession_shouldCloseItAndTheNextAcquireLogsInAgain() throws Exception {
        HeavyDbClient kept = HeavyDbSessions.acquire(server.endpoint(), OPTIONS);
        HeavyDbSessions.release(kept);

        HeavyDbSessions.snapshotHook().beforeCheckpoint(null);

        assertThat(kept.isOpen()).as("no socket in the snapshot").isFalse();
        HeavyDbSessions.snapshotHook().afterRestore(null);
        HeavyDbClient restored = HeavyDbSessions.acquire(server.endpoint(), OPTIONS);
        assertThat(restored).isNotSameAs(kept);
        assertThat(restored.isOpen()).isTrue();
        assertThat(server.connects()).isEqualTo(2);
        restored.close();
    }
}
