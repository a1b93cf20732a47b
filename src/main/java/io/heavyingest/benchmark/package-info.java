/**
 * The benchmark of one loaded dataset and its compliance report: the second function's work.
 *
 * <p>Boundary: reads a dataset through the warehouse's narrow concerns ({@code LoadHistory} for its load record
 * and recorded plan, {@code DatasetReader} for its matrix, {@code Queries} for SQL, {@code Inspection} for what the
 * engine applied and holds), runs the optimizer on it, builds the report with the {@code report} package and writes
 * it to the bucket through {@code ObjectStore}. It never loads, publishes or decides deliveries.
 * <pre>
 *   manifests/&lt;id&gt;.json (or a dataset id) -&gt; ComplianceService -&gt; DatasetBenchmark.run -&gt; ComplianceReport
 *        -&gt; reports/&lt;id&gt;/compliance-&lt;UTC&gt;.json + .html, reports/latest.json + latest.html
 * </pre>
 */
package io.heavyingest.benchmark;
