package io.heavyingest.events;

import java.util.List;

/** What invoked the function, after parsing: objects to consider, or an SQS batch of messages. */
public sealed interface InboundEvent {

    /** A direct S3 notification or an EventBridge event: the invocation succeeds or fails as a whole. */
    record Objects(String kind, List<ObjectEvent> objects) implements InboundEvent {
    }

    /** An SQS batch: each message succeeds or fails on its own. */
    record Sqs(List<SqsEvent.Message> messages) implements InboundEvent {
    }
}
