package io.heavyingest.function;

import io.heavyingest.json.Json;
import io.heavyingest.bucket.ErrorReport;
import io.heavyingest.csv.CsvProblem;
import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.testsupport.Events;
import io.heavyingest.testsupport.FunctionTestResource;
import io.heavyingest.testsupport.Lambda;
import io.heavyingest.testsupport.WarehouseProbe;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.LoadStatus;
import io.heavyingest.warehouse.Warehouse;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

import static io.heavyingest.testsupport.BucketEnv.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input is permanent: for every rule the reader enforces, the invocation succeeds, the load history holds a
 * FAILED row and the bucket an error report that says where the problem is. Nothing is published.
 */
@QuarkusTest
@WithTestResource(value = FunctionTestResource.class,
        initArgs = {@ResourceArg(name = "heavy-ingest.ingest.max-file-bytes", value = "200000"),
                @ResourceArg(name = "heavy-ingest.ingest.max-days", value = "1000")})
class IngestFunctionBadInputTest {

    BucketEnv env;

    @Inject
    Warehouse warehouse;

    /**
     * A file that breaks {@code problem}, with the line and column the report must name. The switch has no default,
     * so a new reader rule does not compile until it gets a bad file here.
     */
    private record BadFile(byte[] bytes, long line, int column, String suffix) {
        BadFile(String content, long line, int column) {
            this(content.getBytes(StandardCharsets.UTF_8), line, column, ".csv");
        }
    }

    private static byte[] gzip(java.util.function.Consumer<java.io.PrintStream> writer) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.PrintStream print = new java.io.PrintStream(new java.util.zip.GZIPOutputStream(out, 1 << 16), false,
                StandardCharsets.UTF_8)) {
            writer.accept(print);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String day(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static BadFile badFile(CsvProblem problem) {
        return switch (problem) {
            case EMPTY_FILE -> new BadFile("", 1, 0);
            case DATE_NOT_FIRST -> new BadFile("Day,Date,A\nThursday,2024-01-04,1\n", 1, 1);
            case NO_STRATEGIES -> new BadFile("Date,Day\n2024-01-04,Thursday\n", 1, 0);
            case EMPTY_STRATEGY_NAME -> new BadFile("Date,Day,A,,C\n2024-01-04,Thursday,1,2,3\n", 1, 4);
            case DUPLICATE_STRATEGY_NAME -> new BadFile("Date,Day,A,B,A\n2024-01-04,Thursday,1,2,3\n", 1, 5);
            case MALFORMED_QUOTING -> new BadFile("Date,Day,A,B\n2024-01-04,Thursday,\"1\"x,2\n", 2, 3);
            case FIELD_COUNT -> new BadFile("Date,Day,A,B\n2024-01-04,Thursday,1,2\n2024-01-11,Thursday,1\n", 3, 3);
            case BAD_DATE -> new BadFile("Date,Day,A\n04-01-2024,Thursday,1\n", 2, 1);
            case DUPLICATE_DATE -> new BadFile("Date,Day,A\n2024-01-04,Thursday,1\n2024-01-04,Thursday,2\n", 3, 1);
            case DAY_MISMATCH -> new BadFile("Date,Day,A\n2024-01-04,Friday,1\n", 2, 2);
            case BAD_NUMBER -> new BadFile("Date,Day,A,B\n2024-01-04,Thursday,1,12abc\n", 2, 4);
            case NOT_FINITE -> new BadFile("Date,Day,A,B\n2024-01-04,Thursday,NaN,1\n", 2, 3);
            case NO_ROWS -> new BadFile("Date,Day,A,B\n", 2, 0);
            case TOO_LARGE -> new BadFile(gzip(out -> {
                // header 205 bytes, rows 211: row 947 (line 948) ends at byte 200,022, past max-file-bytes=200000
                out.print("Date");
                for (int s = 0; s < 50; s++) {
                    out.printf(",s%02d", s);
                }
                out.print("\n");
                for (int i = 0; i < 960; i++) {
                    out.print(LocalDate.of(2000, 1, 1).plusDays(i) + ",1.5".repeat(50) + "\n");
                }
            }), 948, 0, ".csv.gz");
            case DATE_OUT_OF_PLAN -> {
                // the plan picks DAYS(16) from the first rows; a date far beyond its range arrives later
                LocalDate far = LocalDate.of(2075, 1, 3);
                yield new BadFile("Date,Day,A\n2024-01-04,Thursday,1\n2024-01-11,Thursday,2\n"
                        + far + "," + day(far) + ",3\n", 4, 1);
            }
            case LINE_TOO_LONG -> new BadFile(gzip(out -> {
                out.print("Date,A\n2024-01-04,");
                String block = "1".repeat(1 << 16);
                for (int i = 0; i < 1100; i++) { // 72 MB in one line, over the 64 MiB default
                    out.print(block);
                }
            }), 2, 0, ".csv.gz");
            case FIELD_TOO_LONG -> new BadFile("Date,A," + "B".repeat(5000) + "\n2024-01-04,1,2\n", 1, 3);
            case TOO_MANY_COLUMNS -> new BadFile(gzip(out -> {
                out.print("Date");
                for (int i = 0; i < 262_144; i++) {
                    out.print(",s"); // the column limit stops the scan before names are compared
                }
                out.print("\n");
            }), 1, 262_145, ".csv.gz");
            case TOO_MANY_DATES -> new BadFile(gzip(out -> {
                out.print("Date,A\n");
                LocalDate d = LocalDate.of(1800, 1, 1);
                for (int i = 0; i <= 1000; i++) { // over max-days, set to 1000 for this class
                    out.print(d.plusDays(i) + ",1\n");
                }
            }), 1002, 0, ".csv.gz");
            case BAD_ENCODING -> new BadFile("Date,A\u00ff,B\n2024-01-04,1,2\n".getBytes(StandardCharsets.ISO_8859_1),
                    1, 2, ".csv");
            case BAD_GZIP -> new BadFile("Date,A\n2024-01-04,1\n".getBytes(StandardCharsets.UTF_8), 0, 0, ".csv.gz");
        };
    }

    @ParameterizedTest
    @EnumSource(CsvProblem.class)
    void badFile_eachReaderRule_shouldRecordFailureWriteErrorReportAndNotFailTheInvocation(CsvProblem problem) {
        BadFile bad = badFile(problem);
        String key = "incoming/bad/" + problem.name().toLowerCase(Locale.ROOT) + bad.suffix();
        byte[] bytes = bad.bytes();
        PutObjectResponse put = env.put(BUCKET, key, bytes);
        String current = warehouse.currentDatasetId().orElse(null);

        JsonPath out = Lambda.invoke(Events.s3Put(BUCKET, key, bytes.length, put.eTag().replace("\"", ""), put.versionId()))
                .then().statusCode(200).extract().jsonPath();

        assertThat(out.getString("outcomes[0].status")).isEqualTo("REJECTED");
        String id = out.getString("outcomes[0].datasetId");
        WarehouseProbe probe = new WarehouseProbe(warehouse);
        assertThat(probe.statuses(id)).containsExactly(LoadStatus.FAILED);
        LoadRecord failed = probe.history(id).get(0);
        assertThat(failed.tableName()).isNull();
        assertThat(probe.tablesOf(id)).isEmpty();
        assertThat(warehouse.currentDatasetId().orElse(null)).isEqualTo(current);

        String reportKey = "reports/errors/" + id + ".json";
        assertThat(out.getString("outcomes[0].output")).isEqualTo(reportKey);
        ErrorReport report = Json.read(env.text(BUCKET, reportKey).getBytes(StandardCharsets.UTF_8), ErrorReport.class);
        assertThat(report.problem()).isEqualTo(problem.name());
        assertThat(report.object().key()).isEqualTo(key);
        assertThat(report.object().versionId()).isEqualTo(put.versionId());
        assertThat(report.line()).isEqualTo(bad.line());
        assertThat(report.column()).isEqualTo(bad.column());
        assertThat(report.message()).isEqualTo(failed.error()).contains(key);
        assertThat(env.text(BUCKET, "manifests/" + id + ".json")).isNull();
    }

    @Test
    void badFile_namingTheStrategyColumn_shouldPutTheStrategyInTheReport() {
        byte[] bytes = "Date,Day,SENSEX 930-1030 SL38%,SENSEX 1000-1100 SL10%\n2024-01-04,Thursday,1,x\n"
                .getBytes(StandardCharsets.UTF_8);
        PutObjectResponse put = env.put(BUCKET, "incoming/bad/strategy.csv", bytes);

        JsonPath out = Lambda.invoke(Events.s3Put(BUCKET, "incoming/bad/strategy.csv", bytes.length,
                put.eTag().replace("\"", ""), put.versionId())).then().statusCode(200).extract().jsonPath();

        String report = env.text(BUCKET, "reports/errors/" + out.getString("outcomes[0].datasetId") + ".json");
        assertThat(Json.read(report.getBytes(StandardCharsets.UTF_8), ErrorReport.class).strategy())
                .isEqualTo("SENSEX 1000-1100 SL10%");
    }
}
