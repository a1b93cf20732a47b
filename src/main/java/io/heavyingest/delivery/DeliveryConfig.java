package io.heavyingest.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How deliveries of the same object are made to load exactly once. */
@ConfigMapping(prefix = "heavy-ingest.delivery")
public interface DeliveryConfig {

    /** Lifetime of a load claim when the caller's remaining time is unknown (local command); Lambda uses its own. */
    @WithDefault("15m")
    Duration claimTtl();

    /** How often a delivery re-checks a claim another invocation holds. */
    @WithDefault("200ms")
    Duration claimPoll();

    /** Time kept back from the invocation's deadline to record a failure and answer before Lambda stops us. */
    @WithDefault("5s")
    Duration deadlineReserve();
}
