package io.heavyingest.function;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * The benchmark function's answer.
 *
 * @param batchItemFailures SQS messages to deliver again (empty for other events)
 * @param outcomes one entry per manifest or dataset considered
 */
@RegisterForReflection
public record BenchmarkResponse(List<IngestResponse.ItemFailure> batchItemFailures, List<Outcome> outcomes) {

    /**
     * @param status REPORTED (report written), MISSING (the dataset or its manifest no longer exists; not retried)
     *               or IGNORED (not a manifest)
     * @param datasetId the dataset benchmarked (null unless REPORTED)
     * @param verdict PASS or FAIL (null unless REPORTED)
     * @param failing the failing items (empty unless FAIL)
     * @param report key of the JSON report
     * @param html key of the HTML page
     * @param source the manifest key or the requested dataset
     * @param reason why nothing was reported
     */
    @RegisterForReflection
    public record Outcome(String status, String datasetId, String verdict, List<String> failing, String report,
                          String html, String source, String reason) {
    }
}
