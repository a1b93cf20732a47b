package io.heavyingest.events;

import io.heavyingest.json.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavyingest.bucket.ObjectRef;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognizes the event shapes that reach the ingest function: an S3 notification, an SQS batch whose bodies are S3
 * notifications (possibly inside an SNS envelope) or EventBridge events, and an EventBridge event.
 */
public final class EventParser {
    private static final ObjectMapper MAPPER = Json.mapper();

    public InboundEvent parse(JsonNode event) {
        if (event == null || !event.isObject()) {
            throw new MalformedEventException("event is not a JSON object");
        }
        JsonNode records = event.get("Records");
        if (records != null && records.isArray()) {
            JsonNode first = records.isEmpty() ? null : records.get(0);
            String source = first == null ? "" : first.path("eventSource").asText("");
            if ("aws:sqs".equals(source)) {
                return new InboundEvent.Sqs(convert(event, SqsEvent.class).records());
            }
            return new InboundEvent.Objects("s3", s3Objects(convert(event, S3EventNotification.class)));
        }
        if (event.has("detail-type")) {
            return new InboundEvent.Objects("eventbridge", eventBridgeObjects(convert(event, EventBridgeEvent.class)));
        }
        if ("s3:TestEvent".equals(event.path("Event").asText())) {
            // sent by S3 once when a notification is configured
            return new InboundEvent.Objects("s3-test", List.of());
        }
        throw new MalformedEventException("not an S3, SQS or EventBridge event: fields " + fieldNames(event));
    }

    /** The objects an SQS message body names. */
    public List<ObjectEvent> parseMessageBody(String body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("message body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (node != null && "Notification".equals(node.path("Type").asText()) && node.path("Message").isTextual()) {
            // S3 -> SNS -> SQS: the notification travels as a string inside the SNS envelope
            return parseMessageBody(node.path("Message").asText());
        }
        InboundEvent inner = parse(node);
        if (inner instanceof InboundEvent.Objects objects) {
            return objects.objects();
        }
        throw new MalformedEventException("an SQS message body holds another SQS batch");
    }

    private static List<ObjectEvent> s3Objects(S3EventNotification n) {
        List<ObjectEvent> out = new ArrayList<>();
        for (S3EventNotification.Record r : n.records()) {
            if (r.s3() == null || r.s3().bucket() == null || r.s3().object() == null || r.s3().object().key() == null) {
                throw new MalformedEventException("S3 record without bucket or object key");
            }
            S3EventNotification.S3Object o = r.s3().object();
            ObjectRef ref = new ObjectRef(r.s3().bucket().name(), ObjectKeys.decode(o.key()), blankToNull(o.versionId()),
                    blankToNull(o.eTag()), o.size() == null ? -1 : o.size());
            String name = r.eventName() == null ? "" : r.eventName();
            out.add(new ObjectEvent(ref, name.startsWith("ObjectCreated:"), name));
        }
        return out;
    }

    private static List<ObjectEvent> eventBridgeObjects(EventBridgeEvent e) {
        if (e.detail() == null || e.detail().bucket() == null || e.detail().object() == null
                || e.detail().object().key() == null) {
            return List.of();
        }
        EventBridgeEvent.S3Object o = e.detail().object();
        ObjectRef ref = new ObjectRef(e.detail().bucket().name(), ObjectKeys.decode(o.key()), blankToNull(o.versionId()),
                blankToNull(o.etag()), o.size() == null ? -1 : o.size());
        boolean created = "aws.s3".equals(e.source()) && "Object Created".equals(e.detailType());
        return List.of(new ObjectEvent(ref, created, e.detailType()));
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("cannot read the event as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
