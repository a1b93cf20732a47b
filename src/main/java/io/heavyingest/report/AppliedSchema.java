package io.heavyingest.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the warehouse reports it applied to a dataset's table: the facts the schema verification compares with
 * the plan. HeavyDB: {@code get_table_details} (column types, encodings, fragment size) and {@code SHOW CREATE
 * TABLE} (sort column). DuckDB: {@code duckdb_columns()} / {@code duckdb_types()} and the row-group size.
 *
 * @param engine the engine that answered
 * @param table the table described
 * @param columns the table's columns in table order
 * @param fragmentRows rows per fragment (HeavyDB {@code fragment_size}; DuckDB: its row-group size), null when
 *                     the engine did not say
 * @param sortColumn sort column declared on the table, null when none (always null on DuckDB)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record AppliedSchema(Engine engine, String table, List<Column> columns, Long fragmentRows, String sortColumn) {

    public AppliedSchema {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
    }

    /** The column named {@code name} (case-insensitive). */
    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * One column as the warehouse describes it.
     *
     * @param name column name
     * @param type logical type as the engine names it, e.g. {@code DATE}, {@code TEXT}, {@code ENUM},
     *             {@code VARCHAR}, {@code DOUBLE}
     * @param encoding storage encoding: {@code DAYS}, {@code DICT}, {@code NONE}, ...; for a DuckDB ENUM,
     *                 {@code DICT} (an ENUM is a dictionary); null when the engine has no such notion
     * @param encodingBits width of the stored value in bits (HeavyDB's {@code comp_param}; a DuckDB ENUM's key
     *                     width: 8, 16 or 32; DuckDB DATE: 32), null when unknown
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RegisterForReflection
    public record Column(String name, String type, String encoding, Integer encodingBits) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        /** Whether the type is {@code expected}, case-insensitively. */
        public boolean isType(String expected) {
            return type.toUpperCase(Locale.ROOT).equals(expected);
        }

        /** Whether the values are stored as dictionary keys (TEXT ENCODING DICT, or an ENUM). */
        public boolean dictionaryEncoded() {
            return "DICT".equalsIgnoreCase(encoding) || isType("ENUM");
        }

        /** How it reads in a table: {@code TEXT ENCODING DICT(16)}, {@code DOUBLE}. */
        public String describe() {
            StringBuilder s = new StringBuilder(type);
            if (encoding != null && !"NONE".equalsIgnoreCase(encoding) && !isType("ENUM")) {
                s.append(" ENCODING ").append(encoding);
                if (encodingBits != null) {
                    s.append('(').append(encodingBits).append(')');
                }
            } else if (isType("ENUM") && encodingBits != null) {
                s.append(" (").append(encodingBits).append("-bit keys)");
            }
            return s.toString();
        }
    }
}
