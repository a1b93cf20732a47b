package io.heavyingest.secrets;

import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;
import io.heavyingest.heavydb.HeavyDbAuthenticationException;
import io.heavyingest.heavydb.LoopbackHeavyDb;
import io.heavyingest.warehouse.Warehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The composition root reading the HeavyDB password from Secrets Manager when only the secret is named: a real
 * loopback HeavyDB server and a loopback Secrets Manager speaking its JSON protocol.
 */
class HeavyDbPasswordFromSecretTest {
    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:heavy-ingest/heavydb-Xy12Zq";

    private LoopbackHeavyDb server;
    private StubSecretsManager secrets;
    private final StringBuilder logs = new StringBuilder();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logs.append(record.getMessage()).append(' ').append(java.util.Arrays.toString(record.getParameters()))
                    .append('\n');
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret-key");
        System.setProperty("aws.region", "us-east-1");
        server = new LoopbackHeavyDb();
        secrets = new StubSecretsManager(ARN, "{\"password\":\"" + LoopbackHeavyDb.PASSWORD + "\"}");
        Logger.getLogger("io.heavyingest").addHandler(capture);
        Logger.getLogger("io.heavyingest").setLevel(Level.ALL);
    }

    @AfterEach
    void stop() throws Exception {
        Logger.getLogger("io.heavyingest").removeHandler(capture);
        secrets.close();
        server.close();
    }

    private Settings settings() {
        return Settings.load(Map.of(
                "heavy-ingest.heavydb.url", server.url(),
                "heavy-ingest.heavydb.password-secret-arn", ARN,
                "heavy-ingest.heavydb.secrets-endpoint", secrets.endpoint().toString(),
                "heavy-ingest.heavydb.reuse-session", "false"));
    }

    @Test
    void openWarehouse_onlySecretNamed_shouldLogInWithTheSecretReadOnce() {
        try (Warehouse warehouse = Components.openWarehouse(settings())) {
            assertThat(warehouse.kind()).isEqualTo("heavydb");
            assertThat(warehouse.history()).isEmpty();
        }
        try (Warehouse again = Components.openWarehouse(settings())) {
            assertThat(again.kind()).isEqualTo("heavydb");
        }
        assertThat(server.connects()).isEqualTo(2);
        assertThat(secrets.calls()).as("the secret is cached for the process").isEqualTo(1);
        assertThat(secrets.requests().get(0).get("SecretId").asText()).isEqualTo(ARN);
        assertThat(logs.toString()).doesNotContain(LoopbackHeavyDb.PASSWORD);
    }

    @Test
    void openWarehouse_secretHoldsAWrongPassword_shouldReadItAgainOnceAndNeverShowIt() {
        String wrong = "not-the-Pa55word-4d1e";
        secrets.rotate("{\"password\":\"" + wrong + "\"}");
        Settings settings = Settings.load(Map.of(
                "heavy-ingest.heavydb.url", server.url(),
                "heavy-ingest.heavydb.password-secret-arn", ARN + "-wrong",
                "heavy-ingest.heavydb.secrets-endpoint", secrets.endpoint().toString(),
                "heavy-ingest.heavydb.reuse-session", "false"));
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        HeavyDbAuthenticationException e;
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            e = catchThrowableOfType(HeavyDbAuthenticationException.class, () -> Components.openWarehouse(settings));
        } finally {
            System.setErr(err);
        }
        assertThat(e).isNotNull();
        assertThat(secrets.calls()).as("read, refused, read again (unchanged), give up").isEqualTo(2);
        assertThat(server.connects()).isZero();
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(wrong);
        assertThat(logs.toString()).doesNotContain(wrong);
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain(wrong);
    }
}
