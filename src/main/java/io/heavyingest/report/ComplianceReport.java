package io.heavyingest.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The compliance report of one dataset: what was loaded, where, with which table design, what the warehouse
 * applied, and every measured figure against its target. Written as JSON by {@link ReportJson} (valid against
 * {@code report/compliance-report.schema.json}) and as a page by {@link HtmlReport}.
 *
 * <p>Build it with {@link #builder()}: the verdict and the schema rows are computed, never given.
 *
 * @param reportVersion version of this document's structure ({@link #VERSION})
 * @param generatedAt when the report was made (UTC, millisecond precision)
 * @param verdict PASS when {@code failing} is empty, else FAIL
 * @param failing the failing items: benchmark names, then {@code schema:<key>} for schema rows NOT_MET
 * @param dataset the dataset and its shape
 * @param environment where it was measured
 * @param plan the table plan recorded at load time
 * @param applied what the warehouse reports it applied
 * @param schema one row per requirement of the original story
 * @param benchmarks every measured figure
 * @param optimizer the full portfolio optimization, null when it was not run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record ComplianceReport(int reportVersion, Instant generatedAt, Verdict verdict, List<String> failing,
                               DatasetSection dataset, EnvironmentSection environment, PlanSection plan,
                               AppliedSchema applied, List<SchemaRow> schema, List<Benchmark> benchmarks,
                               OptimizerSection optimizer) {

    /** Current {@link #reportVersion}. Raise it when a property is removed or changes meaning. */
    public static final int VERSION = 1;

    /** Prefix of failing items that are schema rows: {@code schema:data-encoding}. */
    public static final String SCHEMA_ITEM_PREFIX = "schema:";

    public ComplianceReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(applied, "applied");
        failing = List.copyOf(failing);
        schema = List.copyOf(schema);
        benchmarks = List.copyOf(benchmarks);
        if ((verdict == Verdict.PASS) != failing.isEmpty()) {
            throw new IllegalArgumentException("verdict " + verdict + " contradicts the failing items " + failing);
        }
    }

    /** Starts a report; see {@link Builder#build()} for what is computed. */
    public static Builder builder() {
        return new Builder();
    }

    /** The report's overall outcome. */
    public enum Verdict {
        /** Every benchmark met its target and every schema row is applied, equivalent or not applicable. */
        PASS,
        /** At least one item failed; {@code failing} names them. */
        FAIL
    }

    /** Collects a report's sections. */
    public static final class Builder {
        private Instant generatedAt;
        private DatasetSection dataset;
        private EnvironmentSection environment;
        private PlanSection plan;
        private AppliedSchema applied;
        private final List<Benchmark> benchmarks = new ArrayList<>();
        private OptimizerSection optimizer;

        private Builder() {
        }

        /** When the report was made (default: now); truncated to milliseconds. */
        public Builder generatedAt(Instant value) {
            this.generatedAt = value;
            return this;
        }

        public Builder dataset(DatasetSection value) {
            this.dataset = value;
            return this;
        }

        public Builder environment(EnvironmentSection value) {
            this.environment = value;
            return this;
        }

        /** The plan recorded with the load. */
        public Builder plan(PlanSection value) {
            this.plan = value;
            return this;
        }

        /** What the warehouse reports it applied to the dataset's table. */
        public Builder applied(AppliedSchema value) {
            this.applied = value;
            return this;
        }

        /** Adds a benchmark item; names must be unique. */
        public Builder benchmark(Benchmark value) {
            Objects.requireNonNull(value, "benchmark");
            if (benchmarks.stream().anyMatch(b -> b.name().equals(value.name()))) {
                throw new IllegalArgumentException("benchmark " + value.name() + " added twice");
            }
            benchmarks.add(value);
            return this;
        }

        /** The optimizer's result (optional). */
        public Builder optimizer(OptimizerSection value) {
            this.optimizer = value;
            return this;
        }

        /**
         * Evaluates the schema rows ({@link SchemaVerifier#verify}) and the verdict: an item fails when a
         * benchmark misses its target or a check, or a schema row is {@code NOT_MET} (the performance row is
         * listed only when no benchmark already names the miss).
         */
        public ComplianceReport build() {
            Objects.requireNonNull(dataset, "dataset is required");
            Objects.requireNonNull(environment, "environment is required");
            Objects.requireNonNull(plan, "plan is required");
            Objects.requireNonNull(applied, "applied is required");
            if (applied.engine() != environment.engine()) {
                throw new IllegalArgumentException("applied schema from " + applied.engine().displayName()
                        + " but the environment says " + environment.engine().displayName());
            }
            List<SchemaRow> rows = SchemaVerifier.verify(plan, applied, dataset, benchmarks);
            List<String> failing = new ArrayList<>();
            for (Benchmark b : benchmarks) {
                if (!b.pass()) {
                    failing.add(b.name());
                }
            }
            boolean benchmarksFailed = !failing.isEmpty();
            for (SchemaRow row : rows) {
                boolean mirrorsBenchmarks = row.key().equals(SchemaVerifier.PERFORMANCE_VALIDATION) && benchmarksFailed;
                if (row.status() == SchemaRow.Status.NOT_MET && !mirrorsBenchmarks) {
                    failing.add(SCHEMA_ITEM_PREFIX + row.key());
                }
            }
            Instant at = (generatedAt == null ? Instant.now() : generatedAt).truncatedTo(ChronoUnit.MILLIS);
            return new ComplianceReport(VERSION, at, failing.isEmpty() ? Verdict.PASS : Verdict.FAIL, failing,
                    dataset, environment, plan, applied, rows, benchmarks, optimizer);
        }
    }
}
