package io.heavyingest.schema;

import io.heavyingest.config.ConfigLoader;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.warehouse.duckdb.DuckDbDdl;
import io.heavyingest.warehouse.heavydb.HeavyDbDdl;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaPlannerTest {
    static final LocalDate FIRST = LocalDate.of(2024, 1, 4);
    static final LocalDate LAST = LocalDate.of(2025, 7, 21);

    static SchemaPlanner planner(Map<String, String> overrides) {
        HeavyIngestConfig config = ConfigLoader.load(overrides);
        return new SchemaPlanner(config.schema());
    }

    static TablePlan plan(FileShape shape) {
        return planner(Map.of()).plan(shape);
    }

    @Test
    void productionShape_shouldRenderDict16Days16AndWeeklyFragments() {
        TablePlan plan = plan(new FileShape(25_544, 82, FIRST, LAST, 7));
        assertThat(plan.shape().rows()).isEqualTo(2_094_608);
        assertThat(plan.dictionaryBits()).isEqualTo(16);
        assertThat(plan.dictionaryCapacity()).isEqualTo(51_088);
        assertThat(plan.dateEncoding()).isEqualTo(DateEncoding.DAYS16);
        assertThat(plan.datesPerFragment()).isEqualTo(1);
        assertThat(plan.fragmentRows()).isEqualTo(25_544);
        assertThat(HeavyDbDdl.createTable(plan, "strategy_pnl_0123456789abcdef")).isEqualTo("""
                CREATE TABLE strategy_pnl_0123456789abcdef (
                  trade_date DATE NOT NULL ENCODING DAYS(16),
                  strategy TEXT NOT NULL ENCODING DICT(16),
                  pnl DOUBLE
                ) WITH (fragment_size = 25544, sort_column = 'trade_date')""");
        String type = DuckDbDdl.strategyType("strategy_pnl_0123456789abcdef");
        assertThat(type).isEqualTo("strategy_pnl_0123456789abcdef_strategy");
        assertThat(DuckDbDdl.createTable(plan, "strategy_pnl_0123456789abcdef", type)).isEqualTo("""
                CREATE TABLE strategy_pnl_0123456789abcdef (
                  trade_date DATE NOT NULL,
                  strategy strategy_pnl_0123456789abcdef_strategy NOT NULL,
                  pnl DOUBLE
                )""");
        assertThat(DuckDbDdl.createStrategyType(type, "names")).isEqualTo(
                "CREATE TYPE strategy_pnl_0123456789abcdef_strategy AS ENUM (SELECT strategy FROM names ORDER BY ord)");
        assertThat(plan.reasons()).hasSize(4).allSatisfy(r -> assertThat(r).isNotBlank());
    }

    @Test
    void dailyCadence_shouldPutAWeekOfTradingDaysInAFragment() {
        TablePlan plan = plan(new FileShape(25_544, 400, FIRST, FIRST.plusDays(560), 1));
        assertThat(plan.datesPerFragment()).isEqualTo(5);
        assertThat(plan.fragmentRows()).isEqualTo(127_720);
        assertThat(HeavyDbDdl.createTable(plan, "t")).contains("fragment_size = 127720");
    }

    @Test
    void oneStrategy_shouldUseDict8() {
        TablePlan plan = plan(new FileShape(1, 82, FIRST, LAST, 7));
        assertThat(plan.dictionaryBits()).isEqualTo(8);
        assertThat(plan.fragmentRows()).isEqualTo(1);
        assertThat(HeavyDbDdl.createTable(plan, "t")).isEqualTo("""
                CREATE TABLE t (
                  trade_date DATE NOT NULL ENCODING DAYS(16),
                  strategy TEXT NOT NULL ENCODING DICT(8),
                  pnl DOUBLE
                ) WITH (fragment_size = 1, sort_column = 'trade_date')""");
    }

    @Test
    void seventyThousandStrategies_shouldOutgrowDict16() {
        TablePlan plan = plan(new FileShape(70_000, 82, FIRST, LAST, 7));
        assertThat(plan.dictionaryBits()).isEqualTo(32);
        assertThat(HeavyDbDdl.createTable(plan, "t")).contains("strategy TEXT NOT NULL ENCODING DICT(32)")
                .contains("fragment_size = 70000");
    }

    @Test
    void dictionaryBoundaries_shouldFollowHeadroom() {
        assertThat(plan(new FileShape(127, 1, FIRST, FIRST, 1)).dictionaryBits()).isEqualTo(8);   // 254 <= 255
        assertThat(plan(new FileShape(128, 1, FIRST, FIRST, 1)).dictionaryBits()).isEqualTo(16);  // 256 > 255
        assertThat(plan(new FileShape(32_767, 1, FIRST, FIRST, 1)).dictionaryBits()).isEqualTo(16); // 65,534
        assertThat(plan(new FileShape(32_768, 1, FIRST, FIRST, 1)).dictionaryBits()).isEqualTo(32); // 65,536
    }

    @Test
    void datesBeyondDays16_shouldUseDays32() {
        TablePlan late = plan(new FileShape(10, 82, LocalDate.of(2055, 1, 3), LocalDate.of(2056, 7, 1), 7));
        assertThat(late.dateEncoding()).isEqualTo(DateEncoding.DAYS32);
        assertThat(HeavyDbDdl.createTable(late, "t")).contains("trade_date DATE NOT NULL ENCODING DAYS(32)");
        TablePlan early = plan(new FileShape(10, 82, LocalDate.of(1875, 1, 4), LocalDate.of(1880, 7, 1), 7));
        assertThat(early.dateEncoding()).isEqualTo(DateEncoding.DAYS32);
        assertThat(late.covers(LocalDate.of(2100, 1, 1))).isTrue();
        assertThat(plan(new FileShape(10, 82, FIRST, LAST, 7)).covers(LocalDate.of(2060, 1, 1))).isFalse();
    }

    @Test
    void profileOverrides_shouldChangeTheDecisions() {
        TablePlan plan = planner(Map.of(
                "heavy-ingest.schema.profile", "tight",
                "heavy-ingest.schema.dictionary-headroom", "1.0",
                "heavy-ingest.schema.date-encoding", "DAYS32",
                "heavy-ingest.schema.max-fragment-rows", "1000"))
                .plan(new FileShape(40_000, 82, FIRST, LAST, 7));
        assertThat(plan.profile()).isEqualTo("tight");
        assertThat(plan.dictionaryBits()).isEqualTo(16);
        assertThat(plan.dateEncoding()).isEqualTo(DateEncoding.DAYS32);
        assertThat(plan.fragmentRows()).isEqualTo(1000);
    }

    @Test
    void unsafeTableName_shouldBeRefused() {
        TablePlan plan = plan(new FileShape(1, 1, FIRST, FIRST, 1));
        assertThatThrownBy(() -> HeavyDbDdl.createTable(plan, "t; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DuckDbDdl.createTable(plan, "\"quoted\"", "t_strategy")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plan_firstDateOnDays16NullSentinel_shouldChooseDays32() {
        // 1880-04-14 is day -32768, the value HeavyDB reads back as NULL in a 16-bit date
        TablePlan sentinel = plan(new FileShape(10, 82, LocalDate.of(1880, 4, 14), LocalDate.of(1880, 7, 1), 7));
        TablePlan dayAfter = plan(new FileShape(10, 82, LocalDate.of(1880, 4, 15), LocalDate.of(1880, 7, 1), 7));

        assertThat(LocalDate.ofEpochDay(Short.MIN_VALUE)).isEqualTo(LocalDate.of(1880, 4, 14));
        assertThat(sentinel.dateEncoding()).isEqualTo(DateEncoding.DAYS32);
        assertThat(dayAfter.dateEncoding()).isEqualTo(DateEncoding.DAYS16);
    }
}
