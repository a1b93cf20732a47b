package io.heavyingest.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a compliance report as one self-contained HTML page: inline CSS and inline SVG, no script, no fetch of
 * any kind. Every text taken from data is escaped.
 *
 * <p>Stable element ids, for tests and checks: {@code verdict}, {@code targets-chart} (measured/target per
 * benchmark, log scale, target line at 1), {@code benchmark-table}, {@code schema-table},
 * {@code correlation-heatmap} (block-averaged to at most {@value #MAX_HEATMAP_CELLS} x
 * {@value #MAX_HEATMAP_CELLS} cells), {@code equity-curve} (equity and drawdown of the best portfolio),
 * {@code optimizer-table}, {@code environment-table}. Sections whose data is absent say so instead.
 */
public final class HtmlReport {
    /** Largest heatmap side in cells; larger matrices are block-averaged. */
    public static final int MAX_HEATMAP_CELLS = 100;
    /** Content type of the page in the bucket. */
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    static final String PASS_COLOUR = "#2e7d32";
    static final String FAIL_COLOUR = "#c62828";
    static final String TARGET_COLOUR = "#111111";
    static final String EQUITY_COLOUR = "#1565c0";
    static final String DRAWDOWN_COLOUR = "#e65100";
    static final String UNDEFINED_COLOUR = "#bdbdbd";

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:24px;color:#1a1a1a;\
            max-width:1100px}
            h1{margin:0 0 8px}h2{margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}
            table{border-collapse:collapse;margin:8px 0;font-size:14px}
            th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f3f3f3}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .verdict{display:inline-block;padding:4px 14px;border-radius:4px;color:#fff;font-weight:bold;\
            font-size:20px}
            .verdict.pass,.pass-cell{background:#2e7d32;color:#fff}
            .verdict.fail,.fail-cell{background:#c62828;color:#fff}
            .status-APPLIED{background:#c8e6c9}.status-EQUIVALENT{background:#e3f2fd}
            .status-NOT_APPLICABLE{background:#eeeeee}.status-NOT_MET{background:#ffcdd2}
            pre{margin:0;white-space:pre-wrap;font-size:12px;max-width:520px}
            svg text{font-family:inherit}
            .note{color:#555;font-size:13px}
            """;

    private HtmlReport() {
    }

    /**
     * The page.
     *
     * @param report the report
     * @param correlation the top strategies' correlation matrix, null when not computed
     * @param equity the best portfolio's equity curve, null when no optimization ran
     */
    public static String render(ComplianceReport report, CorrelationMatrix correlation, EquityCurve equity) {
        StringBuilder h = new StringBuilder(64 * 1024);
        DatasetSection d = report.dataset();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Compliance report ").append(e(d.datasetId())).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        header(h, report);
        targets(h, report.benchmarks());
        schema(h, report);
        heatmap(h, correlation);
        equity(h, equity, report.optimizer());
        optimizer(h, report.optimizer());
        environment(h, report.environment());
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, ComplianceReport r) {
        DatasetSection d = r.dataset();
        boolean pass = r.verdict() == ComplianceReport.Verdict.PASS;
        h.append("<header id=\"summary\">\n<h1>Compliance report</h1>\n")
                .append("<p><span id=\"verdict\" class=\"verdict ").append(pass ? "pass" : "fail").append("\">")
                .append(r.verdict()).append("</span>");
        if (!pass) {
            h.append(" failing: <span id=\"failing\">").append(e(String.join(", ", r.failing()))).append("</span>");
        }
        h.append("</p>\n<table id=\"dataset-table\">\n");
        row(h, "dataset", d.datasetId());
        DatasetSection.Source s = d.source();
        row(h, "source", s.bucket() + "/" + s.key() + (s.versionId() != null ? " (version " + s.versionId() + ")"
                : " (eTag " + s.eTag() + ")"));
        row(h, "table", d.table());
        row(h, "shape", String.format(Locale.ROOT, "%,d rows = %,d days x %,d strategies; %s .. %s; %,d null values",
                d.rows(), d.days(), d.strategies(), d.firstDate(), d.lastDate(), d.nullValues())
                + (d.bytes() == null ? "" : String.format(Locale.ROOT, "; %,d bytes", d.bytes())));
        row(h, "generated", r.generatedAt().toString() + " (report version " + r.reportVersion() + ")");
        h.append("</table>\n</header>\n");
    }

    private static void targets(StringBuilder h, List<Benchmark> benchmarks) {
        h.append("<section id=\"targets\">\n<h2>Targets vs measured</h2>\n");
        if (benchmarks.isEmpty()) {
            h.append("<p class=\"note\">No benchmark was run.</p>\n</section>\n");
            return;
        }
        // log10 of "share of the target used": measured/target for upper bounds, target/measured for lower bounds
        double[] ratio = new double[benchmarks.size()];
        double maxLog = 1;
        for (int i = 0; i < ratio.length; i++) {
            Benchmark b = benchmarks.get(i);
            double m = b.measured();
            double t = b.target().value();
            boolean upper = b.target().bound() == Benchmark.Bound.BELOW || b.target().bound() == Benchmark.Bound.AT_MOST;
            double r = upper ? m / t : t / m;
            ratio[i] = Double.isFinite(r) && r > 0 ? r : (r == 0 ? 1e-4 : 1e4);
            maxLog = Math.max(maxLog, Math.ceil(Math.log10(ratio[i])));
        }
        double minLog = -4;
        maxLog = Math.min(4, maxLog);
        int labelW = 230;
        int plotW = 440;
        int textW = 330;
        int rowH = 30;
        int top = 28;
        int width = labelW + plotW + textW;
        int height = top + rowH * ratio.length + 24;
        h.append(String.format(Locale.ROOT, "<svg id=\"targets-chart\" class=\"chart\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"measured as a share of each target\">\n",
                width, height, width, height));
        h.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");
        for (int p = (int) minLog; p <= maxLog; p++) {
            double x = labelW + plotW * (p - minLog) / (maxLog - minLog);
            h.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#dddddd\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#666666\">%s</text>\n",
                    x, top - 6, x, height - 20, x, height - 6, p == 0 ? "1x" : p < 0 ? "1e" + p : "1e+" + p));
        }
        for (int i = 0; i < ratio.length; i++) {
            Benchmark b = benchmarks.get(i);
            double y = top + i * rowH;
            double w = plotW * (Math.max(minLog, Math.min(maxLog, Math.log10(ratio[i]))) - minLog) / (maxLog - minLog);
            String colour = b.pass() ? PASS_COLOUR : FAIL_COLOUR;
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"13\" text-anchor=\"end\">%s"
                    + "</text>\n", labelW - 8, y + 19, e(b.name())));
            h.append(String.format(Locale.ROOT, "<rect class=\"bar %s\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" "
                    + "height=\"%d\" fill=\"%s\"><title>%s</title></rect>\n", b.pass() ? "pass" : "fail", labelW,
                    y + 5, Math.max(1, w), rowH - 10, colour, e(b.name() + ": " + Numbers.format(ratio[i])
                            + " of the target")));
            h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\">%s %s (%s %s)</text>\n",
                    labelW + plotW + 8, y + 19, e(Numbers.format(b.measured())), e(b.target().unit()),
                    b.pass() ? "target" : "MISSED", e(b.target().describe())));
        }
        double x1 = labelW + plotW * (0 - minLog) / (maxLog - minLog);
        h.append(String.format(Locale.ROOT, "<line id=\"target-line\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                + "stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>\n"
                + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">target</text>\n",
                x1, top - 4, x1, height - 20, TARGET_COLOUR, x1, top - 10));
        h.append("</svg>\n<p class=\"note\">Each bar is the measured statistic as a share of its target "
                + "(log scale; for a lower bound, target / measured): left of the dashed line meets the target.</p>\n");

        h.append("<table id=\"benchmark-table\">\n<tr><th>benchmark</th><th>target</th><th>measured</th>"
                + "<th>statistic</th><th>samples</th><th>pass</th><th>checks</th><th>SQL</th></tr>\n");
        for (Benchmark b : benchmarks) {
            h.append("<tr><td>").append(e(b.name())).append("<br><span class=\"note\">").append(e(b.description()))
                    .append("</span></td><td>").append(e(b.target().describe())).append("</td><td class=\"num\">")
                    .append(e(Numbers.format(b.measured()) + " " + b.target().unit())).append("</td><td>")
                    .append(b.statistic() == Benchmark.Statistic.FIRST_RUN ? "first run"
                            : "median of " + (b.samples().size() - 1) + " warm runs")
                    .append("</td><td class=\"num\">").append(b.samples().size()).append("</td><td class=\"")
                    .append(b.pass() ? "pass-cell\">pass" : "fail-cell\">FAIL").append("</td><td>");
            for (Benchmark.Check c : b.checks()) {
                h.append(e(c.name() + ": " + c.actual() + " (expected " + c.expected() + ")"))
                        .append(c.pass() ? "" : " <b>FAIL</b>").append("<br>");
            }
            h.append("</td><td>");
            if (b.sql() != null) {
                h.append("<pre><code>").append(e(b.sql())).append("</code></pre>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n</section>\n");
    }

    private static void schema(StringBuilder h, ComplianceReport r) {
        h.append("<section id=\"schema\">\n<h2>Schema verification</h2>\n<table id=\"schema-table\">\n")
                .append("<tr><th>requirement</th><th>planned</th><th>applied</th><th>status</th><th>reason</th></tr>\n");
        for (SchemaRow row : r.schema()) {
            h.append("<tr data-key=\"").append(e(row.key())).append("\"><td>").append(e(row.requirement()))
                    .append("</td><td>").append(e(row.planned())).append("</td><td>").append(e(row.applied()))
                    .append("</td><td class=\"status-").append(row.status()).append("\">").append(row.status())
                    .append("</td><td>").append(e(row.reason())).append("</td></tr>\n");
        }
        h.append("</table>\n<p>Table plan (profile ").append(e(r.plan().profile()))
                .append(") as recorded at load time:</p>\n<ul id=\"plan-reasons\">\n");
        for (String reason : r.plan().reasons()) {
            h.append("<li>").append(e(reason)).append("</li>\n");
        }
        h.append("</ul>\n</section>\n");
    }

    private static void heatmap(StringBuilder h, CorrelationMatrix c) {
        h.append("<section id=\"correlation\">\n<h2>Correlation of the top strategies</h2>\n");
        if (c == null || c.size() == 0) {
            h.append("<p class=\"note\">No correlation matrix was computed.</p>\n</section>\n");
            return;
        }
        double[][] cells = c.downsampled(MAX_HEATMAP_CELLS);
        int k = cells.length;
        int block = c.blockSize(MAX_HEATMAP_CELLS);
        boolean labels = block == 1 && k <= 40;
        int labelW = labels ? 230 : 10;
        int side = 600;
        double cell = (double) side / k;
        int legendH = 50;
        int width = labelW + side + 20;
        int height = side + legendH + 10;
        h.append("<p>").append(e(c.definition() == null ? c.size() + " strategies" : c.definition()))
                .append(block > 1 ? String.format(Locale.ROOT, "; drawn as %d x %d blocks of %d x %d strategies "
                        + "(mean of each block)", k, k, block, block) : "").append("; grey: undefined (constant series).</p>\n");
        h.append(String.format(Locale.ROOT, "<svg id=\"correlation-heatmap\" class=\"chart\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Pearson correlation heatmap\">\n",
                width, height, width, height));
        h.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");
        // one path per colour bucket keeps the page small: 21 buckets of 0.1 plus grey for undefined
        int buckets = 21;
        StringBuilder[] paths = new StringBuilder[buckets + 1];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double v = cells[i][j];
                int b = Double.isNaN(v) ? buckets : (int) Math.round((Math.max(-1, Math.min(1, v)) + 1) * 10);
                if (paths[b] == null) {
                    paths[b] = new StringBuilder();
                }
                paths[b].append('M').append(j).append(' ').append(i).append("h1v1h-1z");
            }
        }
        h.append(String.format(Locale.ROOT, "<g class=\"cells\" transform=\"translate(%d 0) scale(%.6f)\" "
                + "shape-rendering=\"crispEdges\">\n", labelW, cell));
        for (int b = 0; b <= buckets; b++) {
            if (paths[b] != null) {
                h.append("<path fill=\"").append(b == buckets ? UNDEFINED_COLOUR : diverging(b / 10.0 - 1))
                        .append("\" d=\"").append(paths[b]).append("\"/>\n");
            }
        }
        h.append("</g>\n");
        if (labels) {
            for (int i = 0; i < k; i++) {
                h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"%.1f\" "
                        + "text-anchor=\"end\">%s</text>\n", labelW - 4, (i + 0.7) * cell, Math.min(12, cell * 0.8),
                        e(c.names().get(i))));
            }
        }
        int ly = side + 14;
        double lw = (double) side / buckets;
        for (int b = 0; b < buckets; b++) {
            h.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>",
                    labelW + b * lw, ly, lw + 0.5, diverging(b / 10.0 - 1)));
        }
        h.append(String.format(Locale.ROOT, "\n<text x=\"%d\" y=\"%d\" font-size=\"12\">-1</text>"
                + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">0</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">+1</text>\n",
                labelW, ly + 30, labelW + side / 2.0, ly + 30, labelW + side, ly + 30));
        h.append("</svg>\n</section>\n");
    }

    /** Blue (-1) through near-white (0) to red (+1). */
    static String diverging(double v) {
        double t = Math.max(-1, Math.min(1, v));
        int[] white = {247, 247, 247};
        int[] end = t < 0 ? new int[] {33, 102, 172} : new int[] {178, 24, 43};
        double a = Math.abs(t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(white[0] + (end[0] - white[0]) * a),
                (int) Math.round(white[1] + (end[1] - white[1]) * a), (int) Math.round(white[2] + (end[2] - white[2]) * a));
    }

    private static void equity(StringBuilder h, EquityCurve curve, OptimizerSection optimizer) {
        h.append("<section id=\"equity\">\n<h2>Best portfolio: equity and drawdown</h2>\n");
        if (curve == null || curve.dates().isEmpty()) {
            h.append("<p class=\"note\">No portfolio optimization was run.</p>\n</section>\n");
            return;
        }
        if (optimizer != null) {
            OptimizerSection.BestPortfolio b = optimizer.best();
            h.append("<p>").append(e(String.format(Locale.ROOT, "%s, %d strategies, fitness %s", b.algorithm(),
                    b.size(), Numbers.format(b.fitness())))).append("</p>\n");
        }
        int n = curve.dates().size();
        int left = 80;
        int plotW = 820;
        int eqH = 240;
        int gap = 30;
        int ddH = 120;
        int width = left + plotW + 20;
        int height = 10 + eqH + gap + ddH + 30;
        double lo = 0;
        double hi = 0;
        for (double v : curve.equity()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        double maxDd = Math.max(curve.maxDrawdown(), 1e-12);
        h.append(String.format(Locale.ROOT, "<svg id=\"equity-curve\" class=\"chart\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"equity curve and drawdown\">\n", width, height,
                width, height));
        h.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");
        int top = 10;
        double zeroY = top + eqH * (hi - 0) / (hi - lo);
        h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#cccccc\"/>\n<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999999\" "
                + "stroke-dasharray=\"3 3\"/>\n", left, top, plotW, eqH, left, zeroY, left + plotW, zeroY));
        StringBuilder pts = new StringBuilder();
        for (int t = 0; t < n; t++) {
            double x = left + (n == 1 ? plotW / 2.0 : plotW * t / (double) (n - 1));
            double y = top + eqH * (hi - curve.equity()[t]) / (hi - lo);
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        h.append("<polyline class=\"equity\" fill=\"none\" stroke=\"").append(EQUITY_COLOUR)
                .append("\" stroke-width=\"2\" points=\"").append(pts.toString().trim()).append("\"/>\n");
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">equity</text>\n",
                left - 4, top + 10, e(Numbers.format(hi)), left - 4, top + eqH, e(Numbers.format(lo)), left + 6,
                top + 16, EQUITY_COLOUR));
        int ddTop = top + eqH + gap;
        StringBuilder area = new StringBuilder();
        area.append(String.format(Locale.ROOT, "%d,%d ", left, ddTop));
        for (int t = 0; t < n; t++) {
            double x = left + (n == 1 ? plotW / 2.0 : plotW * t / (double) (n - 1));
            double y = ddTop + ddH * curve.drawdown()[t] / maxDd;
            area.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        area.append(String.format(Locale.ROOT, "%d,%d", left + plotW, ddTop));
        h.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#cccccc\"/>\n", left, ddTop, plotW, ddH));
        h.append("<polygon class=\"drawdown\" fill=\"").append(DRAWDOWN_COLOUR).append("\" fill-opacity=\"0.75\" "
                + "points=\"").append(area).append("\"/>\n");
        h.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">0</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">-%s</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"%s\">drawdown (max %s)</text>\n",
                left - 4, ddTop + 10, left - 4, ddTop + ddH, e(Numbers.format(curve.maxDrawdown())), left + 6,
                ddTop + ddH - 6, DRAWDOWN_COLOUR, e(Numbers.format(curve.maxDrawdown()))));
        List<Integer> ticks = new ArrayList<>(List.of(0));
        if (n > 2) {
            ticks.add((n - 1) / 2);
        }
        if (n > 1) {
            ticks.add(n - 1);
        }
        for (int t : ticks) {
            double x = left + (n == 1 ? plotW / 2.0 : plotW * t / (double) (n - 1));
            LocalDate date = curve.dates().get(t);
            h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"%s\">%s"
                    + "</text>\n", x, height - 8, t == 0 ? "start" : t == n - 1 ? "end" : "middle", date));
        }
        h.append("</svg>\n</section>\n");
    }

    private static void optimizer(StringBuilder h, OptimizerSection o) {
        h.append("<section id=\"optimizer\">\n<h2>Portfolio optimization</h2>\n");
        if (o == null) {
            h.append("<p class=\"note\">Not run.</p>\n</section>\n");
            return;
        }
        h.append(String.format(Locale.ROOT, "<p>Sizes %d..%d, seed %d, %d threads, %s s in all.</p>\n", o.sizeFrom(),
                o.sizeTo(), o.seed(), o.threads(), Numbers.format(o.totalMillis() / 1000.0)));
        h.append("<table id=\"optimizer-table\">\n<tr><th>algorithm</th><th>best fitness</th><th>size</th>"
                + "<th>evaluations</th><th>time (ms)</th></tr>\n");
        for (OptimizerSection.AlgorithmResult a : o.algorithms()) {
            h.append("<tr><td>").append(e(a.algorithm())).append("</td><td class=\"num\">")
                    .append(e(Numbers.format(a.bestFitness()))).append("</td><td class=\"num\">").append(a.bestSize())
                    .append("</td><td class=\"num\">").append(Numbers.grouped(a.evaluations()))
                    .append("</td><td class=\"num\">").append(Numbers.grouped(a.millis())).append("</td></tr>\n");
        }
        h.append("</table>\n<table id=\"best-metrics\">\n");
        for (Map.Entry<String, Double> m : o.best().metrics().entrySet()) {
            row(h, m.getKey(), m.getValue() == null ? "undefined" : Numbers.format(m.getValue()));
        }
        h.append("</table>\n<details><summary>Best portfolio's strategies (").append(o.best().size())
                .append(")</summary>\n<ol id=\"best-strategies\">\n");
        for (String s : o.best().strategies()) {
            h.append("<li>").append(e(s)).append("</li>\n");
        }
        h.append("</ol>\n</details>\n</section>\n");
    }

    private static void environment(StringBuilder h, EnvironmentSection env) {
        h.append("<section id=\"environment\">\n<h2>Environment</h2>\n<table id=\"environment-table\">\n");
        row(h, "engine", env.engine().displayName() + (env.engineVersion() == null ? "" : " " + env.engineVersion()));
        if (env.heavyDb() != null) {
            var s = env.heavyDb();
            row(h, "HeavyDB server", s.version() + (s.edition() == null ? "" : " (" + s.edition() + ")"));
            row(h, "GPUs", s.gpus().isEmpty() ? "none (CPU only)" : s.gpus().size() + ": " + String.join(", ",
                    s.gpus().stream().map(g -> String.format(Locale.ROOT, "%,d MiB, compute %s",
                            g.memoryBytes() >> 20, g.computeCapability())).toList()));
        }
        if (env.functionMemoryMb() != null) {
            row(h, "function memory", env.functionMemoryMb() + " MB");
        }
        row(h, "runtime", env.runtime().json() + ", Java " + env.javaVersion() + ", " + env.availableProcessors()
                + " processors, max heap " + (env.maxHeapBytes() >> 20) + " MiB");
        h.append("</table>\n</section>\n");
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(e(name)).append("</th><td>").append(e(value)).append("</td></tr>\n");
    }

    private static String e(String s) {
        return Html.escape(s);
    }
}
