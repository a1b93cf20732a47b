package io.heavyingest.bucket;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client from {@link BucketConfig.S3}: URL-connection HTTP client, optional endpoint override. */
public final class S3Clients {
    private S3Clients() {
    }

    public static S3Client create(BucketConfig.S3 config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.connectTimeout())
                        .socketTimeout(config.socketTimeout()))
                .region(region(config))
                .forcePathStyle(config.pathStyleAccess());
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static Region region(BucketConfig.S3 config) {
        if (config.region().isPresent()) {
            return Region.of(config.region().get());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return Region.US_EAST_1;
        }
    }
}
