package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Writes a sample compliance report, {@code compliance.json} and {@code compliance.html}, into a folder (default
 * {@code target/report-sample}): 82 days x 2,000 strategies of deterministic data, the top 1,000 correlated
 * (drawn as 100 x 100 blocks), a failing item so both colours show. Used by {@code scripts/check-report-html.sh}.
 */
public final class SampleReportMain {
    private SampleReportMain() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/report-sample");
        Files.createDirectories(out);
        PnlMatrix m = SampleReports.matrix(82, 2_000, 42);
        ComplianceReport report = SampleReports.heavyDbFail(m);
        CorrelationMatrix c = Pearson.topN(m, 1_000, TopStrategies.Definition.TOTAL_PNL);
        EquityCurve e = EquityCurve.ofPortfolio(SampleReports.dates(m.days()), m, IntStream.range(3, 40).toArray());
        byte[] json = ReportJson.write(report);
        byte[] html = HtmlReport.render(report, c, e).getBytes(StandardCharsets.UTF_8);
        Files.write(out.resolve("compliance.json"), json);
        Files.write(out.resolve("compliance.html"), html);
        System.out.printf("wrote %s (%,d bytes) and %s (%,d bytes)%n", out.resolve("compliance.json"), json.length,
                out.resolve("compliance.html"), html.length);
    }
}
