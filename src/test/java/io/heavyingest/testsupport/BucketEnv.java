package io.heavyingest.testsupport;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What a function test sees of its environment: the in-process S3 server (reached directly, not through the
 * cutting proxy the function uses), the proxy, and the folder of the test's warehouse.
 */
public final class BucketEnv implements AutoCloseable {
    public static final String BUCKET = "pnl-bucket";
    public static final String UNVERSIONED_BUCKET = "pnl-plain";

    private final InProcessS3 s3Server;
    private final CuttingProxy proxy;
    private final S3Client direct;
    private final Path folder;

    BucketEnv(InProcessS3 s3Server, CuttingProxy proxy, Path folder) {
        this.s3Server = s3Server;
        this.proxy = proxy;
        this.folder = folder;
        this.direct = client(s3Server.endpoint());
        direct.createBucket(b -> b.bucket(BUCKET));
        direct.putBucketVersioning(b -> b.bucket(BUCKET)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        direct.createBucket(b -> b.bucket(UNVERSIONED_BUCKET));
    }

    /** An S3 client of the kind the function builds (URL-connection HTTP client, SDK retries), pointed at {@code endpoint}. */
    public static S3Client client(URI endpoint) {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    public S3Client s3() {
        return direct;
    }

    public CuttingProxy proxy() {
        return proxy;
    }

    public Path folder() {
        return folder;
    }

    /** Uploads {@code content}; retried once when the server had closed the pooled connection the client reused. */
    public PutObjectResponse put(String bucket, String key, byte[] content) {
        try {
            return direct.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
        } catch (java.io.UncheckedIOException staleConnection) {
            return direct.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
        }
    }

    /** The text of an object, or null when there is none. */
    public String text(String bucket, String key) {
        try {
            return direct.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build())
                    .asString(StandardCharsets.UTF_8);
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        direct.close();
        proxy.close();
        s3Server.close();
    }
}
