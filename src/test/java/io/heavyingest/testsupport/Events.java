package io.heavyingest.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Event JSON as AWS delivers it to the function, with keys URL-encoded the way S3 encodes them. */
public final class Events {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Events() {
    }

    /** S3's encoding of a key in events: form encoding ({@code +} for space), slashes kept. */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** One S3 "ObjectCreated:Put" record; versionId may be null (unversioned bucket). */
    public static Map<String, Object> s3Record(String eventName, String bucket, String key, long size, String eTag,
                                               String versionId) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", encodeKey(key));
        object.put("size", size);
        object.put("eTag", eTag);
        if (versionId != null) {
            object.put("versionId", versionId);
        }
        object.put("sequencer", "0065A1B2C3D4E5F601");
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", "us-east-1");
        record.put("eventTime", "2025-07-22T06:00:00.000Z");
        record.put("eventName", eventName);
        record.put("userIdentity", Map.of("principalId", "AWS:EXAMPLE"));
        record.put("s3", Map.of("s3SchemaVersion", "1.0", "configurationId", "incoming-csv",
                "bucket", Map.of("name", bucket, "arn", "arn:aws:s3:::" + bucket), "object", object));
        return record;
    }

    public static String s3Notification(List<Map<String, Object>> records) {
        return json(Map.of("Records", records));
    }

    public static String s3Put(String bucket, String key, long size, String eTag, String versionId) {
        return s3Notification(List.of(s3Record("ObjectCreated:Put", bucket, key, size, eTag, versionId)));
    }

    /** An SQS batch; each entry is messageId -> body. */
    public static String sqs(Map<String, String> bodies) {
        List<Map<String, Object>> records = new ArrayList<>();
        bodies.forEach((id, body) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageId", id);
            r.put("receiptHandle", "handle-" + id);
            r.put("body", body);
            r.put("attributes", Map.of("ApproximateReceiveCount", "1"));
            r.put("messageAttributes", Map.of());
            r.put("md5OfBody", "0");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:ingest-queue");
            r.put("awsRegion", "us-east-1");
            records.add(r);
        });
        return json(Map.of("Records", records));
    }

    /** An EventBridge "Object Created" event from S3. */
    public static String eventBridge(String bucket, String key, long size, String eTag, String versionId) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("key", encodeKey(key));
        object.put("size", size);
        object.put("etag", eTag);
        if (versionId != null) {
            object.put("version-id", versionId);
        }
        object.put("sequencer", "0065A1B2C3D4E5F601");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", "0");
        detail.put("bucket", Map.of("name", bucket));
        detail.put("object", object);
        detail.put("request-id", "REQ1");
        detail.put("requester", "123456789012");
        detail.put("reason", "PutObject");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", "17793124-05d4-b198-2fde-7ededc63b103");
        event.put("detail-type", "Object Created");
        event.put("source", "aws.s3");
        event.put("account", "123456789012");
        event.put("time", "2025-07-22T06:00:00Z");
        event.put("region", "us-east-1");
        event.put("resources", List.of("arn:aws:s3:::" + bucket));
        event.put("detail", detail);
        return json(event);
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
