package io.heavyingest.function;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HashMap;
import java.util.Map;

/** Test profiles that select the benchmark handler for the Lambda mock event server. */
final class BenchmarkTestProfiles {
    private BenchmarkTestProfiles() {
    }

    /** Settings shared by the profiles: the benchmark handler and a short size sweep, to keep the build quick. */
    static Map<String, String> base() {
        Map<String, String> m = new HashMap<>();
        m.put("quarkus.lambda.handler", "benchmark");
        m.put("heavy-ingest.optimize.sizes", "35..37");
        return m;
    }

    /** The benchmark handler with the default targets. */
    public static final class DefaultTargets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return base();
        }
    }

    /** The benchmark handler with an optimization target no sweep can meet. */
    public static final class ImpossibleOptimizationTarget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = base();
            m.put("heavy-ingest.report.optimization-target", "1ms");
            return m;
        }
    }
}
