package io.heavyingest.warehouse.duckdb;

import io.heavyingest.config.ConfigLoader;
import io.heavyingest.warehouse.LoadRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** History times are instants: what one process writes, another reads back the same, whatever their time zones. */
class DuckDbHistoryTimeTest {
    @TempDir
    Path dir;

    @Test
    void history_writtenInUtcReadInAnotherZone_shouldReturnTheSameInstant() {
        TimeZone original = TimeZone.getDefault();
        Instant started = Instant.parse("2025-03-01T10:21:09.123Z");
        Map<String, String> settings = Map.of("heavy-ingest.warehouse.duckdb.path", dir.resolve("h.duckdb").toString());
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            try (DuckDbWarehouse writer = new DuckDbWarehouse(ConfigLoader.load(settings))) {
                writer.recordAttempt(LoadRecord.failed("0123456789abcdef", "f.csv", 0,
                        LoadRecord.Timings.total(started, 5), "boom"));
            }
            TimeZone.setDefault(TimeZone.getTimeZone("America/Chicago"));
            try (DuckDbWarehouse reader = new DuckDbWarehouse(ConfigLoader.load(settings))) {
                assertThat(reader.history()).singleElement().extracting(LoadRecord::startedAt).isEqualTo(started);
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }
}
