package io.heavyingest.bucket;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * Bucket layout: where files arrive, where manifests and error reports go. The S3 client itself is configured with
 * the {@code quarkus.s3.*} settings of the S3 extension.
 */
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

    /** Key prefix of the load claims, when the warehouse cannot hold claims itself (HeavyDB); never loaded. */
    @WithDefault("claims/")
    String claimsPrefix();

    /** Key prefix of the error reports written for rejected files. */
    @WithDefault("reports/errors/")
    String errorReportsPrefix();

    /** Bucket that receives manifests and error reports; empty means the bucket the object came from. */
    Optional<String> outputBucket();

    /** The local command's stand-in for the bucket. */
    Local local();

    interface Local {
        /** Folder that receives manifests and error reports of the local command when no output bucket is set. */
        @WithDefault("target/bucket")
        String outputFolder();
    }
}
