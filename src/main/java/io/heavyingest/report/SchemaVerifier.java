package io.heavyingest.report;

import io.heavyingest.report.AppliedSchema.Column;
import io.heavyingest.report.SchemaRow.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares the recorded plan with what the warehouse reports it applied, one row per requirement of the original
 * story. Pure: every text and status is derived from its inputs, so a different plan or a different table gives
 * different rows.
 *
 * <table>
 *   <caption>Rows and how their status is decided</caption>
 *   <tr><th>key</th><th>APPLIED / EQUIVALENT when</th><th>NOT_MET when</th></tr>
 *   <tr><td>{@value #COLUMNAR_STORAGE}</td><td>EQUIVALENT: the table has exactly the planned columns (a long
 *       table in a column store stands for one column per strategy)</td><td>other columns</td></tr>
 *   <tr><td>{@value #DATE_PARTITIONING}</td><td>EQUIVALENT: on engines with a fragment size, the applied size
 *       and sort column equal the plan's; on DuckDB, date-ordered row groups with zone maps</td>
 *       <td>a different fragment size or sort column</td></tr>
 *   <tr><td>{@value #DATA_ENCODING}</td><td>APPLIED: every column's type, encoding and width as planned;
 *       EQUIVALENT: the engine's own counterpart (DuckDB's 32-bit DATE, an ENUM dictionary)</td>
 *       <td>a non-DATE date, a strategy that is not dictionary-encoded, a non-DOUBLE P&amp;L, or a
 *       different width where the engine takes one</td></tr>
 *   <tr><td>{@value #INDEX_STRATEGY}</td><td>EQUIVALENT: no index exists on either engine; strategy keys are
 *       dictionary integers and date ranges are pruned by min/max metadata</td>
 *       <td>strategy not dictionary-encoded</td></tr>
 *   <tr><td>{@value #PERFORMANCE_VALIDATION}</td><td>APPLIED: benchmarks ran and all passed</td>
 *       <td>none ran, or one missed its target</td></tr>
 * </table>
 */
public final class SchemaVerifier {
    /** Key of the columnar-storage row. */
    public static final String COLUMNAR_STORAGE = "columnar-storage";
    /** Key of the date-partitioning row. */
    public static final String DATE_PARTITIONING = "date-partitioning";
    /** Key of the data-encoding row. */
    public static final String DATA_ENCODING = "data-encoding";
    /** Key of the index-strategy row. */
    public static final String INDEX_STRATEGY = "index-strategy";
    /** Key of the performance-validation row. */
    public static final String PERFORMANCE_VALIDATION = "performance-validation";

    private SchemaVerifier() {
    }

    /**
     * The five schema rows, in the story's order.
     *
     * @param plan the plan recorded at load time
     * @param applied what the warehouse reports for the dataset's table
     * @param dataset the dataset's shape
     * @param benchmarks the measured benchmarks (for the performance row)
     */
    public static List<SchemaRow> verify(PlanSection plan, AppliedSchema applied, DatasetSection dataset,
                                         List<Benchmark> benchmarks) {
        return List.of(
                columnarStorage(plan, applied, dataset),
                datePartitioning(plan, applied),
                dataEncoding(plan, applied),
                indexStrategy(plan, applied),
                performance(benchmarks));
    }

    static SchemaRow columnarStorage(PlanSection plan, AppliedSchema applied, DatasetSection dataset) {
        String requirement = String.format(Locale.ROOT, "Columnar storage for the %,d strategy columns",
                dataset.strategies());
        String planned = String.format(Locale.ROOT, "long, narrow table (%s): %,d strategies x %,d days = %,d rows"
                        + " of %d columns", String.join(", ", plan.columns()), dataset.strategies(), dataset.days(),
                dataset.rows(), plan.columns().size());
        String appliedText = applied.engine().displayName() + " table " + applied.table() + " ("
                + applied.columns().stream().map(c -> c.name() + " " + c.describe()).collect(Collectors.joining(", "))
                + ")";
        List<String> actual = applied.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        List<String> wanted = plan.columns().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        if (!actual.equals(wanted)) {
            return new SchemaRow(COLUMNAR_STORAGE, requirement, planned, appliedText, Status.NOT_MET,
                    "the table's columns " + actual + " are not the planned " + wanted);
        }
        return new SchemaRow(COLUMNAR_STORAGE, requirement, planned, appliedText, Status.EQUIVALENT,
                applied.engine().displayName() + " stores each column contiguously; the "
                        + String.format(Locale.ROOT, "%,d", dataset.strategies())
                        + " strategies are values of the dictionary-encoded " + plan.strategyColumn()
                        + " column rather than " + wanted.size() + " + " + dataset.strategies()
                        + " table columns, so one scan reads any set of strategies and dates");
    }

    static SchemaRow datePartitioning(PlanSection plan, AppliedSchema applied) {
        String requirement = "Date-based partitioning (weekly)";
        String planned = String.format(Locale.ROOT, "fragment_size %,d rows (%d date(s), about one week); %s",
                plan.fragmentRows(), plan.datesPerFragment(),
                plan.sortColumn() == null ? "no sort column" : "sort_column " + plan.sortColumn());
        Engine engine = applied.engine();
        if (!engine.hasFragmentSize()) {
            String appliedText = (applied.fragmentRows() == null ? "row groups (size not reported)"
                    : String.format(Locale.ROOT, "row groups of %,d rows", applied.fragmentRows()))
                    + ", rows appended in date order";
            return new SchemaRow(DATE_PARTITIONING, requirement, planned, appliedText, Status.EQUIVALENT,
                    engine.displayName() + " has no partitions, fragment_size or sort_column: the planned "
                            + String.format(Locale.ROOT, "%,d", plan.fragmentRows()) + "-row fragments do not apply;"
                            + " rows are appended in date order, so each row group's min/max zone map on "
                            + plan.dateColumn() + " skips the row groups outside a date range");
        }
        String appliedText = (applied.fragmentRows() == null ? "fragment_size not reported"
                : String.format(Locale.ROOT, "fragment_size %,d rows", applied.fragmentRows()))
                + "; " + (applied.sortColumn() == null ? "no sort column" : "sort_column " + applied.sortColumn());
        List<String> misses = new ArrayList<>();
        if (applied.fragmentRows() == null || applied.fragmentRows() != plan.fragmentRows()) {
            misses.add("fragment_size is " + (applied.fragmentRows() == null ? "unknown"
                    : String.format(Locale.ROOT, "%,d", applied.fragmentRows())) + ", planned "
                    + String.format(Locale.ROOT, "%,d", plan.fragmentRows()));
        }
        if (!sameName(plan.sortColumn(), applied.sortColumn())) {
            misses.add("sort_column is " + (applied.sortColumn() == null ? "none" : applied.sortColumn())
                    + ", planned " + (plan.sortColumn() == null ? "none" : plan.sortColumn()));
        }
        if (!misses.isEmpty()) {
            return new SchemaRow(DATE_PARTITIONING, requirement, planned, appliedText, Status.NOT_MET,
                    String.join("; ", misses));
        }
        return new SchemaRow(DATE_PARTITIONING, requirement, planned, appliedText, Status.EQUIVALENT,
                engine.displayName() + " has no partitions; fragments of "
                        + String.format(Locale.ROOT, "%,d", plan.fragmentRows()) + " rows each hold about one week ("
                        + plan.datesPerFragment() + " date(s)) of " + (plan.sortColumn() == null
                        ? "rows in arrival (date) order" : "rows sorted by " + plan.sortColumn())
                        + ", and per-fragment min/max metadata on " + plan.dateColumn()
                        + " skips the fragments outside a date range");
    }

    static SchemaRow dataEncoding(PlanSection plan, AppliedSchema applied) {
        String requirement = "Data encoding: DATE dates, dictionary-encoded strategy, DOUBLE P&L";
        String planned = plan.dateColumn() + " DATE ENCODING DAYS(" + plan.dateEncodingBits() + "), "
                + plan.strategyColumn() + " TEXT ENCODING DICT(" + plan.dictionaryBits() + ") for "
                + String.format(Locale.ROOT, "%,d", plan.dictionaryCapacity()) + " names, " + plan.pnlColumn()
                + " DOUBLE";
        String appliedText = describe(applied, plan.dateColumn(), plan.strategyColumn(), plan.pnlColumn());
        Engine engine = applied.engine();
        List<String> misses = new ArrayList<>();
        List<String> equivalents = new ArrayList<>();

        Optional<Column> date = applied.column(plan.dateColumn());
        if (date.isEmpty()) {
            misses.add(plan.dateColumn() + " is missing");
        } else if (!date.get().isType("DATE")) {
            misses.add(plan.dateColumn() + " is " + date.get().describe() + ", not DATE");
        } else if (engine.hasDateEncodings()) {
            Integer bits = date.get().encodingBits();
            if (!"DAYS".equalsIgnoreCase(date.get().encoding()) || bits == null || bits != plan.dateEncodingBits()) {
                misses.add(plan.dateColumn() + " is " + date.get().describe() + ", planned DATE ENCODING DAYS("
                        + plan.dateEncodingBits() + ")");
            }
        } else {
            equivalents.add(engine.displayName() + " stores DATE as "
                    + (date.get().encodingBits() == null ? "its own" : date.get().encodingBits() + "-bit")
                    + " day numbers and takes no DAYS(" + plan.dateEncodingBits() + ") width");
        }

        Optional<Column> strategy = applied.column(plan.strategyColumn());
        if (strategy.isEmpty()) {
            misses.add(plan.strategyColumn() + " is missing");
        } else if (!strategy.get().dictionaryEncoded()) {
            misses.add(plan.strategyColumn() + " is " + strategy.get().describe() + ", not dictionary-encoded");
        } else if (strategy.get().isType("ENUM")) {
            Integer bits = strategy.get().encodingBits();
            equivalents.add(plan.strategyColumn() + " is an ENUM, " + engine.displayName()
                    + "'s dictionary type" + (bits == null ? "" : ", with " + bits + "-bit keys")
                    + " sized by the engine from the names it holds (the plan's DICT(" + plan.dictionaryBits()
                    + ") includes headroom for " + String.format(Locale.ROOT, "%,d", plan.dictionaryCapacity())
                    + " names)");
        } else {
            Integer bits = strategy.get().encodingBits();
            if (bits == null || bits != plan.dictionaryBits()) {
                misses.add(plan.strategyColumn() + " is " + strategy.get().describe() + ", planned DICT("
                        + plan.dictionaryBits() + ")");
            }
        }

        Optional<Column> pnl = applied.column(plan.pnlColumn());
        if (pnl.isEmpty()) {
            misses.add(plan.pnlColumn() + " is missing");
        } else if (!pnl.get().isType("DOUBLE")) {
            misses.add(plan.pnlColumn() + " is " + pnl.get().describe() + ", not DOUBLE");
        }

        if (!misses.isEmpty()) {
            return new SchemaRow(DATA_ENCODING, requirement, planned, appliedText, Status.NOT_MET,
                    String.join("; ", misses));
        }
        if (!equivalents.isEmpty()) {
            return new SchemaRow(DATA_ENCODING, requirement, planned, appliedText, Status.EQUIVALENT,
                    String.join("; ", equivalents));
        }
        return new SchemaRow(DATA_ENCODING, requirement, planned, appliedText, Status.APPLIED, null);
    }

    static SchemaRow indexStrategy(PlanSection plan, AppliedSchema applied) {
        String requirement = "Index strategy for date-range and strategy lookups";
        String planned = "no index: " + plan.strategyColumn() + " lookups on DICT(" + plan.dictionaryBits()
                + ") integer keys; " + plan.dateColumn() + " ranges pruned by date-ordered fragments"
                + (plan.sortColumn() == null ? "" : " (sort_column " + plan.sortColumn() + ")");
        Engine engine = applied.engine();
        Optional<Column> strategy = applied.column(plan.strategyColumn());
        String strategyText = strategy.map(c -> plan.strategyColumn() + " " + c.describe())
                .orElse(plan.strategyColumn() + " missing");
        String pruning = engine.hasFragmentSize()
                ? "fragment min/max metadata on " + plan.dateColumn()
                : "row-group min/max zone maps on " + plan.dateColumn();
        String appliedText = "no indexes; " + strategyText + "; " + pruning;
        if (strategy.isEmpty() || !strategy.get().dictionaryEncoded()) {
            return new SchemaRow(INDEX_STRATEGY, requirement, planned, appliedText, Status.NOT_MET,
                    "without an index, strategy lookups rely on dictionary keys, and " + strategyText
                            + " is not dictionary-encoded");
        }
        String reason = engine == Engine.HEAVYDB
                ? "HeavyDB has no indexes; fragment min/max metadata on " + plan.dateColumn()
                        + " prunes date ranges, and dictionary encoding turns strategy lookups into integer comparisons"
                : engine.displayName() + " builds no index here (its ART indexes serve constraints and point"
                        + " lookups, not scans); row-group zone maps on " + plan.dateColumn()
                        + " prune date ranges, and ENUM keys turn strategy lookups into integer comparisons";
        return new SchemaRow(INDEX_STRATEGY, requirement, planned, appliedText, Status.EQUIVALENT, reason);
    }

    static SchemaRow performance(List<Benchmark> benchmarks) {
        String requirement = "Performance validation against the targets";
        String planned = benchmarks.isEmpty() ? "no benchmark configured"
                : benchmarks.stream().map(b -> b.name() + " " + b.target().describe())
                        .collect(Collectors.joining("; "));
        if (benchmarks.isEmpty()) {
            return new SchemaRow(PERFORMANCE_VALIDATION, requirement, planned, "nothing measured", Status.NOT_MET,
                    "no benchmark was run");
        }
        long passed = benchmarks.stream().filter(Benchmark::pass).count();
        String appliedText = passed + " of " + benchmarks.size() + " benchmarks met their targets: "
                + benchmarks.stream().map(b -> b.name() + " " + Numbers.format(b.measured()) + " "
                        + b.target().unit()).collect(Collectors.joining("; "));
        if (passed == benchmarks.size()) {
            return new SchemaRow(PERFORMANCE_VALIDATION, requirement, planned, appliedText, Status.APPLIED, null);
        }
        return new SchemaRow(PERFORMANCE_VALIDATION, requirement, planned, appliedText, Status.NOT_MET,
                "missed: " + benchmarks.stream().filter(b -> !b.pass()).map(Benchmark::name)
                        .collect(Collectors.joining(", ")));
    }

    private static String describe(AppliedSchema applied, String... names) {
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            parts.add(applied.column(name).map(c -> name + " " + c.describe()).orElse(name + " missing"));
        }
        return String.join(", ", parts);
    }

    private static boolean sameName(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }
}
