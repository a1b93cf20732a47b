package io.heavyingest.heavydb;

import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;
import io.heavyingest.warehouse.Warehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS to HeavyDB's binary port against a real TLS server on loopback (libthrift's SSL server socket with a
 * self-signed certificate generated here by the JDK's keytool), the way HeavyDB serves TLS when given a certificate.
 */
class HeavyDbTlsLoopbackTest {
    private static final String STORE_PASSWORD = "keystore-pass";
    private static final String TRUST_PASSWORD = "truststore-pass";

    @TempDir
    Path dir;
    private Path trustStore;
    private LoopbackHeavyDb server;

    @BeforeEach
    void setUp() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.crt");
        trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "heavydb", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "heavydb", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "heavydb", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", TRUST_PASSWORD);
        server = LoopbackHeavyDb.tls(keyStore, STORE_PASSWORD);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }

    @Test
    void connect_heavydbsUrlWithTheServersCertificateTrusted_shouldLoginAndRunStatements() {
        HeavyDbClient.Options options = new HeavyDbClient.Options(5_000, 10_000, 256 << 20,
                new Tls(trustStore, TRUST_PASSWORD, "PKCS12"));
        try (HeavyDbClient client = HeavyDbClient.connect(HeavyDbEndpoint.parse(server.url(), LoopbackHeavyDb.PASSWORD),
                options)) {
            client.execute("CREATE TABLE t_tls (x INTEGER)");
        }
        assertThat(server.url()).startsWith("heavydbs://");
        assertThat(server.connects()).isEqualTo(1);
        assertThat(server.statements()).contains("CREATE TABLE t_tls (x INTEGER)");
    }

    @Test
    void connect_certificateNotInTheTrustStore_shouldFailAsTlsErrorBeforeSendingThePassword() {
        HeavyDbEndpoint endpoint = HeavyDbEndpoint.parse(server.url(), LoopbackHeavyDb.PASSWORD);

        assertThatThrownBy(() -> HeavyDbClient.connect(endpoint, new HeavyDbClient.Options(5_000, 10_000, 256 << 20)))
                .isInstanceOf(HeavyDbTlsException.class)
                .hasMessageContaining("TLS handshake")
                .hasMessageNotContaining(LoopbackHeavyDb.PASSWORD);
        assertThat(server.connects()).isZero();
    }

    @Test
    void openWarehouse_heavydbsUrlAndTrustStoreSettings_shouldConnectOverTls() {
        Settings settings = Settings.load(Map.of(
                "heavy-ingest.heavydb.url", server.url(),
                "heavy-ingest.heavydb.password", LoopbackHeavyDb.PASSWORD,
                "heavy-ingest.heavydb.trust-store", trustStore.toString(),
                "heavy-ingest.heavydb.trust-store-password", TRUST_PASSWORD,
                "heavy-ingest.heavydb.reuse-session", "false"));

        try (Warehouse warehouse = Components.openWarehouse(settings)) {
            assertThat(warehouse.kind()).isEqualTo("heavydb");
            assertThat(warehouse.history()).isEmpty();
        }
        assertThat(server.connects()).isEqualTo(1);
    }

    @Test
    void connect_plainUrlToATlsServerWithTlsSetting_shouldUseTls() {
        Settings settings = Settings.load(Map.of(
                "heavy-ingest.heavydb.tls", "true",
                "heavy-ingest.heavydb.trust-store", trustStore.toString(),
                "heavy-ingest.heavydb.trust-store-password", TRUST_PASSWORD));
        String plainUrl = server.url().replace("heavydbs://", "heavydb://");

        try (HeavyDbClient client = HeavyDbClient.connect(HeavyDbEndpoint.parse(plainUrl, LoopbackHeavyDb.PASSWORD),
                HeavyDbClient.Options.of(settings.heavydb()))) {
            assertThat(client.isOpen()).isTrue();
        }
        assertThat(server.connects()).isEqualTo(1);
    }
}
