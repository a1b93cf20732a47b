package io.heavyingest.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** An S3 event notification: the fields this function reads, nothing more (unknown fields are skipped). */
@RegisterForReflection
public record S3EventNotification(@JsonProperty("Records") List<Record> records) {

    @RegisterForReflection
    public record Record(String eventSource, String eventName, Entity s3) {
    }

    @RegisterForReflection
    public record Entity(Bucket bucket, S3Object object) {
    }

    @RegisterForReflection
    public record Bucket(String name) {
    }

    /** The key is URL-encoded ({@code +} for space, {@code %xx} for other bytes). */
    @RegisterForReflection
    public record S3Object(String key, Long size, String eTag, String versionId, String sequencer) {
    }
}
