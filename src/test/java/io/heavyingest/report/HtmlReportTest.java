package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {
    private static final PnlMatrix MATRIX = SampleReports.matrix(82, 250, 21);

    private static String page(ComplianceReport report, int topN) {
        CorrelationMatrix c = Pearson.topN(MATRIX, topN, TopStrategies.Definition.FILE_ORDER);
        EquityCurve e = EquityCurve.ofPortfolio(SampleReports.dates(MATRIX.days()), MATRIX, new int[] {3, 4, 5, 6});
        return HtmlReport.render(report, c, e);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    @Test
    void render_fullReport_shouldHaveEveryChartAndTable() {
        String html = page(SampleReports.duckDbPass(MATRIX), 250);

        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        for (String id : new String[] {"verdict", "targets-chart", "target-line", "benchmark-table", "schema-table",
                "correlation-heatmap", "equity-curve", "optimizer-table", "environment-table"}) {
            assertThat(count(html, "id=\"" + id + "\"")).as(id).isEqualTo(1);
        }
        assertThat(count(html, "<rect class=\"bar pass\"")).isEqualTo(6);
        assertThat(count(html, "<tr data-key=")).isEqualTo(5);
        assertThat(html).contains("<polyline class=\"equity\"").contains("<polygon class=\"drawdown\"");
        assertThat(html).contains("class=\"verdict pass\">PASS<");
    }

    @Test
    void render_failingReport_shouldShowFailAndNameTheItem() {
        String html = page(SampleReports.heavyDbFail(MATRIX), 40);

        assertThat(html).contains("class=\"verdict fail\">FAIL<")
                .contains("<span id=\"failing\">correlation-top-1000</span>");
        assertThat(count(html, "<rect class=\"bar fail\"")).isEqualTo(1);
        assertThat(html).contains("HeavyDB server").contains("compute 8.6");
    }

    @Test
    void render_strategyNamesWithMarkup_shouldBeEscapedEverywhere() {
        // 40 strategies: the heatmap labels each row, so the hostile name (column 1) is drawn as text
        String html = page(SampleReports.duckDbPass(MATRIX), 40);

        assertThat(html).doesNotContain(SampleReports.HOSTILE_NAME).doesNotContain("<script");
        assertThat(html).contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;SL5%&#39;");
        assertThat(Html.escape("a\u0000b\u001bc\td")).isEqualTo("a\uFFFDb\uFFFDc\td");
    }

    @Test
    void render_anyReport_shouldFetchNothing() {
        String html = page(SampleReports.heavyDbFail(MATRIX), 250);

        assertThat(html).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("url(").doesNotContain("@import")
                .doesNotContain(" src=").doesNotContain("href=");
    }

    @Test
    void render_largeMatrix_shouldDrawAtMostHundredByHundredCells() {
        String html = page(SampleReports.duckDbPass(MATRIX), 250);

        // 250 strategies in blocks of 3 -> 84 x 84 cells, one "h1v1h-1z" square each
        assertThat(count(html, "h1v1h-1z")).isEqualTo(84 * 84);
        assertThat(html).contains("drawn as 84 x 84 blocks of 3 x 3 strategies");
        Matcher paths = Pattern.compile("<path fill=\"(#[0-9a-f]{6})\"").matcher(html);
        int colours = 0;
        while (paths.find()) {
            colours++;
        }
        assertThat(colours).isBetween(3, 22);
    }

    @Test
    void render_withoutCorrelationOrEquity_shouldSaySo() {
        String html = HtmlReport.render(SampleReports.duckDbPass(MATRIX), null, null);

        assertThat(html).doesNotContain("id=\"correlation-heatmap\"").doesNotContain("id=\"equity-curve\"")
                .contains("No correlation matrix was computed.").contains("No portfolio optimization was run.");
    }

    @Test
    void diverging_ends_shouldBeBlueWhiteRed() {
        assertThat(HtmlReport.diverging(-1)).isEqualTo("#2166ac");
        assertThat(HtmlReport.diverging(0)).isEqualTo("#f7f7f7");
        assertThat(HtmlReport.diverging(1)).isEqualTo("#b2182b");
    }
}
