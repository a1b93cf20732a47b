package io.heavyingest.function;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * The ingest function's answer. {@code batchItemFailures} is the SQS partial-batch response: Lambda retries only
 * the messages listed there. {@code outcomes} tells a caller (and the logs) what happened to each object.
 *
 * @param batchItemFailures SQS messages to deliver again (empty for other events)
 * @param outcomes one entry per object considered
 */
@RegisterForReflection
public record IngestResponse(List<ItemFailure> batchItemFailures, List<Outcome> outcomes) {

    /** @param itemIdentifier the SQS messageId */
    @RegisterForReflection
    public record ItemFailure(String itemIdentifier) {
    }

    /**
     * @param status LOADED, DUPLICATE, REPUBLISHED, REJECTED or IGNORED
     * @param bucket the object's bucket
     * @param key the decoded key
     * @param versionId version id, null when unversioned
     * @param datasetId dataset id (null when ignored)
     * @param rows rows of the dataset (null unless loaded or duplicate)
     * @param output manifest key (loaded, duplicate) or error report key (rejected)
     * @param reason why the object was ignored or rejected
     */
    @RegisterForReflection
    public record Outcome(String status, String bucket, String key, String versionId, String datasetId, Long rows,
                          String output, String reason) {
    }
}
