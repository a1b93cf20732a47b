package io.heavyingest.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.heavyingest.benchmark.ComplianceService;
import io.heavyingest.benchmark.DatasetNotFoundException;
import io.heavyingest.bucket.BucketConfig;
import io.heavyingest.events.EventParser;
import io.heavyingest.events.InboundEvent;
import io.heavyingest.events.MalformedEventException;
import io.heavyingest.events.ObjectEvent;
import io.heavyingest.events.SqsEvent;
import io.heavyingest.text.SafeText;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark Lambda function: benchmarks one dataset and writes its compliance report to the bucket.
 *
 * <p>Triggers: an S3 {@code ObjectCreated} event for {@code manifests/<datasetId>.json} (direct, SQS-wrapped or
 * EventBridge, parsed like the ingest function's events), which benchmarks exactly the dataset the manifest
 * names; or a direct invocation {@code {"datasetId": "...", "bucket": "..."}} ({@code {}} for the current dataset;
 * the bucket defaults to {@code heavy-ingest.bucket.output-bucket}). A dataset that no longer exists is a MISSING
 * outcome, not a failure, so it is never retried; other failures are retried (SQS: per message).
 */
@Named("benchmark")
public class BenchmarkFunction implements RequestHandler<JsonNode, BenchmarkResponse> {
    private static final Logger LOG = Logger.getLogger(BenchmarkFunction.class);

    private final EventParser parser = new EventParser();
    private final ComplianceService service;
    private final Optional<String> outputBucket;

    @Inject
    public BenchmarkFunction(ComplianceService service, BucketConfig bucket) {
        this.service = service;
        this.outputBucket = bucket.outputBucket();
    }

    @Override
    public BenchmarkResponse handleRequest(JsonNode event, Context context) {
        // the mock event server's context reports 0 MB: only a real limit is a figure
        Integer memory = context == null || context.getMemoryLimitInMB() <= 0 ? null : context.getMemoryLimitInMB();
        if (event != null && event.isObject() && !event.has("Records") && !event.has("detail-type")
                && !event.has("Event")) {
            return new BenchmarkResponse(List.of(), List.of(direct(event, memory)));
        }
        InboundEvent parsed = parser.parse(event);
        if (parsed instanceof InboundEvent.Sqs sqs) {
            List<IngestResponse.ItemFailure> failures = new ArrayList<>();
            List<BenchmarkResponse.Outcome> outcomes = new ArrayList<>();
            for (SqsEvent.Message message : sqs.messages()) {
                try {
                    for (ObjectEvent object : parser.parseMessageBody(message.body())) {
                        outcomes.add(manifest(object, memory));
                    }
                } catch (RuntimeException e) {
                    LOG.errorf(e, "SQS message %s failed and is reported for redelivery", message.messageId());
                    failures.add(new IngestResponse.ItemFailure(message.messageId()));
                }
            }
            return new BenchmarkResponse(failures, outcomes);
        }
        List<BenchmarkResponse.Outcome> outcomes = new ArrayList<>();
        for (ObjectEvent object : ((InboundEvent.Objects) parsed).objects()) {
            outcomes.add(manifest(object, memory));
        }
        return new BenchmarkResponse(List.of(), outcomes);
    }

    private BenchmarkResponse.Outcome manifest(ObjectEvent event, Integer memory) {
        String key = event.object().key();
        if (!event.created()) {
            return ignored(key, "not an object creation: " + event.eventName());
        }
        Optional<String> reason = service.rejectReason(key);
        if (reason.isPresent()) {
            LOG.infof("ignored %s: %s", SafeText.fragment(key), reason.get());
            return ignored(key, reason.get());
        }
        try {
            return reported(service.onManifest(event.object().bucket(), key, outputBucket.orElse(null), memory), key);
        } catch (DatasetNotFoundException e) {
            return missing(key, e);
        }
    }

    private BenchmarkResponse.Outcome direct(JsonNode event, Integer memory) {
        String datasetId = text(event, "datasetId");
        String bucket = Optional.ofNullable(text(event, "bucket")).or(() -> outputBucket).orElseThrow(
                () -> new MalformedEventException("a direct invocation needs \"bucket\" (or set "
                        + "heavy-ingest.bucket.output-bucket): the bucket holding the manifests and the reports"));
        String source = datasetId == null ? "current dataset" : "dataset " + datasetId;
        try {
            return reported(service.forDataset(bucket, datasetId, memory), source);
        } catch (DatasetNotFoundException e) {
            return missing(source, e);
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode v = event.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new MalformedEventException("\"" + field + "\" must be a non-empty string");
        }
        return v.asText();
    }

    private static BenchmarkResponse.Outcome reported(ComplianceService.Published p, String source) {
        var report = p.result().report();
        return new BenchmarkResponse.Outcome("REPORTED", report.dataset().datasetId(), report.verdict().name(),
                report.failing(), p.jsonKey(), p.htmlKey(), source, null);
    }

    private static BenchmarkResponse.Outcome missing(String source, DatasetNotFoundException e) {
        LOG.warnf("%s: %s", SafeText.fragment(source), SafeText.message(e.getMessage()));
        return new BenchmarkResponse.Outcome("MISSING", null, null, List.of(), null, null, source,
                SafeText.message(e.getMessage()));
    }

    private static BenchmarkResponse.Outcome ignored(String source, String reason) {
        return new BenchmarkResponse.Outcome("IGNORED", null, null, List.of(), null, null, source, reason);
    }
}
