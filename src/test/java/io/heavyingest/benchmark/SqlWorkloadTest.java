package io.heavyingest.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlWorkloadTest {

    @Test
    void correlationPairs_heavyDb_shouldFilterWithALiteralListQuotesDoubled() {
        String sql = new SqlWorkload("strategy_pnl_abc", false).correlationPairs(List.of("a", "it's"));
        assertThat(sql).contains("WHERE strategy IN ('a', 'it''s')").doesNotContain("VALUES");
    }

    @Test
    void correlationPairs_duckDb_shouldFilterThroughAValuesTable() {
        String sql = new SqlWorkload("strategy_pnl_abc", true).correlationPairs(List.of("a", "it's"));
        assertThat(sql).contains("WHERE strategy IN (SELECT s FROM (VALUES ('a'), ('it''s')) v(s))");
    }

    @Test
    void constructor_unsafeTableName_shouldBeRefused() {
        assertThatThrownBy(() -> new SqlWorkload("t; DROP TABLE x", true)).isInstanceOf(IllegalArgumentException.class);
    }
}
