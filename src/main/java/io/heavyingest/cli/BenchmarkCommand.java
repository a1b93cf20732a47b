package io.heavyingest.cli;

import io.heavyingest.app.Components;
import io.heavyingest.benchmark.ComplianceService;
import io.heavyingest.bucket.BucketConfig;
import io.heavyingest.bucket.LocalObjectStore;
import io.heavyingest.report.Benchmark;
import io.heavyingest.report.ComplianceReport;
import io.heavyingest.report.ReportJson;
import io.heavyingest.report.SchemaRow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code benchmark [--dataset ID] [--json]}: benchmarks a dataset of the local warehouse (the current one by
 * default), writes its compliance report beside the manifests ({@code heavy-ingest.bucket.local.output-folder})
 * and prints it: {@code --json} the report JSON alone, otherwise a one-screen table.
 */
final class BenchmarkCommand implements Command {

    @Override
    public String summary() {
        return "benchmark [--dataset ID] [--json]   benchmark a dataset, write and print its compliance report";
    }

    @Override
    public int run(String[] argv, Context context) {
        Args args = new Args(argv, Set.of("dataset"));
        boolean json = args.flag("json");
        String datasetId = args.option("dataset", null);
        args.rejectUnknown();
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument " + args.positional().get(0));
        }
        try (Components components = context.open()) {
            System.out.print(benchmarkAndRender(components, datasetId, json));
        }
        return Main.OK;
    }

    /** Benchmarks {@code datasetId} (null: the current dataset) and renders the report as JSON or as a table. */
    static String benchmarkAndRender(Components components, String datasetId, boolean json) {
        BucketConfig bucket = components.settings().bucket();
        String folder = bucket.outputBucket().orElse(bucket.local().outputFolder());
        ComplianceService.Published p = components.compliance(new LocalObjectStore()).forDataset(folder, datasetId, null);
        if (json) {
            return new String(ReportJson.write(p.result().report()), StandardCharsets.UTF_8) + System.lineSeparator();
        }
        return table(p, Path.of(folder));
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format("%,.0f", v) : Math.abs(v) >= 1 ? String.format("%.2f", v)
                : String.format("%.4f", v);
    }

    static String table(ComplianceService.Published p, Path folder) {
        ComplianceReport r = p.result().report();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Compliance of dataset %s (%s, %,d strategies x %,d days) on %s: %s%n",
                r.dataset().datasetId(), r.dataset().table(), r.dataset().strategies(), r.dataset().days(),
                r.environment().engine().displayName(), r.verdict()));
        sb.append(String.format("  %-22s %-12s %-14s %-12s %s%n", "benchmark", "target", "measured", "statistic", "pass"));
        for (Benchmark b : r.benchmarks()) {
            sb.append(String.format("  %-22s %-12s %-14s %-12s %s%n", b.name(), b.target().describe(),
                    number(b.measured()) + " " + b.target().unit(),
                    b.statistic() == Benchmark.Statistic.WARM_MEDIAN ? "warm median" : "first run",
                    b.pass() ? "yes" : "NO"));
        }
        for (SchemaRow row : r.schema()) {
            sb.append(String.format("  schema %-15s %s%n", row.key(), row.status()));
        }
        if (!r.failing().isEmpty()) {
            sb.append(String.format("  failing: %s%n", String.join(", ", r.failing())));
        }
        sb.append(String.format("  report  %s (%,d bytes)%n", folder.resolve(p.jsonKey()), p.jsonBytes()));
        sb.append(String.format("  page    %s (%,d bytes)%n", folder.resolve(p.htmlKey()), p.htmlBytes()));
        return sb.toString();
    }
}
