package io.heavyingest.function;

import io.heavyingest.delivery.Deadline;
import io.heavyingest.delivery.ObjectIngestService;
import io.heavyingest.delivery.ObjectOutcome;
import io.heavyingest.delivery.TransientIngestException;
import io.heavyingest.events.EventParser;
import io.heavyingest.events.InboundEvent;
import io.heavyingest.events.ObjectEvent;
import io.heavyingest.events.SqsEvent;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a parsed event through the object ingest service. Direct and EventBridge events succeed or fail as a
 * whole (every object is tried; then the first transient failure fails the invocation). SQS batches answer per
 * message, so one failing message does not make Lambda redeliver the others.
 */
public final class EventDispatcher {
    private static final Logger LOG = Logger.getLogger(EventDispatcher.class);

    private final EventParser parser = new EventParser();
    private final ObjectIngestService service;

    public EventDispatcher(ObjectIngestService service) {
        this.service = service;
    }

    public IngestResponse dispatch(JsonNode event, Deadline deadline) {
        InboundEvent parsed = parser.parse(event);
        if (parsed instanceof InboundEvent.Sqs sqs) {
            return sqsBatch(sqs, deadline);
        }
        InboundEvent.Objects objects = (InboundEvent.Objects) parsed;
        List<IngestResponse.Outcome> outcomes = new ArrayList<>();
        TransientIngestException failure = null;
        for (ObjectEvent object : objects.objects()) {
            try {
                outcomes.add(summary(handle(object, deadline)));
            } catch (TransientIngestException e) {
                LOG.errorf(e, "%s event: %s failed and will be retried", objects.kind(), object.object().key());
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return new IngestResponse(List.of(), outcomes);
    }

    private IngestResponse sqsBatch(InboundEvent.Sqs sqs, Deadline deadline) {
        List<IngestResponse.ItemFailure> failures = new ArrayList<>();
        List<IngestResponse.Outcome> outcomes = new ArrayList<>();
        for (SqsEvent.Message message : sqs.messages()) {
            try {
                List<IngestResponse.Outcome> ofMessage = new ArrayList<>();
                for (ObjectEvent object : parser.parseMessageBody(message.body())) {
                    ofMessage.add(summary(handle(object, deadline)));
                }
                outcomes.addAll(ofMessage);
            } catch (RuntimeException e) {
                // transient failures and unreadable bodies alike: the queue redelivers, then dead-letters it
                LOG.errorf(e, "SQS message %s failed and is reported for redelivery", message.messageId());
                failures.add(new IngestResponse.ItemFailure(message.messageId()));
            }
        }
        return new IngestResponse(failures, outcomes);
    }

    private ObjectOutcome handle(ObjectEvent event, Deadline deadline) {
        if (!event.created()) {
            LOG.infof("ignored %s event for %s", event.eventName(), event.object().key());
            return new ObjectOutcome.Ignored(event.object(), "not an object creation: " + event.eventName());
        }
        return service.onObjectCreated(event.object(), deadline);
    }

    private static IngestResponse.Outcome summary(ObjectOutcome outcome) {
        if (outcome instanceof ObjectOutcome.Loaded o) {
            return response(o, o.datasetId(), o.result().record().rows(), o.manifestKey(), null);
        }
        if (outcome instanceof ObjectOutcome.Duplicate o) {
            return response(o, o.datasetId(), o.earlier().rows(), o.manifestKey(), null);
        }
        if (outcome instanceof ObjectOutcome.Republished o) {
            return response(o, o.datasetId(), o.record().rows(), o.manifestKey(), null);
        }
        if (outcome instanceof ObjectOutcome.Rejected o) {
            return response(o, o.datasetId(), null, o.errorReportKey(), o.error().getMessage());
        }
        ObjectOutcome.Ignored o = (ObjectOutcome.Ignored) outcome;
        return response(o, null, null, null, o.reason());
    }

    private static IngestResponse.Outcome response(ObjectOutcome o, String datasetId, Long rows, String output,
                                                   String reason) {
        return new IngestResponse.Outcome(o.status(), o.object().bucket(), o.object().key(), o.object().versionId(),
                datasetId, rows, output, reason);
    }
}
