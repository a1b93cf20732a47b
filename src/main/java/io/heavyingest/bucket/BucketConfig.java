package io.heavyingest.bucket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Bucket layout and the S3 client: where files arrive, where manifests and error reports go. */
@ConfigMapping(prefix = "heavy-ingest.bucket")
public interface BucketConfig {

    /** Key prefix users drop files under; only objects below it are loaded. */
    @WithDefault("incoming/")
    String incomingPrefix();

    /** Key suffixes that are loaded (case-insensitive); a suffix ending in .gz is gunzipped while streaming. */
    @WithDefault(".csv,.csv.gz")
    List<String> suffixes();

    /** Key prefix of the manifests written after a successful load (the benchmark function's trigger). */
    @WithDefault("manifests/")
    String manifestsPrefix();

    /** Key prefix of the error reports written for rejected files. */
    @WithDefault("reports/errors/")
    String errorReportsPrefix();

    /** Bucket that receives manifests and error reports; empty means the bucket the object came from. */
    Optional<String> outputBucket();

    /** The S3 client. */
    S3 s3();

    /** The local command's stand-in for the bucket. */
    Local local();

    interface S3 {
        /** Endpoint override for S3-compatible servers; empty uses AWS's regional endpoint. */
        Optional<URI> endpoint();

        /** Region; empty uses the SDK's lookup (AWS_REGION in Lambda), falling back to us-east-1. */
        Optional<String> region();

        /** Path-style addressing (bucket in the path), needed by most S3-compatible servers. */
        @WithDefault("false")
        boolean pathStyleAccess();

        /** TCP connect timeout. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Read timeout between two packets of a response, so a stalled stream fails instead of hanging. */
        @WithDefault("60s")
        Duration socketTimeout();
    }

    interface Local {
        /** Folder that receives manifests and error reports of the local command when no output bucket is set. */
        @WithDefault("target/bucket")
        String outputFolder();
    }
}
