package io.heavyingest.bucket;

import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.testsupport.CuttingProxy;
import io.heavyingest.testsupport.InProcessS3;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection kept alive between requests that the server (or anything between) has closed meanwhile: the
 * URL-connection client then fails a PUT before it is sent, and the SDK does not retry that one.
 */
class StaleConnectionTest {

    /** A client as the function builds it (URL-connection HTTP client, SDK retries), through the proxy. */
    private static S3Client client(CuttingProxy proxy) {
        return BucketEnv.client(URI.create("http://127.0.0.1:" + proxy.port()));
    }

    /** A store that wrote once through {@code proxy}, whose connections were then all closed under the client. */
    private static S3ObjectStore storeWithItsConnectionClosed(S3Client client, CuttingProxy proxy) {
        client.createBucket(b -> b.bucket("stale"));
        S3ObjectStore store = new S3ObjectStore(client);
        store.putJson("stale", "first.json", "{}".getBytes(StandardCharsets.UTF_8));
        proxy.refuseConnections(true);
        proxy.refuseConnections(false);
        return store;
    }

    @Test
    void putIfAbsent_onAKeptAliveConnectionClosedMeanwhile_shouldSendAgainAndWrite() throws Exception {
        try (InProcessS3 server = InProcessS3.inMemory(); CuttingProxy proxy = new CuttingProxy(server.port());
             S3Client client = client(proxy)) {
            S3ObjectStore store = storeWithItsConnectionClosed(client, proxy);

            boolean written = store.putIfAbsent("stale", "claims/x.json", "{\"owner\":\"a\"}".getBytes(StandardCharsets.UTF_8));

            assertThat(written).isTrue();
            assertThat(new String(store.read("stale", "claims/x.json"), StandardCharsets.UTF_8)).isEqualTo("{\"owner\":\"a\"}");
        }
    }

    @Test
    void put_onAKeptAliveConnectionClosedMeanwhile_shouldSendAgainAndWrite() throws Exception {
        try (InProcessS3 server = InProcessS3.inMemory(); CuttingProxy proxy = new CuttingProxy(server.port());
             S3Client client = client(proxy)) {
            S3ObjectStore store = storeWithItsConnectionClosed(client, proxy);

            store.putJson("stale", "manifests/m.json", "{\"rows\":1}".getBytes(StandardCharsets.UTF_8));

            assertThat(new String(store.read("stale", "manifests/m.json"), StandardCharsets.UTF_8)).isEqualTo("{\"rows\":1}");
        }
    }
}
