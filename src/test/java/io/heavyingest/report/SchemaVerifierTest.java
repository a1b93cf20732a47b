package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;
import io.heavyingest.report.SchemaRow.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaVerifierTest {
    private static final PnlMatrix MATRIX = SampleReports.matrix(82, 300, 3);
    private static final DatasetSection DATASET = SampleReports.dataset(MATRIX);
    private static final List<Benchmark> PASSING = SampleReports.benchmarks(5);

    private static PlanSection plan(int dictBits, int dateBits, long fragmentRows, String sortColumn) {
        return new PlanSection("p", "trade_date", dateBits, "strategy", dictBits, 450, "pnl", fragmentRows, 1,
                sortColumn, List.of("why"));
    }

    private static SchemaRow row(List<SchemaRow> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void verify_heavyDbAsPlanned_shouldApplyEncodingAndExplainPartitionsAndIndexes() {
        PlanSection plan = plan(16, 16, 300, "trade_date");

        List<SchemaRow> rows = SchemaVerifier.verify(plan, SampleReports.heavyDbApplied(plan, "t"), DATASET, PASSING);

        assertThat(rows).extracting(SchemaRow::status).containsExactly(Status.EQUIVALENT, Status.EQUIVALENT,
                Status.APPLIED, Status.EQUIVALENT, Status.APPLIED);
        assertThat(row(rows, SchemaVerifier.INDEX_STRATEGY).reason())
                .contains("HeavyDB has no indexes; fragment min/max metadata on trade_date prunes date ranges");
        assertThat(row(rows, SchemaVerifier.DATA_ENCODING).planned())
                .isEqualTo("trade_date DATE ENCODING DAYS(16), strategy TEXT ENCODING DICT(16) for 450 names, pnl DOUBLE");
        assertThat(row(rows, SchemaVerifier.DATA_ENCODING).applied())
                .isEqualTo("trade_date DATE ENCODING DAYS(16), strategy TEXT ENCODING DICT(16), pnl DOUBLE");
        assertThat(row(rows, SchemaVerifier.DATE_PARTITIONING).applied()).isEqualTo("fragment_size 300 rows; sort_column trade_date");
        assertThat(row(rows, SchemaVerifier.COLUMNAR_STORAGE).requirement()).contains("300 strategy columns");
    }

    @Test
    void verify_planDictionaryWidthChanged_shouldTurnEncodingRowNotMet() {
        PlanSection applied = plan(16, 16, 300, "trade_date");
        PlanSection changed = plan(32, 16, 300, "trade_date");

        SchemaRow before = row(SchemaVerifier.verify(applied, SampleReports.heavyDbApplied(applied, "t"), DATASET,
                PASSING), SchemaVerifier.DATA_ENCODING);
        SchemaRow after = row(SchemaVerifier.verify(changed, SampleReports.heavyDbApplied(applied, "t"), DATASET,
                PASSING), SchemaVerifier.DATA_ENCODING);

        assertThat(before.status()).isEqualTo(Status.APPLIED);
        assertThat(after.status()).isEqualTo(Status.NOT_MET);
        assertThat(after.planned()).contains("DICT(32)");
        assertThat(after.reason()).isEqualTo("strategy is TEXT ENCODING DICT(16), planned DICT(32)");
    }

    @Test
    void verify_planDateEncodingChanged_shouldTurnEncodingRowNotMet() {
        PlanSection applied = plan(16, 16, 300, "trade_date");
        PlanSection changed = plan(16, 32, 300, "trade_date");

        SchemaRow row = row(SchemaVerifier.verify(changed, SampleReports.heavyDbApplied(applied, "t"), DATASET,
                PASSING), SchemaVerifier.DATA_ENCODING);

        assertThat(row.status()).isEqualTo(Status.NOT_MET);
        assertThat(row.reason()).contains("planned DATE ENCODING DAYS(32)");
    }

    @Test
    void verify_heavyDbFragmentSizeOrSortColumnDiffers_shouldTurnPartitioningRowNotMet() {
        PlanSection applied = plan(16, 16, 300, "trade_date");

        SchemaRow fragment = row(SchemaVerifier.verify(plan(16, 16, 600, "trade_date"),
                SampleReports.heavyDbApplied(applied, "t"), DATASET, PASSING), SchemaVerifier.DATE_PARTITIONING);
        SchemaRow sort = row(SchemaVerifier.verify(applied, SampleReports.heavyDbApplied(plan(16, 16, 300, null), "t"),
                DATASET, PASSING), SchemaVerifier.DATE_PARTITIONING);

        assertThat(fragment.status()).isEqualTo(Status.NOT_MET);
        assertThat(fragment.reason()).isEqualTo("fragment_size is 300, planned 600");
        assertThat(fragment.planned()).contains("fragment_size 600 rows");
        assertThat(sort.status()).isEqualTo(Status.NOT_MET);
        assertThat(sort.reason()).isEqualTo("sort_column is none, planned trade_date");
    }

    @Test
    void verify_duckDb_shouldExplainEquivalentsWithReasons() {
        PlanSection plan = plan(16, 16, 300, "trade_date");

        List<SchemaRow> rows = SchemaVerifier.verify(plan, SampleReports.duckDbApplied("t"), DATASET, PASSING);

        assertThat(rows).extracting(SchemaRow::status).containsExactly(Status.EQUIVALENT, Status.EQUIVALENT,
                Status.EQUIVALENT, Status.EQUIVALENT, Status.APPLIED);
        SchemaRow partitions = row(rows, SchemaVerifier.DATE_PARTITIONING);
        assertThat(partitions.reason()).contains("no partitions, fragment_size or sort_column")
                .contains("300-row fragments do not apply").contains("zone map on trade_date");
        assertThat(partitions.applied()).isEqualTo("row groups of 122,880 rows, rows appended in date order");
        assertThat(row(rows, SchemaVerifier.DATA_ENCODING).reason())
                .contains("DuckDB stores DATE as 32-bit day numbers").contains("ENUM").contains("16-bit keys");
        assertThat(row(rows, SchemaVerifier.INDEX_STRATEGY).reason()).contains("DuckDB builds no index");
    }

    @Test
    void verify_strategyNotDictionaryEncoded_shouldFailEncodingAndIndexRows() {
        PlanSection plan = plan(16, 16, 300, "trade_date");
        AppliedSchema plain = new AppliedSchema(Engine.DUCKDB, "t", List.of(
                new AppliedSchema.Column("trade_date", "DATE", null, 32),
                new AppliedSchema.Column("strategy", "VARCHAR", null, null),
                new AppliedSchema.Column("pnl", "DOUBLE", null, 64)), null, null);

        List<SchemaRow> rows = SchemaVerifier.verify(plan, plain, DATASET, PASSING);

        assertThat(row(rows, SchemaVerifier.DATA_ENCODING).status()).isEqualTo(Status.NOT_MET);
        assertThat(row(rows, SchemaVerifier.DATA_ENCODING).reason()).contains("strategy is VARCHAR, not dictionary-encoded");
        assertThat(row(rows, SchemaVerifier.INDEX_STRATEGY).status()).isEqualTo(Status.NOT_MET);
        assertThat(row(rows, SchemaVerifier.DATE_PARTITIONING).applied()).startsWith("row groups (size not reported)");
    }

    @Test
    void verify_pnlNotDoubleAndColumnMissing_shouldNameEachMiss() {
        PlanSection plan = plan(16, 16, 300, "trade_date");
        AppliedSchema wrong = new AppliedSchema(Engine.HEAVYDB, "t", List.of(
                new AppliedSchema.Column("trade_date", "DATE", "DAYS", 16),
                new AppliedSchema.Column("pnl", "FLOAT", "NONE", null)), 300L, "trade_date");

        List<SchemaRow> rows = SchemaVerifier.verify(plan, wrong, DATASET, PASSING);

        assertThat(row(rows, SchemaVerifier.DATA_ENCODING).reason())
                .isEqualTo("strategy is missing; pnl is FLOAT, not DOUBLE");
        assertThat(row(rows, SchemaVerifier.COLUMNAR_STORAGE).status()).isEqualTo(Status.NOT_MET);
        assertThat(row(rows, SchemaVerifier.COLUMNAR_STORAGE).reason())
                .contains("[trade_date, pnl] are not the planned [trade_date, strategy, pnl]");
    }

    @Test
    void verify_performanceRow_shouldFollowTheBenchmarks() {
        PlanSection plan = plan(16, 16, 300, "trade_date");
        AppliedSchema applied = SampleReports.heavyDbApplied(plan, "t");

        SchemaRow none = row(SchemaVerifier.verify(plan, applied, DATASET, List.of()), SchemaVerifier.PERFORMANCE_VALIDATION);
        SchemaRow missed = row(SchemaVerifier.verify(plan, applied, DATASET, SampleReports.benchmarks(1e-9)),
                SchemaVerifier.PERFORMANCE_VALIDATION);
        SchemaRow met = row(SchemaVerifier.verify(plan, applied, DATASET, PASSING), SchemaVerifier.PERFORMANCE_VALIDATION);

        assertThat(none.status()).isEqualTo(Status.NOT_MET);
        assertThat(missed.status()).isEqualTo(Status.NOT_MET);
        assertThat(missed.applied()).startsWith("5 of 6 benchmarks met their targets");
        assertThat(met.status()).isEqualTo(Status.APPLIED);
        assertThat(met.planned()).contains("load-time < 30 s").contains("correlation-top-1000 < 5 s");
    }
}
