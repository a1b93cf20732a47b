/**
 * The compliance report of one loaded dataset: its model, its JSON form and schema, the schema verification, the
 * in-function correlation of the top strategies, and the self-contained HTML page.
 *
 * <p>Boundary: this package knows nothing of buckets, warehouses or deliveries; of the optimizer it reads only the
 * product's one P&amp;L matrix type ({@link io.heavyingest.optimize.PnlMatrix}). Callers
 * measure (queries, loads, the optimizer's sweep), describe what the warehouse reports it applied as
 * {@link io.heavyingest.report.AppliedSchema}, and hand plain values in:
 * <pre>
 *   PlanSection + AppliedSchema ----------------\
 *   Benchmark.measured(...) for every figure ----> ComplianceReport.builder() ... build()   (verdict, schema rows)
 *   DatasetSection, EnvironmentSection, OptimizerSection /        |
 *                                                                 +--> ReportJson.write(report)     (JSON bytes)
 *   PnlMatrix -> TopStrategies.select -> Pearson.matrix ---------+--> HtmlReport.render(report, correlation,
 *   EquityCurve.of(dates, daily returns) ------------------------/                        equity)   (HTML text)
 * </pre>
 * Everything here is pure computation on values: no I/O except reading the published JSON Schema resource.
 */
package io.heavyingest.report;
