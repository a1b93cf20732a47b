package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplianceReportTest {
    private static final PnlMatrix MATRIX = SampleReports.matrix(82, 120, 7);

    @Test
    void build_allTargetsMet_shouldPassWithNoFailingItems() {
        ComplianceReport report = SampleReports.duckDbPass(MATRIX);

        assertThat(report.verdict()).isEqualTo(ComplianceReport.Verdict.PASS);
        assertThat(report.failing()).isEmpty();
        assertThat(report.benchmarks()).allMatch(Benchmark::pass);
        assertThat(report.schema()).extracting(SchemaRow::key).containsExactly(SchemaVerifier.COLUMNAR_STORAGE,
                SchemaVerifier.DATE_PARTITIONING, SchemaVerifier.DATA_ENCODING, SchemaVerifier.INDEX_STRATEGY,
                SchemaVerifier.PERFORMANCE_VALIDATION);
        assertThat(report.reportVersion()).isEqualTo(ComplianceReport.VERSION);
    }

    @Test
    void build_oneTargetImpossiblyLow_shouldFailNamingOnlyThatItem() {
        ComplianceReport report = SampleReports.heavyDbFail(MATRIX);

        assertThat(report.verdict()).isEqualTo(ComplianceReport.Verdict.FAIL);
        assertThat(report.failing()).containsExactly("correlation-top-1000");
        SchemaRow performance = report.schema().get(4);
        assertThat(performance.status()).isEqualTo(SchemaRow.Status.NOT_MET);
        assertThat(performance.reason()).contains("correlation-top-1000");
    }

    @Test
    void build_schemaNotMetWithBenchmarksPassing_shouldFailWithSchemaItem() {
        PlanSection plan = SampleReports.plan(MATRIX.strategyCount());
        PlanSection wider = new PlanSection(plan.profile(), plan.dateColumn(), plan.dateEncodingBits(),
                plan.strategyColumn(), 32, plan.dictionaryCapacity(), plan.pnlColumn(), plan.fragmentRows(),
                plan.datesPerFragment(), plan.sortColumn(), plan.reasons());
        ComplianceReport.Builder b = ComplianceReport.builder().dataset(SampleReports.dataset(MATRIX))
                .environment(SampleReports.heavyDbEnvironment()).plan(wider)
                .applied(SampleReports.heavyDbApplied(plan, "t"));
        SampleReports.benchmarks(5).forEach(b::benchmark);

        ComplianceReport report = b.build();

        assertThat(report.verdict()).isEqualTo(ComplianceReport.Verdict.FAIL);
        assertThat(report.failing()).containsExactly("schema:data-encoding");
    }

    @Test
    void build_noBenchmarks_shouldFailOnPerformanceValidation() {
        ComplianceReport report = ComplianceReport.builder().dataset(SampleReports.dataset(MATRIX))
                .environment(SampleReports.duckDbEnvironment()).plan(SampleReports.plan(MATRIX.strategyCount()))
                .applied(SampleReports.duckDbApplied("t")).build();

        assertThat(report.failing()).containsExactly("schema:performance-validation");
    }

    @Test
    void build_appliedFromOtherEngineThanEnvironment_shouldBeRejected() {
        ComplianceReport.Builder b = ComplianceReport.builder().dataset(SampleReports.dataset(MATRIX))
                .environment(SampleReports.duckDbEnvironment()).plan(SampleReports.plan(MATRIX.strategyCount()))
                .applied(SampleReports.heavyDbApplied(SampleReports.plan(MATRIX.strategyCount()), "t"));

        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HeavyDB");
    }

    @Test
    void build_sameBenchmarkTwice_shouldBeRejected() {
        Benchmark one = Benchmark.builder("x", Benchmark.Target.below(1, "s")).sample(0.5).build();

        assertThatThrownBy(() -> ComplianceReport.builder().benchmark(one).benchmark(one))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x added twice");
    }

    @Test
    void benchmark_warmMedian_shouldBeMedianOfRunsAfterTheFirst() {
        Benchmark b = Benchmark.builder("q", Benchmark.Target.below(10, "ms"))
                .statistic(Benchmark.Statistic.WARM_MEDIAN).samples(50, 4, 9, 2, 7).build();

        assertThat(b.firstRun()).isEqualTo(50);
        assertThat(b.warmMedian()).isEqualTo(5.5);
        assertThat(b.measured()).isEqualTo(5.5);
        assertThat(b.pass()).isTrue();
    }

    @Test
    void benchmark_firstRunOverTarget_shouldFailEvenWhenWarmRunsAreFast() {
        Benchmark b = Benchmark.builder("q", Benchmark.Target.below(10, "ms")).samples(50, 4, 5).build();

        assertThat(b.measured()).isEqualTo(50);
        assertThat(b.pass()).isFalse();
    }

    @Test
    void benchmark_measuredEqualToStrictTarget_shouldFail() {
        assertThat(Benchmark.builder("q", Benchmark.Target.below(30, "s")).sample(30).build().pass()).isFalse();
        assertThat(Benchmark.builder("q", new Benchmark.Target(Benchmark.Bound.AT_MOST, 30, "s")).sample(30).build()
                .pass()).isTrue();
        assertThat(Benchmark.builder("q", new Benchmark.Target(Benchmark.Bound.AT_LEAST, 30, "s")).sample(29).build()
                .pass()).isFalse();
    }

    @Test
    void benchmark_failingCheck_shouldFailAlthoughTargetIsMet() {
        Benchmark b = Benchmark.builder("q", Benchmark.Target.below(10, "ms")).sample(1)
                .check(Benchmark.Check.equal("rows", 82, 81)).build();

        assertThat(b.pass()).isFalse();
        assertThat(b.checks().get(0).actual()).isEqualTo("81");
    }

    @Test
    void benchmark_warmMedianWithOneSample_shouldBeRejected() {
        var builder = Benchmark.builder("q", Benchmark.Target.below(10, "ms"))
                .statistic(Benchmark.Statistic.WARM_MEDIAN).sample(3);

        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least two samples");
    }

    @Test
    void benchmark_nonFiniteSampleOrDetail_shouldBeRejected() {
        assertThatThrownBy(() -> Benchmark.builder("q", Benchmark.Target.below(1, "s")).sample(Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a finite number");
        assertThatThrownBy(() -> Benchmark.builder("q", Benchmark.Target.below(1, "s")).sample(1)
                .detail("diff", Double.POSITIVE_INFINITY).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("diff");
    }

    @Test
    void json_writtenAndRead_shouldRoundTripToAnEqualReport() {
        ComplianceReport report = SampleReports.heavyDbFail(MATRIX);

        ComplianceReport back = ReportJson.read(ReportJson.write(report));

        assertThat(ReportJson.writeString(back)).isEqualTo(ReportJson.writeString(report));
        assertThat(back.failing()).isEqualTo(report.failing());
        assertThat(back.dataset()).isEqualTo(report.dataset());
        assertThat(back.environment()).isEqualTo(report.environment());
    }

    @Test
    void json_report_shouldUseIsoTextLeaveUnknownsOutAndKeepDeclarationOrder() throws Exception {
        ComplianceReport report = SampleReports.duckDbPass(MATRIX);
        JsonNode json = new ObjectMapper().readTree(ReportJson.write(report));

        assertThat(json.get("generatedAt").asText()).isEqualTo("2025-07-22T10:15:30.123Z");
        assertThat(json.at("/dataset/firstDate").asText()).isEqualTo("2024-01-04");
        assertThat(json.get("environment").has("heavyDb")).isFalse();
        assertThat(json.at("/dataset/source").has("eTag")).isFalse();
        assertThat(json.at("/environment/engine").asText()).isEqualTo("duckdb");
        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(Arrays.stream(ComplianceReport.class.getRecordComponents())
                .map(c -> c.getName()).toList());
        assertThat(json.at("/optimizer/best/metrics").has("profitFactor")).isTrue();
        assertThat(json.at("/optimizer/best/metrics/profitFactor").isNull()).isTrue();
        List<String> detailKeys = new ArrayList<>();
        json.at("/benchmarks/0/details").fieldNames().forEachRemaining(detailKeys::add);
        assertThat(detailKeys).isSorted();
    }

    @Test
    void json_sameReportTwice_shouldBeByteIdentical() {
        byte[] a = ReportJson.write(SampleReports.duckDbPass(MATRIX));
        byte[] b = ReportJson.write(SampleReports.duckDbPass(MATRIX));

        assertThat(new String(a, StandardCharsets.UTF_8)).isEqualTo(new String(b, StandardCharsets.UTF_8));
    }

    @Test
    void json_unknownProperty_shouldBeRefusedOnRead() {
        String json = ReportJson.writeString(SampleReports.duckDbPass(MATRIX)).replaceFirst("\\{", "{\"extra\":1,");

        assertThatThrownBy(() -> ReportJson.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extra");
    }
    @Test
    void benchmark_nameWithSpaces_shouldBeRejectedAsTheSchemaWould() {
        assertThatThrownBy(() -> Benchmark.builder("Load Time", Benchmark.Target.below(1, "s")).sample(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"Load Time\"");
    }
}
