package io.heavyingest.warehouse;

import java.util.List;
import java.util.Map;

/**
 * What a warehouse says about itself and about one dataset's table, in its own words: the facts the compliance
 * report compares with the recorded plan and the memory target. Read-only.
 */
public interface Inspection {

    /** The engine and the machine it runs on. */
    EngineFacts engineFacts();

    /**
     * What the engine applied to {@code table}: column types and encodings, fragment (row-group) size, sort column.
     *
     * @throws WarehouseException when the table does not exist
     */
    TableFacts tableFacts(String table);

    /** Storage and memory the engine uses for {@code table} (and, for context, the whole database). */
    Footprint footprint(String table);

    /**
     * @param engine "duckdb" or "heavydb"
     * @param version the engine's version
     * @param edition HeavyDB edition ("os", "ce", "ee"); null on DuckDB
     * @param gpus GPUs the server uses; empty on a CPU engine
     */
    record EngineFacts(String engine, String version, String edition, List<Gpu> gpus) {
        public EngineFacts {
            gpus = List.copyOf(gpus);
        }
    }

    /**
     * @param memoryBytes device memory
     * @param computeMajor CUDA compute capability, major
     * @param computeMinor CUDA compute capability, minor
     * @param multiprocessors streaming multiprocessors
     * @param clockKhz clock
     */
    record Gpu(long memoryBytes, int computeMajor, int computeMinor, int multiprocessors, long clockKhz) {
    }

    /**
     * @param table the table described
     * @param columns its columns in table order
     * @param fragmentRows rows per fragment (HeavyDB fragment_size, DuckDB row-group size), null when unknown
     * @param sortColumn the declared sort column, null when none
     */
    record TableFacts(String table, List<Column> columns, Long fragmentRows, String sortColumn) {
        public TableFacts {
            columns = List.copyOf(columns);
        }
    }

    /**
     * @param name column name
     * @param type the engine's type name: DATE, TEXT, ENUM, DOUBLE, ...
     * @param encoding DAYS, DICT, NONE, ...; null when the engine has no such notion
     * @param encodingBits stored width in bits, null when unknown
     */
    record Column(String name, String type, String encoding, Integer encodingBits) {
    }

    /**
     * @param tableBytes the dataset table's footprint in bytes, the figure compared with the memory target
     * @param basis how {@code tableBytes} was obtained, in words
     * @param figures every figure read, in bytes, by name (sorted)
     */
    record Footprint(long tableBytes, String basis, Map<String, Long> figures) {
        public Footprint {
            figures = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(figures));
        }
    }
}
