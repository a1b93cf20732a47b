package io.heavyingest.secrets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SecretsManagerPasswordTest {
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:heavy-ingest/heavydb-AbCdEf";
    private static final String FIRST = "first-Pa55word-7f3a";
    private static final String SECOND = "second-Pa55word-91c2";

    private StubSecretsManager stub;
    private SecretsManagerClient client;

    @BeforeEach
    void start() throws Exception {
        stub = new StubSecretsManager(ARN, json(FIRST));
        client = SecretsManagerClients.create(Optional.of(stub.endpoint()), Optional.of("eu-west-1"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret-key")));
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void get_twoReads_shouldCallSecretsManagerOnce() {
        SecretsManagerPassword password = new SecretsManagerPassword(ARN, client);
        assertThat(stub.calls()).as("nothing is read before first use").isZero();

        assertThat(password.get()).isEqualTo(FIRST);
        assertThat(password.get()).isEqualTo(FIRST);

        assertThat(stub.calls()).isEqualTo(1);
        assertThat(stub.targets()).containsExactly("secretsmanager.GetSecretValue");
        assertThat(stub.requests().get(0).get("SecretId").asText()).isEqualTo(ARN);
    }

    @Test
    void get_plainStringSecret_shouldBeThePasswordAsIs() {
        stub.rotate("  plain with spaces  ");
        assertThat(new SecretsManagerPassword(ARN, client).get()).isEqualTo("  plain with spaces  ");
    }

    @Test
    void invalidate_afterRotation_shouldReadTheNewValue() {
        SecretsManagerPassword password = new SecretsManagerPassword(ARN, client);
        assertThat(password.get()).isEqualTo(FIRST);
        stub.rotate(json(SECOND));
        assertThat(password.get()).as("cached until invalidated").isEqualTo(FIRST);

        password.invalidate();

        assertThat(password.isCached()).isFalse();
        assertThat(password.get()).isEqualTo(SECOND);
        assertThat(stub.calls()).isEqualTo(2);
    }

    @Test
    void withRefreshOnce_loginRefusedAfterRotation_shouldRetryOnceWithTheNewPassword() {
        SecretsManagerPassword password = new SecretsManagerPassword(ARN, client);
        password.get();
        stub.rotate(json(SECOND));
        List<String> tried = new ArrayList<>();

        String result = password.withRefreshOnce(p -> {
            tried.add(p);
            if (!p.equals(SECOND)) {
                throw new RefusedLogin();
            }
            return "connected";
        }, RefusedLogin.class::isInstance);

        assertThat(result).isEqualTo("connected");
        assertThat(tried).containsExactly(FIRST, SECOND);
        assertThat(stub.calls()).isEqualTo(2);
    }

    @Test
    void withRefreshOnce_loginRefusedWithTheNewPasswordToo_shouldFailAfterExactlyTwoAttempts() {
        SecretsManagerPassword password = new SecretsManagerPassword(ARN, client);
        password.get();
        stub.rotate(json(SECOND));
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> password.withRefreshOnce(p -> {
            attempts.incrementAndGet();
            throw new RefusedLogin();
        }, RefusedLogin.class::isInstance)).isInstanceOf(RefusedLogin.class);

        assertThat(attempts).hasValue(2);
        assertThat(stub.calls()).isEqualTo(2);
    }

    @Test
    void withRefreshOnce_loginRefusedAndSecretUnchanged_shouldNotRetry() {
        SecretsManagerPassword password = new SecretsManagerPassword(ARN, client);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> password.withRefreshOnce(p -> {
            attempts.incrementAndGet();
            throw new RefusedLogin();
        }, RefusedLogin.class::isInstance)).isInstanceOf(RefusedLogin.class);

        assertThat(attempts).hasValue(1);
        assertThat(stub.calls()).as("one read, one refresh").isEqualTo(2);
    }

    @Test
    void withRefreshOnce_otherFailure_shouldNotRefresh() {
        SecretsManagerPassword password = new SecretsManagerPassword(ARN, client);

        assertThatThrownBy(() -> password.withRefreshOnce(p -> {
            throw new IllegalStateException("server down");
        }, RefusedLogin.class::isInstance)).hasMessage("server down");

        assertThat(stub.calls()).isEqualTo(1);
    }

    @Test
    void snapshotHook_beforeCheckpoint_shouldDropTheValueAndReadAgainAfterRestore() throws Exception {
        SecretsManagerPassword password = new SecretsManagerPassword(ARN, client).registerForSnapshots();
        password.get();

        password.snapshotHook().beforeCheckpoint(null);
        assertThat(password.isCached()).as("nothing cached in the snapshot").isFalse();
        assertThat(password.toString()).doesNotContain(FIRST);
        stub.rotate(json(SECOND));
        password.snapshotHook().afterRestore(null);

        assertThat(stub.calls()).as("restore itself reads nothing").isEqualTo(1);
        assertThat(password.get()).isEqualTo(SECOND);
        assertThat(stub.calls()).isEqualTo(2);
        assertThat(password.registerForSnapshots().snapshotHook()).isSameAs(password.snapshotHook());
    }

    @Test
    void get_secretNotFound_shouldNameTheArnInTheMessage() {
        stub.failWith(400, "ResourceNotFoundException");

        SecretUnavailableException e = catchThrowableOfType(SecretUnavailableException.class,
                () -> new SecretsManagerPassword(ARN, client).get());

        assertThat(e.getMessage()).contains(ARN).contains("400").contains("ResourceNotFoundException");
        assertThat(e.secretId()).isEqualTo(ARN);
    }

    @Test
    void get_accessDeniedAfterAValueWasRead_shouldNeverPrintTheValue() {
        SecretsManagerPassword password = new SecretsManagerPassword(ARN, client);
        password.get();
        stub.failWith(400, "AccessDeniedException");

        SecretUnavailableException e = catchThrowableOfType(SecretUnavailableException.class, password::refresh);

        assertThat(e.getMessage()).contains(ARN).contains("AccessDeniedException");
        assertThat(stackTrace(e)).doesNotContain(FIRST);
        assertThat(password.isCached()).as("a failed refresh keeps nothing stale").isFalse();
    }

    @Test
    void get_malformedJson_shouldNameTheArnAndNeverContainTheValue() {
        stub.rotate("{\"password\": \"" + SECOND);

        SecretFormatException e = catchThrowableOfType(SecretFormatException.class,
                () -> new SecretsManagerPassword(ARN, client).get());

        assertThat(e.getMessage()).contains(ARN).contains("not valid JSON");
        assertThat(stackTrace(e)).doesNotContain(SECOND).doesNotContain("Pa55word");
    }

    @Test
    void get_jsonWithoutPassword_shouldNameTheArnAndNeverContainTheValue() {
        stub.rotate("{\"username\":\"admin\",\"pass\":\"" + SECOND + "\"}");

        SecretFormatException e = catchThrowableOfType(SecretFormatException.class,
                () -> new SecretsManagerPassword(ARN, client).get());

        assertThat(e.getMessage()).contains(ARN).contains("\"password\"");
        assertThat(stackTrace(e)).doesNotContain(SECOND);
    }

    @Test
    void toStringAndLogs_afterReadAndRefresh_shouldNeverContainTheValue() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                Object[] params = record.getParameters();
                logged.add(record.getMessage() + (params == null ? "" : " " + List.of(params)));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(SecretsManagerPassword.class.getName());
        Level before = logger.getLevel();
        logger.setLevel(Level.ALL);   // another test (the local command's) may have quietened io.heavyingest
        logger.addHandler(capture);
        try {
            SecretsManagerPassword password = new SecretsManagerPassword(ARN, client);
            password.get();
            stub.rotate(json(SECOND));
            password.withRefreshOnce(p -> {
                if (p.equals(FIRST)) {
                    throw new RefusedLogin();
                }
                return p;
            }, RefusedLogin.class::isInstance);

            assertThat(password.toString()).contains(ARN).doesNotContain(FIRST).doesNotContain(SECOND);
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
        }
        assertThat(logged).as("the reads were logged, naming the secret").anyMatch(l -> l.contains(ARN));
        assertThat(String.join("\n", logged)).doesNotContain(FIRST).doesNotContain(SECOND);
    }

    @Test
    void constructor_blankId_shouldSayWhatToSet() {
        assertThatThrownBy(() -> new SecretsManagerPassword(" ", client))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ARN");
    }

    private static String json(String password) {
        return "{\"username\":\"admin\",\"password\":\"" + password + "\"}";
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** Stands in for the HeavyDB client's refused-login exception. */
    private static final class RefusedLogin extends RuntimeException {
        RefusedLogin() {
            super("login refused");
        }
    }
}
