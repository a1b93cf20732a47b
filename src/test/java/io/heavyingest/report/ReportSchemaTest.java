package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every report the builder makes is valid against the published JSON Schema, and the schema has teeth. */
class ReportSchemaTest {
    private static final PnlMatrix MATRIX = SampleReports.matrix(82, 120, 11);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    @BeforeAll
    static void loadSchema() {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(ReportJson.schema(), InputFormat.JSON);
    }

    private static List<Error> validate(String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    private static ObjectNode tree(ComplianceReport report) {
        return (ObjectNode) JSON.readTree(ReportJson.writeString(report));
    }

    @Test
    void validate_passingDuckDbReport_shouldHaveNoErrors() {
        assertThat(validate(ReportJson.writeString(SampleReports.duckDbPass(MATRIX)))).isEmpty();
    }

    @Test
    void validate_failingHeavyDbReportWithGpus_shouldHaveNoErrors() {
        ComplianceReport report = SampleReports.heavyDbFail(MATRIX);

        assertThat(report.verdict()).isEqualTo(ComplianceReport.Verdict.FAIL);
        assertThat(validate(ReportJson.writeString(report))).isEmpty();
    }

    @Test
    void validate_reportWithoutOptimizerOrBenchmarks_shouldHaveNoErrors() {
        ComplianceReport report = ComplianceReport.builder().dataset(SampleReports.dataset(MATRIX))
                .environment(EnvironmentSection.detect(Engine.DUCKDB, null, null, null))
                .plan(SampleReports.plan(MATRIX.strategyCount())).applied(SampleReports.duckDbApplied("t")).build();

        assertThat(validate(ReportJson.writeString(report))).isEmpty();
    }

    @Test
    void validate_missingRequiredProperty_shouldBeRejected() {
        ObjectNode json = tree(SampleReports.duckDbPass(MATRIX));
        json.remove("dataset");

        assertThat(validate(json.toString())).extracting(Error::toString).anyMatch(m -> m.contains("dataset"));
    }

    @Test
    void validate_unknownProperty_shouldBeRejected() {
        ObjectNode json = tree(SampleReports.duckDbPass(MATRIX));
        ((ObjectNode) json.get("environment")).put("gpuCount", 4);

        assertThat(validate(json.toString())).extracting(Error::toString).anyMatch(m -> m.contains("gpuCount"));
    }

    @Test
    void validate_passVerdictWithFailingItems_shouldBeRejected() {
        ObjectNode json = tree(SampleReports.duckDbPass(MATRIX));
        ((ArrayNode) json.get("failing")).add("memory");

        assertThat(validate(json.toString())).isNotEmpty();
    }

    @Test
    void validate_nonAppliedRowWithoutReason_shouldBeRejected() {
        ObjectNode json = tree(SampleReports.duckDbPass(MATRIX));
        JsonNode row = json.get("schema").get(1);
        assertThat(row.get("status").asText()).isEqualTo("EQUIVALENT");
        ((ObjectNode) row).remove("reason");

        assertThat(validate(json.toString())).isNotEmpty();
    }

    @Test
    void validate_numberAsText_shouldBeRejected() {
        ObjectNode json = tree(SampleReports.duckDbPass(MATRIX));
        ((ObjectNode) json.get("benchmarks").get(0)).put("measured", "0.6");

        assertThat(validate(json.toString())).extracting(Error::toString).anyMatch(m -> m.contains("measured"));
    }

    @Test
    void validate_unknownStatus_shouldBeRejected() {
        ObjectNode json = tree(SampleReports.duckDbPass(MATRIX));
        ((ObjectNode) json.get("schema").get(0)).put("status", "OK");

        assertThat(validate(json.toString())).isNotEmpty();
    }
    @Test
    void validate_unversionedSourceWithETag_shouldKeepThePropertyNameAndValidate() {
        DatasetSection d = SampleReports.dataset(MATRIX);
        DatasetSection unversioned = new DatasetSection(d.datasetId(), new DatasetSection.Source("b", "incoming/x.csv",
                null, "\"9b2cf535f27731c974343645a3985328\""), d.table(), d.rows(), d.strategies(), d.days(),
                d.firstDate(), d.lastDate(), d.nullValues(), null);
        ComplianceReport report = ComplianceReport.builder().dataset(unversioned)
                .environment(SampleReports.duckDbEnvironment()).plan(SampleReports.plan(MATRIX.strategyCount()))
                .applied(SampleReports.duckDbApplied("t")).build();
        ObjectNode json = tree(report);

        assertThat(json.at("/dataset/source/eTag").asText()).isEqualTo("\"9b2cf535f27731c974343645a3985328\"");
        assertThat(json.at("/dataset/source").has("versionId")).isFalse();
        assertThat(validate(json.toString())).isEmpty();
        ((ObjectNode) json.at("/dataset/source")).remove("eTag");
        assertThat(validate(json.toString())).isNotEmpty();
    }
}
