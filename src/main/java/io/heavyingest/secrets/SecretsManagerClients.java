package io.heavyingest.secrets;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Builds the Secrets Manager client: URL-connection HTTP client (as for S3), optional endpoint override. */
public final class SecretsManagerClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);

    private SecretsManagerClients() {
    }

    /** A client with the SDK's default credentials (the function's role in Lambda). */
    public static SecretsManagerClient create(Optional<URI> endpoint, Optional<String> region) {
        return create(endpoint, region, DefaultCredentialsProvider.builder().build());
    }

    /**
     * @param endpoint endpoint override (a VPC endpoint's DNS name, or a local stand-in); empty for AWS's own
     * @param region region; empty uses the SDK's lookup (AWS_REGION in Lambda), falling back to us-east-1
     * @param credentials credentials provider
     */
    public static SecretsManagerClient create(Optional<URI> endpoint, Optional<String> region,
                                              AwsCredentialsProvider credentials) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                .credentialsProvider(credentials)
                .region(region.map(Region::of).orElseGet(SecretsManagerClients::lookupRegion));
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private static Region lookupRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            return Region.US_EAST_1;
        }
    }
}
