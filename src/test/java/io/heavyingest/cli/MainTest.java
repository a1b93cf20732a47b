package io.heavyingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The local command, run in-process with its real warehouse in a temporary directory. */
class MainTest {
    static final String PATH_PROPERTY = "heavy-ingest.warehouse.duckdb.path";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    PrintStream originalOut;
    PrintStream originalErr;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    @BeforeEach
    void capture() {
        System.setProperty(PATH_PROPERTY, dir.resolve("cli.duckdb").toString());
        originalOut = System.out;
        originalErr = System.err;
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.clearProperty(PATH_PROPERTY);
    }

    int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void ingest_binaryGarbageHeader_shouldPrintOneEscapedLineAndRecordItEscaped() throws Exception {
        Path bin = dir.resolve("garbage.csv");
        byte[] bytes = new byte[300];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 7 == 0 ? 0 : i % 32);   // NULs and control bytes, no line break before byte 10
        }
        bytes[299] = '\n';
        Files.write(bin, bytes);

        assertThat(run("ingest", bin.toString())).isEqualTo(Main.BAD_INPUT);

        String line = stderr();
        assertThat(line.lines()).hasSize(1);
        assertThat(line).startsWith("error: " + bin + ":1:1: first header field must be \"Date\" but is \"\\u0000\\u0001");
        assertThat(line).doesNotContain("\u0000").doesNotContain("\u0001");
        assertThat(run("datasets", "--json")).isEqualTo(Main.OK);
        JsonNode history = JSON.readTree(stdout());
        assertThat(history.get(0).get("status").asText()).isEqualTo("FAILED");
        assertThat(history.get(0).get("error").asText()).contains("\\u0000").doesNotContain("\u0000");
    }

    @Test
    void anyCommand_invalidTypedSetting_shouldBeAUsageErrorNamingTheProperty() {
        for (String[] setting : new String[][] {
                {"heavy-ingest.warehouse.kind", "mysql"},
                {"heavy-ingest.heavydb.read-timeout", "soon"},
                {"heavy-ingest.optimize.sizes", "60..35"},
                {"heavy-ingest.optimize.algorithms", "GA,XYZ"},
                {"heavy-ingest.schema.date-encoding", "DAYS64"}}) {
            System.setProperty(setting[0], setting[1]);
            try {
                assertThat(run("datasets")).as(setting[0]).isEqualTo(Main.USAGE);
                assertThat(stderr()).as(setting[0]).contains(setting[0]).contains(setting[1]);
                assertThat(stderr().lines()).as(setting[0]).hasSize(1);
            } finally {
                System.clearProperty(setting[0]);
            }
        }
    }

    @Test
    void ingestJson_shouldPrintOneObjectWithTheSummaryKeys() throws Exception {
        int code = run("ingest", "src/test/resources/data/sensex_500x82.csv", "--json");
        assertThat(code).as(stderr()).isZero();
        JsonNode summary = JSON.readTree(stdout());
        assertThat(summary.get("rows").asLong()).isEqualTo(41_000);
        assertThat(summary.get("strategies").asInt()).isEqualTo(500);
        assertThat(summary.get("days").asInt()).isEqualTo(82);
        assertThat(summary.get("firstDate").asText()).isEqualTo("2024-01-04");
        assertThat(summary.get("lastDate").asText()).isEqualTo("2025-07-21");
        assertThat(summary.get("bytes").asLong()).isEqualTo(758_865);
        assertThat(summary.get("datasetId").asText()).matches("[0-9a-f]{16}");
        for (String key : new String[] {"parseMillis", "loadMillis", "totalMillis"}) {
            assertThat(summary.get(key).isIntegralNumber()).as(key).isTrue();
        }
        assertThat(stdout().trim().lines()).hasSize(1);
    }

    @Test
    void datasetsJson_shouldListEveryAttemptAsAnArray() throws Exception {
        run("ingest", "src/test/resources/data/sensex_500x82.csv");
        run("ingest", "src/test/resources/data/sensex_500x82.csv");
        assertThat(run("datasets", "--json")).isZero();
        JsonNode history = JSON.readTree(stdout());
        assertThat(history.isArray()).isTrue();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("status").asText()).isEqualTo("LOADED");
        assertThat(history.get(0).get("current").asBoolean()).isTrue();
        assertThat(history.get(1).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(history.get(1).get("rows").asLong()).isEqualTo(41_000);
    }

    @Test
    void badInput_shouldExit1WithOneLineNamingFileLineAndColumn() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "Date,Day,a,b\n2024-01-04,Thursday,1,2\n2024-01-11,Thursday,3,x\n");
        int code = run("ingest", bad.toString(), "--json");
        assertThat(code).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(stderr().lines()).containsExactly(
                "error: " + bad + ":3:4: value is not a number: \"x\" (strategy \"b\")");
        run("datasets", "--json");
        JsonNode history = JSON.readTree(stdout());
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("status").asText()).isEqualTo("FAILED");
        assertThat(history.get(0).get("error").asText()).contains(":3:4:");
    }

    @Test
    void missingFile_shouldExit3WithOneLine() {
        assertThat(run("ingest", dir.resolve("nope.csv").toString())).isEqualTo(3);
        assertThat(stderr().lines()).singleElement().asString().contains("no such file");
    }

    @Test
    void ingest_datasetIdWithUnderscore_shouldBeAUsageErrorRecordingNothing() throws Exception {
        // x_stage would name the table strategy_pnl_x_stage, which a later --dataset-id x could take for its staging
        assertThat(run("ingest", "src/test/resources/data/sensex_500x82.csv", "--dataset-id", "x_stage"))
                .isEqualTo(Main.USAGE);
        assertThat(stderr()).contains("--dataset-id must be 1 to 32 lower-case letters or digits");
        assertThat(run("ingest", "src/test/resources/data/sensex_500x82.csv", "--dataset-id", "X")).isEqualTo(Main.USAGE);

        assertThat(run("datasets", "--json")).isEqualTo(Main.OK);
        assertThat(JSON.readTree(stdout())).isEmpty();
    }

    @Test
    void usageErrors_shouldExit2() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(stderr()).contains("usage: heavy-ingest");
        assertThat(run("ingest")).isEqualTo(2);
        assertThat(run("ingest", "a.csv", "--jsn")).isEqualTo(2);
        assertThat(stderr()).contains("unknown option --jsn");
    }

    @Test
    void generateThenRun_shouldIngestTheGivenFileAndSummarize() throws Exception {
        Path file = dir.resolve("small.csv");
        assertThat(run("generate", "--days", "12", "--strategies", "300", "--seed", "5", "--out", file.toString())).isZero();
        assertThat(stdout()).contains("12 days x 300 strategies");
        assertThat(run("run", file.toString())).isZero();
        assertThat(stdout()).contains("3,600 = 300 strategies x 12 days").contains("table plan").contains("MB/s");
    }
}
