package io.heavyingest.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The one JSON configuration of compliance reports.
 *
 * <ul>
 *   <li>Instants as ISO-8601 UTC text ({@code 2025-07-22T10:15:30.123Z}), dates as {@code yyyy-MM-dd}.</li>
 *   <li>Nulls: a property whose value is unknown (for example the HeavyDB server of a DuckDB run) is left out;
 *       the JSON Schema marks exactly those properties optional. Map values are written as they are (a portfolio
 *       metric that is undefined, such as a profit factor without losing days, is {@code null}).</li>
 *   <li>Order: record properties in declaration order, map entries sorted by key, so two reports of the same
 *       figures are byte-identical.</li>
 *   <li>Non-finite numbers are not JSON: writing one fails with the property's path instead of emitting
 *       {@code "NaN"} (records reject them earlier wherever a figure is required).</li>
 * </ul>
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private ReportJson() {
    }

    /** The report as indented UTF-8 JSON. */
    public static byte[] write(ComplianceReport report) {
        try {
            return MAPPER.writeValueAsBytes(report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the compliance report as JSON: " + e.getMessage(), e);
        }
    }

    /** The report as indented JSON text. */
    public static String writeString(ComplianceReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the compliance report as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads a report written by {@link #write}; unknown properties are refused. */
    public static ComplianceReport read(byte[] json) {
        try {
            return MAPPER.readValue(json, ComplianceReport.class);
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
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }

    /** Class-path location of the JSON Schema. */
    public static final String SCHEMA_RESOURCE = "/report/compliance-report.schema.json";

    /** Content type of the JSON report in the bucket. */
    public static final String CONTENT_TYPE = "application/json";

    static ObjectMapper configure(ObjectMapper mapper) {
        SimpleModule time = new SimpleModule("report-time");
        time.addSerializer(Instant.class, new ToText<>());
        time.addSerializer(LocalDate.class, new ToText<>());
        time.addDeserializer(Instant.class, new FromText<>(Instant::parse));
        time.addDeserializer(LocalDate.class, new FromText<>(LocalDate::parse));
        time.addSerializer(Double.class, new FiniteDouble());
        time.addSerializer(double.class, new FiniteDouble());
        return mapper.registerModule(time)
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.ALWAYS))
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private static final class ToText<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class FromText<T> extends JsonDeserializer<T> {
        private final java.util.function.Function<String, T> parse;

        FromText(java.util.function.Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return parse.apply(text);
            } catch (RuntimeException e) {
                return ctxt.reportInputMismatch(this, "not an ISO-8601 value: \"%s\"", text);
            }
        }
    }

    private static final class FiniteDouble extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (!Double.isFinite(value)) {
                throw com.fasterxml.jackson.databind.JsonMappingException.from(gen,
                        "non-finite number " + value + " cannot be written as JSON");
            }
            gen.writeNumber(value);
        }
    }
}
