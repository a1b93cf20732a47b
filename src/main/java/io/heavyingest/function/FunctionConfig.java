package io.heavyingest.function;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the Lambda functions themselves (not of the load or the benchmark they run). */
@ConfigMapping(prefix = "heavy-ingest.function")
public interface FunctionConfig {

    /** Start-up priming: the first event's code paths run once while the function initializes. */
    Priming priming();

    interface Priming {

        /** When to prime. */
        enum Mode {
            /**
             * Prime when Lambda initializes the function ahead of any request ({@code AWS_LAMBDA_INITIALIZATION_TYPE}
             * is {@code snap-start} or {@code provisioned-concurrency}): there the work leaves the request path. On an
             * on-demand cold start in Lambda, {@link #BACKGROUND}: priming in the init phase would only move work there,
             * at a cost. Outside Lambda, nothing.
             */
            AUTO,
            /** Prime at every start-up. */
            ALWAYS,
            /**
             * Open the S3 client and the warehouse on a background thread at start-up, without delaying it: the first
             * event finds them open or waits for them, instead of opening them one after the other itself.
             */
            BACKGROUND,
            /** Never prime. */
            NEVER
        }

        /**
         * When the function primes itself at start-up: AUTO (in full when Lambda initializes it ahead of requests,
         * SnapStart or provisioned concurrency; else BACKGROUND), ALWAYS, BACKGROUND, or NEVER.
         */
        @WithDefault("auto")
        Mode mode();

        /** Days of the synthetic file parsed at start-up (the production file has 82). */
        @WithDefault("82")
        int days();

        /** Strategies of the synthetic file parsed at start-up: enough values for the JIT to compile the hot loops. */
        @WithDefault("2000")
        int strategies();

        /** Whether to make one S3 request at start-up (a HEAD of a manifest key that does not exist in the output bucket). */
        @WithDefault("true")
        boolean s3Request();

        /** Whether to open the warehouse connection at start-up with one read (HeavyDB: a login; DuckDB: the database file). */
        @WithDefault("true")
        boolean warehouse();

        /** Upper bound of the start-up S3 request, so an unreachable endpoint cannot eat the init phase. */
        @WithDefault("2s")
        Duration s3Timeout();
    }
}
