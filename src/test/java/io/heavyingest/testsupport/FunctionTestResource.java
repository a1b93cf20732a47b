package io.heavyingest.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts what a function test class needs on loopback: s3proxy with a versioned and an unversioned bucket, the
 * cutting proxy in front of it (the function's S3 endpoint), and a fresh DuckDB file for the warehouse.
 */
public final class FunctionTestResource implements QuarkusTestResourceLifecycleManager {
    private BucketEnv env;
    private Map<String, String> extra = Map.of();

    /** Resource arguments are extra settings of the test class (for example a small max-file-bytes). */
    @Override
    public void init(Map<String, String> initArgs) {
        extra = Map.copyOf(initArgs);
    }

    @Override
    public Map<String, String> start() {
        try {
            // s3proxy runs without authentication; the SDK still signs requests with some credentials
            System.setProperty("aws.accessKeyId", "local-test");
            System.setProperty("aws.secretAccessKey", "local-test");
            Path folder = Files.createTempDirectory("ingest-function-test");
            InProcessS3 s3 = InProcessS3.inMemory();
            CuttingProxy proxy = new CuttingProxy(s3.port());
            env = new BucketEnv(s3, proxy, folder);
            Map<String, String> config = new java.util.HashMap<>(Map.of(
                    "quarkus.s3.endpoint-override", "http://127.0.0.1:" + proxy.port(),
                    "quarkus.s3.path-style-access", "true",
                    "quarkus.s3.aws.region", "us-east-1",
                    "quarkus.s3.aws.credentials.type", "static",
                    "quarkus.s3.aws.credentials.static-provider.access-key-id", "local-test",
                    "quarkus.s3.aws.credentials.static-provider.secret-access-key", "local-test",
                    "heavy-ingest.warehouse.duckdb.path", folder.resolve("warehouse.duckdb").toString(),
                    // several appends per sample file, so a failure can strike in the middle of a load
                    "heavy-ingest.ingest.batch-values", "8192"));
            config.putAll(extra);
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-process S3 server", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(env, new TestInjector.MatchesType(BucketEnv.class));
    }

    @Override
    public void stop() {
        try {
            if (env != null) {
                env.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the in-process S3 server", e);
        }
    }
}
