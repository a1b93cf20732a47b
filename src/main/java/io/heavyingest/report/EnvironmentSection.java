package io.heavyingest.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the figures were measured.
 *
 * @param engine warehouse engine
 * @param engineVersion the engine's version (DuckDB library or HeavyDB server version), null when unknown
 * @param heavyDb the HeavyDB server, null on DuckDB or when the server did not say
 * @param functionMemoryMb memory configured for the Lambda function (from its context), null outside Lambda
 * @param runtime JVM or native image
 * @param javaVersion {@code java.version} of the running process
 * @param availableProcessors processors the process may use
 * @param maxHeapBytes maximum heap of the process ({@code Runtime.maxMemory()})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record EnvironmentSection(Engine engine, String engineVersion, HeavyDbServer heavyDb, Integer functionMemoryMb,
                                 Runtime runtime, String javaVersion, int availableProcessors, long maxHeapBytes) {

    public EnvironmentSection {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(javaVersion, "javaVersion");
        if (heavyDb != null && engine != Engine.HEAVYDB) {
            throw new IllegalArgumentException("HeavyDB server details given for a " + engine.displayName() + " run");
        }
    }

    /**
     * The environment of this process: runtime, Java version, processors and heap detected here.
     *
     * @param engine warehouse engine
     * @param engineVersion engine version, null when unknown
     * @param heavyDb HeavyDB server details, null on DuckDB
     * @param functionMemoryMb the Lambda context's {@code getMemoryLimitInMB()}, null outside Lambda
     */
    public static EnvironmentSection detect(Engine engine, String engineVersion, HeavyDbServer heavyDb,
                                            Integer functionMemoryMb) {
        var rt = java.lang.Runtime.getRuntime();
        return new EnvironmentSection(engine, engineVersion, heavyDb, functionMemoryMb, Runtime.current(),
                System.getProperty("java.version", "unknown"), rt.availableProcessors(), rt.maxMemory());
    }

    /** How the function's code runs. Written to JSON in lower case. */
    public enum Runtime {
        /** On a Java virtual machine. */
        JVM,
        /** As a GraalVM native image. */
        NATIVE;

        /** Native when GraalVM's image-code property is set, as it is inside a native image. */
        public static Runtime current() {
            return System.getProperty("org.graalvm.nativeimage.imagecode") != null ? NATIVE : JVM;
        }

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Runtime fromJson(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * A HeavyDB server as it describes itself ({@code get_server_status}, {@code get_hardware_info}).
     *
     * @param version server version
     * @param edition "os", "ce" or "ee"
     * @param gpus GPUs the server uses, empty on a CPU-only server
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record HeavyDbServer(String version, String edition, List<Gpu> gpus) {
        public HeavyDbServer {
            Objects.requireNonNull(version, "version");
            gpus = gpus == null ? List.of() : List.copyOf(gpus);
        }
    }

    /**
     * One GPU of the HeavyDB host.
     *
     * @param memoryBytes device memory in bytes
     * @param computeCapability CUDA compute capability, e.g. "8.6"
     * @param multiprocessors streaming multiprocessors
     * @param clockKhz clock in kHz
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Gpu(long memoryBytes, String computeCapability, int multiprocessors, long clockKhz) {
    }
}
