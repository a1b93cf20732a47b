package io.heavyingest.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.heavyingest.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Compliance reports as JSON, through the product's one JSON configuration ({@link Json}).
 *
 * <ul>
 *   <li>Instants as ISO-8601 UTC text ({@code 2025-07-22T10:15:30.123Z}), dates as {@code yyyy-MM-dd}.</li>
 *   <li>Nulls: a property whose value is unknown (for example the HeavyDB server of a DuckDB run) is left out
 *       ({@code @JsonInclude(NON_NULL)} on each report record); the JSON Schema marks exactly those properties
 *       optional. Map values are written as they are (a portfolio metric that is undefined, such as a profit
 *       factor without losing days, is {@code null}).</li>
 *   <li>Order: record properties in declaration order, maps sorted by key by the records themselves, so two
 *       reports of the same figures are byte-identical.</li>
 *   <li>Non-finite numbers are not JSON: the records refuse them wherever a figure is required (samples, targets,
 *       details, fitness) and turn undefined metrics into null, so none reaches the writer.</li>
 *   <li>Reading is strict: unknown properties and nulls for required numbers are refused.</li>
 * </ul>
 */
public final class ReportJson {
    private static final ObjectReader READER = Json.mapper().readerFor(ComplianceReport.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ReportJson() {
    }

    /** The report as indented UTF-8 JSON. */
    public static byte[] write(ComplianceReport report) {
        return Json.document(report);
    }

    /** The report as indented JSON text. */
    public static String writeString(ComplianceReport report) {
        return new String(write(report), StandardCharsets.UTF_8);
    }

    /** Reads a report written by {@link #write}; unknown properties are refused. */
    public static ComplianceReport read(byte[] json) {
        try {
            return READER.readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a compliance report: " + e.getMessage(), e);
        }
    }

    /** The published JSON Schema (draft 2020-12) that every report satisfies, as text. */
    public static String schema() {
        try (InputStream in = ReportJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SCHEMA_RESOURCE + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }

    /** Class-path location of the JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/report/compliance-report.schema.json";

    /** Content type of the JSON report in the bucket. */
    public static final String CONTENT_TYPE = "application/json";
}
