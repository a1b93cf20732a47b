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

class OptimizeCommandTest {
    private static final String WAREHOUSE = "heavy-ingest.warehouse.duckdb.path";

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        System.setProperty(WAREHOUSE, dir.resolve("warehouse.duckdb").toString());
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
        System.clearProperty(WAREHOUSE);
    }

    @Test
    void optimize_noDatasetLoaded_shouldExitThreeWithAClearMessage() {
        int code = Main.run(new String[] {"optimize", "--sizes", "2"});

        assertThat(code).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no dataset loaded").contains("ingest");
    }

    @Test
    void optimize_loadedDatasetAsJson_shouldReportBestPortfolioNullsAndEveryAlgorithm() throws Exception {
        Path csv = dir.resolve("pnl.csv");
        StringBuilder sb = new StringBuilder("Date,Day");
        for (int s = 0; s < 12; s++) {
            sb.append(",S").append(s);
        }
        sb.append('\n');
        java.time.LocalDate date = java.time.LocalDate.of(2024, 1, 4);
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int t = 0; t < 20; t++) {
            sb.append(date.plusWeeks(t)).append(",Thursday");
            for (int s = 0; s < 12; s++) {
                sb.append(',').append(t == 3 && s == 5 ? "" : Double.toString(random.nextGaussian() + s * 0.1));
            }
            sb.append('\n');
        }
        Files.writeString(csv, sb);
        assertThat(Main.run(new String[] {"ingest", csv.toString()})).isZero();
        out.reset();

        int code = Main.run(new String[] {"optimize", "--sizes", "3..4", "--algorithms", "all", "--budget", "200",
                "--seed", "3", "--json"});

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(doc.get("nullCount").asLong()).isEqualTo(1);
        assertThat(doc.get("sizes").asText()).isEqualTo("3..4");
        assertThat(doc.get("seed").asLong()).isEqualTo(3);
        assertThat(doc.get("algorithms")).hasSize(8);
        JsonNode best = doc.get("best");
        assertThat(best.get("strategies").size()).isEqualTo(best.get("size").asInt());
        assertThat(best.get("metrics").get("fitness").asDouble()).isEqualTo(best.get("fitness").asDouble());
        for (String metric : new String[] {"roi", "maxDrawdown", "winRate", "profitFactor", "expectancy", "sharpe",
                "sortino", "annualizedReturn", "meanCorrelation"}) {
            assertThat(best.get("metrics").has(metric)).as(metric).isTrue();
        }
    }

    @Test
    void optimize_unknownAlgorithm_shouldBeAUsageError() {
        int code = Main.run(new String[] {"optimize", "--algorithms", "GA,NOPE"});

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown algorithm \"NOPE\"");
    }
}
