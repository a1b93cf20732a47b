package io.heavyingest.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One measured figure next to its target. Build it with {@link #builder(String, Target)}: the measured value is
 * the chosen statistic of the samples, and {@code pass} is computed, never given.
 *
 * @param name stable identifier, e.g. {@code correlation-top-1000}; the verdict lists failing items by it
 * @param description what was measured, including any definition it depends on (e.g. what "top" means)
 * @param target the target the statistic is compared with
 * @param statistic which statistic of the samples is compared
 * @param samples every measurement in the target's unit, in the order taken (the first is the cold run)
 * @param firstRun the first sample
 * @param warmMedian median of the samples after the first, null with a single sample
 * @param measured the statistic's value
 * @param pass whether {@code measured} meets the target and every check passed
 * @param sql the exact SQL measured, null when no query is involved
 * @param checks correctness checks made on the results (row counts, agreement of two computations)
 * @param details further figures, sorted by key (strings, numbers or booleans)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Benchmark(String name, String description, Target target, Statistic statistic, List<Double> samples,
                        double firstRun, Double warmMedian, double measured, boolean pass, String sql,
                        List<Check> checks, Map<String, Object> details) {

    /** Benchmark names: lower case, digits, '.', '_' and '-' (the JSON Schema enforces the same). */
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public Benchmark {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(statistic, "statistic");
        samples = List.copyOf(samples);
        checks = checks == null ? List.of() : List.copyOf(checks);
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("benchmark name \"" + name + "\" must match " + NAME.pattern());
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("benchmark " + name + " has no samples");
        }
        for (Double s : samples) {
            if (s == null || !Double.isFinite(s)) {
                throw new IllegalArgumentException("benchmark " + name + ": sample " + s + " is not a finite number");
            }
        }
        for (var e : details.entrySet()) {
            Object v = e.getValue();
            boolean ok = v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
                    || ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue()));
            if (!ok) {
                throw new IllegalArgumentException("benchmark " + name + ": detail " + e.getKey() + " = " + v
                        + " is not a string, an integer, a finite number or a boolean");
            }
        }
    }

    /** Starts a benchmark item named {@code name} measured against {@code target}. */
    public static Builder builder(String name, Target target) {
        return new Builder(name, target);
    }

    /** Median of {@code values} (mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
    }

    /** Which statistic of the samples meets the target. */
    public enum Statistic {
        /** The first (cold) run; for a figure measured once, its only sample. */
        FIRST_RUN,
        /** The median of the runs after the first (warm runs); needs at least two samples. */
        WARM_MEDIAN
    }

    /** How the measured value must relate to the target value. */
    public enum Bound {
        /** measured &lt; target. */
        BELOW("<"),
        /** measured &lt;= target. */
        AT_MOST("<="),
        /** measured &gt;= target. */
        AT_LEAST(">="),
        /** measured &gt; target. */
        ABOVE(">");

        private final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }

        /** {@code <}, {@code <=}, {@code >=} or {@code >}. */
        public String symbol() {
            return symbol;
        }

        /** Whether {@code measured} meets {@code target}. */
        public boolean met(double measured, double target) {
            return switch (this) {
                case BELOW -> measured < target;
                case AT_MOST -> measured <= target;
                case AT_LEAST -> measured >= target;
                case ABOVE -> measured > target;
            };
        }
    }

    /**
     * A target.
     *
     * @param bound how the measured value must relate to {@code value}
     * @param value the target value
     * @param unit its unit, e.g. {@code s}, {@code ms}, {@code bytes}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Target(Bound bound, double value, String unit) {
        public Target {
            Objects.requireNonNull(bound, "bound");
            Objects.requireNonNull(unit, "unit");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("target value " + value + " is not a finite number");
            }
        }

        /** Must stay below {@code value} {@code unit}. */
        public static Target below(double value, String unit) {
            return new Target(Bound.BELOW, value, unit);
        }

        /** e.g. {@code < 30 s}. */
        public String describe() {
            return bound.symbol() + " " + Numbers.format(value) + " " + unit;
        }
    }

    /**
     * A correctness check made on a benchmark's results.
     *
     * @param name what is checked, e.g. {@code rows}
     * @param expected the expected value as text
     * @param actual the actual value as text
     * @param pass whether it passed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Check(String name, String expected, String actual, boolean pass) {
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(actual, "actual");
        }

        /** Passes when {@code actual == expected}. */
        public static Check equal(String name, long expected, long actual) {
            return new Check(name, Long.toString(expected), Long.toString(actual), expected == actual);
        }

        /** Passes when {@code actual <= limit} (a NaN actual fails). */
        public static Check atMost(String name, double limit, double actual) {
            return new Check(name, "<= " + Numbers.format(limit), Numbers.format(actual), actual <= limit);
        }
    }

    /** Collects a benchmark's samples, query and checks. */
    public static final class Builder {
        private final String name;
        private final Target target;
        private String description = "";
        private Statistic statistic = Statistic.FIRST_RUN;
        private final List<Double> samples = new ArrayList<>();
        private String sql;
        private final List<Check> checks = new ArrayList<>();
        private final Map<String, Object> details = new TreeMap<>();

        private Builder(String name, Target target) {
            this.name = Objects.requireNonNull(name, "name");
            this.target = Objects.requireNonNull(target, "target");
        }

        /** What is measured, including the definitions it depends on. */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "description");
            return this;
        }

        /** The statistic compared with the target (default: the first run). */
        public Builder statistic(Statistic value) {
            this.statistic = Objects.requireNonNull(value, "statistic");
            return this;
        }

        /** Adds one measurement, in the target's unit. */
        public Builder sample(double value) {
            samples.add(value);
            return this;
        }

        /** Adds measurements, in the target's unit, first run first. */
        public Builder samples(double... values) {
            for (double v : values) {
                samples.add(v);
            }
            return this;
        }

        /** The exact SQL text measured. */
        public Builder sql(String text) {
            this.sql = text;
            return this;
        }

        /** Adds a correctness check; a failing check fails the benchmark. */
        public Builder check(Check value) {
            checks.add(Objects.requireNonNull(value, "check"));
            return this;
        }

        /** Adds a further figure (string, integer, finite number or boolean). */
        public Builder detail(String key, Object value) {
            details.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "detail " + key));
            return this;
        }

        public Benchmark build() {
            if (samples.isEmpty()) {
                throw new IllegalArgumentException("benchmark " + name + " has no samples");
            }
            double[] all = samples.stream().mapToDouble(Double::doubleValue).toArray();
            Double warm = all.length > 1 ? median(Arrays.copyOfRange(all, 1, all.length)) : null;
            double measured;
            if (statistic == Statistic.WARM_MEDIAN) {
                if (warm == null) {
                    throw new IllegalArgumentException("benchmark " + name
                            + ": the median of warm runs needs at least two samples (the first is the cold run)");
                }
                measured = warm;
            } else {
                measured = all[0];
            }
            boolean pass = Double.isFinite(measured) && target.bound().met(measured, target.value())
                    && checks.stream().allMatch(Check::pass);
            return new Benchmark(name, description, target, statistic, samples, all[0], warm, measured, pass, sql,
                    checks, details);
        }
    }
}
