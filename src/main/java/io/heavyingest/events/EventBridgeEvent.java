package io.heavyingest.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An EventBridge event from S3 ("Object Created"); the key is URL-encoded like in S3 notifications. */
@RegisterForReflection
public record EventBridgeEvent(@JsonProperty("detail-type") String detailType, String source, Detail detail) {

    @RegisterForReflection
    public record Detail(Bucket bucket, S3Object object) {
    }

    @RegisterForReflection
    public record Bucket(String name) {
    }

    @RegisterForReflection
    public record S3Object(String key, Long size, String etag, @JsonProperty("version-id") String versionId) {
    }
}
