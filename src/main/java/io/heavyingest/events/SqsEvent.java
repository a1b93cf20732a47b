package io.heavyingest.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** An SQS batch as Lambda delivers it; each body holds an S3 notification (or an EventBridge event). */
@RegisterForReflection
public record SqsEvent(@JsonProperty("Records") List<Message> records) {

    @RegisterForReflection
    public record Message(String messageId, String body, String eventSource) {
    }
}
