package io.heavyingest.delivery;

import io.heavyingest.bucket.LocalObjectStore;
import io.heavyingest.warehouse.ClaimHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Claim objects in a bucket (here the folder store, with its conditional writes), at fixed points in time. */
class ObjectStoreClaimsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dir;

    private ObjectStoreClaims at(Instant now) {
        return new ObjectStoreClaims(new LocalObjectStore(), dir.toString(), "claims/", Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void claim_whileAnotherOwnerHoldsAnUnexpiredClaim_shouldBeRefusedAndNameTheHolder() {
        assertThat(at(NOW).claim("d1", "owner-a", NOW.plusSeconds(60))).isTrue();

        assertThat(at(NOW.plusSeconds(30)).claim("d1", "owner-b", NOW.plusSeconds(90))).isFalse();
        assertThat(at(NOW).holder("d1")).contains(new ClaimHolder("owner-a", NOW.plusSeconds(60)));
    }

    @Test
    void claim_afterTheHoldersClaimExpired_shouldTakeItOver() {
        at(NOW).claim("d1", "crashed", NOW.plusSeconds(60));

        assertThat(at(NOW.plusSeconds(61)).claim("d1", "owner-b", NOW.plusSeconds(120))).isTrue();
        assertThat(at(NOW).holder("d1")).contains(new ClaimHolder("owner-b", NOW.plusSeconds(120)));
    }

    @Test
    void releaseClaim_byItsOwner_shouldLetTheNextOwnerClaimAtOnce() {
        at(NOW).claim("d1", "owner-a", NOW.plusSeconds(60));
        at(NOW).releaseClaim("d1", "owner-a");

        assertThat(at(NOW).holder("d1")).isEmpty();
        assertThat(at(NOW).claim("d1", "owner-b", NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void releaseClaim_byAnotherOwner_shouldKeepTheHoldersClaim() {
        at(NOW).claim("d1", "owner-a", NOW.plusSeconds(60));
        at(NOW).releaseClaim("d1", "owner-b");

        assertThat(at(NOW).holder("d1")).contains(new ClaimHolder("owner-a", NOW.plusSeconds(60)));
    }

    @Test
    void releaseClaim_afterItsOwnClaimExpiredAndWasTakenOver_shouldKeepTheNewHoldersClaim() {
        at(NOW).claim("d1", "slow", NOW.plusSeconds(60));
        at(NOW.plusSeconds(61)).claim("d1", "owner-b", NOW.plusSeconds(120));

        at(NOW.plusSeconds(62)).releaseClaim("d1", "slow");

        assertThat(at(NOW).holder("d1")).contains(new ClaimHolder("owner-b", NOW.plusSeconds(120)));
    }
}
