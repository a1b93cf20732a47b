package io.heavyingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;


/** All settings of the product, under one prefix and grouped by concern. */
@ConfigMapping(prefix = "heavy-ingest")
public interface HeavyIngestConfig {

    /** How files are read and batched on their way to the warehouse. */
    Ingest ingest();

    /** How the table plan is derived from a file's shape. */
    Schema schema();

    /** Which warehouse receives the data, and the embedded default's settings. */
    Warehouse warehouse();

    interface Ingest {
        /** P&L values per columnar batch sent to the warehouse (rounded up to whole file rows). */
        @WithDefault("524288")
        int batchValues();

        /** Log a progress line every this many bytes read. */
        @WithDefault("16777216")
        long progressBytes();

        /** Files larger than this are rejected as bad input before any row is loaded. */
        @WithDefault("4294967296")
        long maxFileBytes();

        /** Longest line (header or row) accepted; a longer one is bad input, so memory stays bounded. */
        @WithDefault("67108864")
        long maxLineBytes();

        /** Longest single field (strategy name or value) accepted, in bytes. */
        @WithDefault("4096")
        int maxFieldBytes();

        /** Most header columns accepted (Date, Day and strategies). */
        @WithDefault("262144")
        int maxColumns();

        /** Most data rows (dates) accepted in one file. */
        @WithDefault("100000")
        long maxDays();

        /** Threads that parse the values of each row: 0 = one per available processor, 1 = the reading thread alone. */
        @WithDefault("0")
        int parseThreads();
    }

    interface Schema {
        /** Name of the profile, printed in plans and reports. */
        @WithDefault("default")
        String profile();

        /** Stable name readers use for the current dataset (a view or table). */
        @WithDefault("strategy_pnl")
        String currentTable();

        /** Growth headroom for the strategy dictionary: capacity = strategies x this factor. */
        @WithDefault("2.0")
        double dictionaryHeadroom();

        /** Trading days in a week; a fragment holds about one week of rows. */
        @WithDefault("5")
        int tradingDaysPerWeek();

        /** Lower bound for fragment_size, in rows. */
        @WithDefault("1")
        long minFragmentRows();

        /** Upper bound for fragment_size, in rows (HeavyDB's default is 32,000,000). */
        @WithDefault("32000000")
        long maxFragmentRows();

        /** Date encoding: AUTO picks DAYS(16) when every date (plus headroom) fits, else DAYS(32). */
        @WithDefault("AUTO")
        DateEncodingChoice dateEncoding();

        /** Years beyond the last known date that DAYS(16) must still cover, so later loads fit too. */
        @WithDefault("10")
        int dateHeadroomYears();
    }

    /** Which warehouse receives the data. */
    enum WarehouseKind {
        /** HeavyDB when a HeavyDB URL is configured, else the embedded DuckDB default. */
        AUTO,
        /** The embedded DuckDB warehouse, even when a HeavyDB URL is set. */
        DUCKDB,
        /** HeavyDB; a missing URL is a start-up error rather than a silent fallback. */
        HEAVYDB
    }

    /** Date encoding choice of the schema profile. */
    enum DateEncodingChoice { AUTO, DAYS16, DAYS32 }

    /** Storage of the embedded warehouse's P&L column: AUTO lets DuckDB compress it (smaller, slower to write). */
    enum PnlCompression { AUTO, UNCOMPRESSED }

    interface Warehouse {
        /** Which warehouse: AUTO (HeavyDB when a HeavyDB URL is set, else embedded DuckDB), DUCKDB or HEAVYDB. */
        @WithDefault("AUTO")
        WarehouseKind kind();

        /** DuckDB settings of the embedded warehouse. */
        DuckDb duckdb();
    }

    interface DuckDb {
        /** Database file of the embedded warehouse; ":memory:name" for a named in-memory database. */
        @WithDefault("target/warehouse/heavy-ingest.duckdb")
        String path();

        /** Maximum pooled connections. */
        @WithDefault("4")
        int maxPoolSize();

        /** DuckDB worker threads; 0 lets DuckDB use every core. */
        @WithDefault("0")
        int threads();

        /** DuckDB memory limit in DuckDB's size syntax ("256MB", "2GB"); a load spills beyond it instead of growing. */
        @WithName("memory-limit")
        @WithDefault("256MB")
        @WithConverter(MemorySizeConverter.class)
        String memoryLimit();

        /** P&L column storage: UNCOMPRESSED (about 13% larger file, written faster) or AUTO (DuckDB's compression). */
        @WithDefault("UNCOMPRESSED")
        PnlCompression pnlCompression();

        /** Values a load stages before unnesting them into the long table; a load holds about 8 bytes times this. */
        @WithDefault("4194304")
        int unnestValues();
    }
}
