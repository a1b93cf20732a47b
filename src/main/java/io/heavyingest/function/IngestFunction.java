package io.heavyingest.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.heavyingest.delivery.Deadline;
import io.heavyingest.delivery.ObjectIngestService;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The ingest Lambda function: adapts the event and hands each object to {@link ObjectIngestService}. */
@Named("ingest")
public class IngestFunction implements RequestHandler<JsonNode, IngestResponse> {

    private final EventDispatcher dispatcher;
    private final ObjectIngestService service;

    @Inject
    public IngestFunction(ObjectIngestService service) {
        this.service = service;
        this.dispatcher = new EventDispatcher(service);
    }

    @Override
    public IngestResponse handleRequest(JsonNode event, Context context) {
        long remaining = context == null ? -1 : context.getRemainingTimeInMillis();
        return dispatcher.dispatch(event, Deadline.ofRemainingMillis(remaining, service.deliveryConfig().claimTtl()));
    }
}
