package io.heavyingest.bucket;

import org.jboss.logging.Logger;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/** The bucket in S3 (or an S3-compatible server), through the SDK v2 client. */
public final class S3ObjectStore implements ObjectStore {
    private static final Logger LOG = Logger.getLogger(S3ObjectStore.class);
    private static final int NOT_FOUND = 404;
    private static final int PRECONDITION_FAILED = 412;
    /** S3's answer when a concurrent conditional write of the same key won the race. */
    private static final int CONFLICT = 409;

    private final S3Client s3;

    public S3ObjectStore(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public String scheme() {
        return "s3";
    }

    @Override
    public InputStream open(ObjectRef object) {
        GetObjectRequest.Builder get = GetObjectRequest.builder().bucket(object.bucket()).key(object.key());
        if (object.versionId() != null && !"null".equals(object.versionId())) {
            get.versionId(object.versionId());
        } else if (object.eTag() != null && !object.eTag().isBlank()) {
            // unversioned bucket: read the content the event announced, not a later overwrite
            get.ifMatch("\"" + object.eTag() + "\"");
        }
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(get.build());
            Long length = in.response().contentLength();
            return new LengthCheckedInputStream(in, length == null ? -1 : length, object.displayName(scheme()));
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                throw new ObjectGoneException(object.displayName(scheme()) + " no longer exists", e);
            }
            if (e.statusCode() == PRECONDITION_FAILED) {
                throw new ObjectGoneException(object.displayName(scheme()) + " was overwritten after the event", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Instant> lastModified(ObjectRef object) {
        HeadObjectRequest.Builder head = HeadObjectRequest.builder().bucket(object.bucket()).key(object.key());
        if (object.versionId() != null && !"null".equals(object.versionId())) {
            head.versionId(object.versionId());
        } else if (object.eTag() != null && !object.eTag().isBlank()) {
            head.ifMatch("\"" + object.eTag() + "\"");
        }
        try {
            return Optional.ofNullable(s3.headObject(head.build()).lastModified());
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND || e.statusCode() == PRECONDITION_FAILED) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean exists(String bucket, String key) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void putJson(String bucket, String key, byte[] json) {
        put(bucket, key, json, "application/json");
    }

    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        PutObjectRequest put = PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType).build();
        sendPut(put, content);
    }

    /**
     * A PUT, sent once more when its connection turns out dead before any answer: the URL-connection client reuses
     * connections kept alive between requests, and one the server (or anything between) closed meanwhile fails the
     * PUT with an {@link UncheckedIOException} that the SDK does not retry. Sending it again is safe for every write
     * here: plain writes overwrite with the same bytes, and a conditional write that had been applied answers 412 to
     * its repeat, which the load claims check by reading the owner back.
     */
    private void sendPut(PutObjectRequest put, byte[] content) {
        try {
            s3.putObject(put, RequestBody.fromBytes(content));
        } catch (UncheckedIOException deadConnection) {
            LOG.debugf("PUT s3://%s/%s: %s; sending it again on a new connection", put.bucket(), put.key(),
                    deadConnection.getMessage());
            s3.putObject(put, RequestBody.fromBytes(content));
        }
    }

    @Override
    public byte[] read(String bucket, String key) {
        try {
            return s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build()).asByteArray();
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                throw new ObjectGoneException("s3://" + bucket + "/" + key + " does not exist", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Stored> readStored(String bucket, String key) {
        try {
            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build());
            return Optional.of(new Stored(got.asByteArray(), got.response().eTag()));
        } catch (S3Exception e) {
            if (e.statusCode() == NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean putIfAbsent(String bucket, String key, byte[] json) {
        return conditionalPut(PutObjectRequest.builder().bucket(bucket).key(key).contentType("application/json")
                .ifNoneMatch("*").build(), json, Optional::isEmpty);
    }

    @Override
    public boolean replaceIfMatch(String bucket, String key, String eTag, byte[] json) {
        return conditionalPut(PutObjectRequest.builder().bucket(bucket).key(key).contentType("application/json")
                .ifMatch(eTag).build(), json, now -> now.isPresent() && unquoted(now.get().eTag()).equals(unquoted(eTag)));
    }

    /**
     * A conditional PUT; true when it was applied, false when its condition failed. When the connection fails and no
     * answer arrives (a reset, or a server that answered a failed condition before reading the body and closed, which
     * the URL-connection client reports as an error writing the body, on every retry; seen once under heavy load
     * against the in-process S3 server), the object itself tells: the write was applied when the key now holds these
     * bytes (every conditional write here carries content unique to its writer, or equal to any other writer's); its
     * condition failed when the key is in a state the condition refuses; otherwise nothing was written although the
     * condition still holds, a transport failure, thrown as it came.
     *
     * @param conditionHolds whether the key's current state (empty: no object) lets the write through
     */
    private boolean conditionalPut(PutObjectRequest put, byte[] json, Predicate<Optional<Stored>> conditionHolds) {
        try {
            sendPut(put, json);
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == PRECONDITION_FAILED || e.statusCode() == CONFLICT || e.statusCode() == NOT_FOUND) {
                return false;
            }
            throw e;
        } catch (SdkClientException | UncheckedIOException e) {
            if (!(e.getCause() instanceof IOException)) {
                throw e;
            }
            LOG.debugf("conditional PUT s3://%s/%s: %s; reading the object to learn whether it was applied",
                    put.bucket(), put.key(), e.getMessage());
            Optional<Stored> now = readStored(put.bucket(), put.key());
            if (now.isPresent() && Arrays.equals(now.get().bytes(), json)) {
                return true;
            }
            if (conditionHolds.test(now)) {
                throw e;
            }
            return false;
        }
    }

    private static String unquoted(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }

    @Override
    public void deleteIfMatch(String bucket, String key, String eTag) {
        try {
            s3.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key).ifMatch(eTag).build());
        } catch (S3Exception e) {
            if (e.statusCode() != PRECONDITION_FAILED && e.statusCode() != NOT_FOUND) {
                throw e;
            }
        }
    }
}
