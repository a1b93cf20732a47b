package io.heavyingest.bucket;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Why a file was rejected, written to the bucket so the person who dropped it can fix it.
 *
 * @param datasetId id the load would have had
 * @param object the rejected object version
 * @param problem stable name of the broken rule (a CsvProblem)
 * @param line 1-based line of the offending record
 * @param column 1-based column, 0 when the whole line is concerned
 * @param strategy strategy of the offending column, null when not a strategy column
 * @param message the full message with location
 * @param rejectedAt when the file was rejected, ISO-8601
 */
@RegisterForReflection
public record ErrorReport(String datasetId, ObjectIdentity object, String problem, long line, int column,
                          String strategy, String message, String rejectedAt) {
}
