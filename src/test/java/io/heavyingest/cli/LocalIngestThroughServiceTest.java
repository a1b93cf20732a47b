package io.heavyingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavyingest.testsupport.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The local command runs the function's object ingest service: same exactly-once rules, manifests and reports. */
class LocalIngestThroughServiceTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] PROPERTIES = {"heavy-ingest.warehouse.duckdb.path", "heavy-ingest.bucket.local.output-folder"};

    @TempDir
    static Path dir;

    private record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void useTempWarehouse() {
        System.setProperty(PROPERTIES[0], dir.resolve("warehouse.duckdb").toString());
        System.setProperty(PROPERTIES[1], dir.resolve("bucket").toString());
    }

    @AfterAll
    static void restore() {
        for (String p : PROPERTIES) {
            System.clearProperty(p);
        }
    }

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void ingest_sampleTwice_shouldLoadOnceWriteTheManifestAndReportTheDuplicate() throws Exception {
        Path file = dir.resolve("sensex.csv");
        Files.write(file, Fixtures.sample());

        Run first = run("ingest", file.toString(), "--json");
        Run second = run("ingest", file.toString(), "--json");

        assertThat(first.exit()).isZero();
        JsonNode json = MAPPER.readTree(first.out());
        for (String key : List.of("datasetId", "rows", "strategies", "days", "firstDate", "lastDate", "bytes",
                "parseMillis", "loadMillis", "totalMillis")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("status").asText()).isEqualTo("LOADED");
        assertThat(json.get("rows").asLong()).isEqualTo(Fixtures.SAMPLE_ROWS);
        String id = json.get("datasetId").asText();
        assertThat(dir.resolve("bucket/manifests/" + id + ".json")).exists();
        assertThat(second.exit()).isZero();
        assertThat(MAPPER.readTree(second.out()).get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(MAPPER.readTree(second.out()).get("datasetId").asText()).isEqualTo(id);
    }

    @Test
    void ingest_fileRewrittenWithSameSizeAndModificationTime_shouldLoadTheNewValues() throws Exception {
        Path file = dir.resolve("pnl.csv");
        Files.writeString(file, "Date,Day,a,b\n2024-01-04,Thursday,1.5,-2\n");
        java.nio.file.attribute.FileTime mtime = Files.getLastModifiedTime(file);
        Run first = run("ingest", file.toString(), "--json");
        Thread.sleep(20);

        // what cp -p or rsync -t does: new content, same size, the old modification time
        Files.writeString(file, "Date,Day,a,b\n2024-01-04,Thursday,9.5,-2\n");
        Files.setLastModifiedTime(file, mtime);
        Run second = run("ingest", file.toString(), "--json");

        assertThat(MAPPER.readTree(first.out()).get("status").asText()).isEqualTo("LOADED");
        assertThat(MAPPER.readTree(second.out()).get("status").asText()).as(second.err()).isEqualTo("LOADED");
        assertThat(MAPPER.readTree(second.out()).get("datasetId").asText())
                .isNotEqualTo(MAPPER.readTree(first.out()).get("datasetId").asText());
    }

    @Test
    void ingest_badFile_shouldPrintOneLineExitOneAndWriteTheErrorReport() throws Exception {
        Path file = dir.resolve("bad-day.csv");
        Files.writeString(file, "Date,Day,A\n2024-01-04,Friday,1\n");

        Run bad = run("ingest", file.toString(), "--json");

        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).isEmpty();
        assertThat(bad.err().lines().toList()).singleElement().asString()
                .contains("bad-day.csv:2:2").contains("Friday");
        try (var reports = Files.list(dir.resolve("bucket/reports/errors"))) {
            List<String> texts = new ArrayList<>();
            for (Path p : reports.toList()) {
                texts.add(Files.readString(p));
            }
            assertThat(texts).anySatisfy(t -> assertThat(t).contains("\"problem\" : \"DAY_MISMATCH\""));
        }
    }

    @Test
    void datasets_afterLoads_shouldListTheHistoryAsJson() throws Exception {
        Path file = dir.resolve("week.csv");
        Files.write(file, Fixtures.tiny(2, "datasets"));
        String id = MAPPER.readTree(run("ingest", file.toString(), "--json").out()).get("datasetId").asText();

        Run datasets = run("datasets", "--json");

        assertThat(datasets.exit()).isZero();
        JsonNode rows = MAPPER.readTree(datasets.out());
        List<String> statuses = new ArrayList<>();
        rows.forEach(r -> {
            if (r.get("datasetId").asText().equals(id)) {
                statuses.add(r.get("status").asText());
            }
        });
        assertThat(statuses).containsExactly("LOADED");
    }
}
