package io.heavyingest.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A password kept in AWS Secrets Manager: read at first use, cached, read again on demand.
 *
 * <ul>
 *   <li>{@link #get()} reads the secret's {@code AWSCURRENT} version once and caches it; nothing is read at
 *       construction, so an instance built during a SnapStart init phase holds no secret in the snapshot.</li>
 *   <li>{@link #withRefreshOnce} runs an attempt with the cached password and, when the caller says the
 *       failure was a refused login (the password was rotated), reads the secret again and retries once.</li>
 *   <li>{@link #invalidate()} drops the cached value; {@link #registerForSnapshots()} makes a SnapStart
 *       checkpoint call it, so a restored instance re-reads the secret.</li>
 * </ul>
 *
 * Thread-safe. The value never appears in {@link #toString()}, exception messages or log lines.
 */
public final class SecretsManagerPassword {
    private static final Logger LOG = Logger.getLogger(SecretsManagerPassword.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secretId;
    private final SecretsManagerClient client;
    private final Object lock = new Object();
    private String cached;
    private long reads;
    private SnapshotInvalidation hook;

    /**
     * @param secretId the secret's ARN (or name); named in every message
     * @param client the Secrets Manager client (see {@link SecretsManagerClients})
     */
    public SecretsManagerPassword(String secretId, SecretsManagerClient client) {
        if (secretId == null || secretId.isBlank()) {
            throw new IllegalArgumentException("no secret id: set the ARN of the secret holding the password");
        }
        this.secretId = secretId.strip();
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The secret's id as configured. */
    public String secretId() {
        return secretId;
    }

    /** The password: the cached value, or the secret read now when nothing is cached. */
    public String get() {
        synchronized (lock) {
            if (cached == null) {
                cached = read();
            }
            return cached;
        }
    }

    /** Reads the secret again now (after a refused login) and returns the new value. */
    public String refresh() {
        synchronized (lock) {
            cached = null;
            cached = read();
            return cached;
        }
    }

    /** Forgets the cached value; the next {@link #get()} reads the secret again. */
    public void invalidate() {
        synchronized (lock) {
            cached = null;
        }
    }

    /** Whether a value is cached now (for tests and diagnostics; the value itself is never exposed this way). */
    public boolean isCached() {
        synchronized (lock) {
            return cached != null;
        }
    }

    /** How many times the secret was read from Secrets Manager by this instance. */
    public long reads() {
        synchronized (lock) {
            return reads;
        }
    }

    /**
     * Runs {@code attempt} with the password. When it fails and {@code refusedLogin} says the failure was an
     * authentication failure, the secret is read again; if it changed (rotation), {@code attempt} runs once more
     * with the new value and its outcome is final. An unchanged secret, or any other failure, is rethrown as is.
     */
    public <T> T withRefreshOnce(PasswordUse<T> attempt, Predicate<? super RuntimeException> refusedLogin) {
        String first = get();
        try {
            return attempt.apply(first);
        } catch (RuntimeException e) {
            if (!refusedLogin.test(e)) {
                throw e;
            }
            String second = refresh();
            if (second.equals(first)) {
                LOG.warnf("login refused and secret %s is unchanged; not retrying", secretId);
                throw e;
            }
            LOG.infof("login refused; secret %s has a new value, retrying once", secretId);
            return attempt.apply(second);
        }
    }

    /**
     * Registers a checkpoint hook (CRaC, which Lambda SnapStart drives) that drops the cached value before the
     * snapshot is taken; after restore the next {@link #get()} reads the secret again. Idempotent.
     */
    public SecretsManagerPassword registerForSnapshots() {
        synchronized (lock) {
            if (hook == null) {
                hook = new SnapshotInvalidation(this);
                org.crac.Core.getGlobalContext().register(hook);
            }
        }
        return this;
    }

    /** The hook registered by {@link #registerForSnapshots()}, for tests that drive a checkpoint by hand. */
    SnapshotInvalidation snapshotHook() {
        synchronized (lock) {
            return hook;
        }
    }

    @Override
    public String toString() {
        return "SecretsManagerPassword[secret=" + secretId + ", cached=" + isCached() + "]";
    }

    private String read() {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build());
        } catch (SecretsManagerException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            throw new SecretUnavailableException(secretId, "cannot read secret " + secretId + ": Secrets Manager answered "
                    + e.statusCode() + (code == null ? "" : " " + code), e);
        } catch (SdkException e) {
            throw new SecretUnavailableException(secretId, "cannot read secret " + secretId
                    + ": Secrets Manager unreachable or failing (" + e.getClass().getSimpleName() + ")", e);
        }
        reads++;
        String password = password(response.secretString());
        LOG.infof("read secret %s (version %s)", secretId, response.versionId());
        return password;
    }

    private String password(String secretString) {
        if (secretString == null) {
            throw new SecretFormatException(secretId, "secret " + secretId
                    + " has no string value (binary secrets are not supported)");
        }
        if (secretString.isEmpty()) {
            throw new SecretFormatException(secretId, "secret " + secretId + " is empty");
        }
        if (!secretString.stripLeading().startsWith("{")) {
            return secretString;
        }
        JsonNode node;
        try {
            node = JSON.readTree(secretString);
        } catch (JsonProcessingException e) {
            // the parser's message quotes the secret: keep only the position
            throw new SecretFormatException(secretId, "secret " + secretId + " starts like a JSON object but is not valid"
                    + " JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        JsonNode password = node.get("password");
        if (password == null || !password.isTextual() || password.asText().isEmpty()) {
            throw new SecretFormatException(secretId, "secret " + secretId
                    + " is a JSON object without a non-empty string member \"password\"");
        }
        return password.asText();
    }

    /** Something to do with the password, for {@link #withRefreshOnce}. */
    @FunctionalInterface
    public interface PasswordUse<T> {
        /** Uses {@code password}; throws a runtime exception on failure. */
        T apply(String password);
    }

    /** Drops the cached password before a checkpoint; nothing to do after restore (the next use reads). */
    static final class SnapshotInvalidation implements org.crac.Resource {
        private final SecretsManagerPassword owner;

        SnapshotInvalidation(SecretsManagerPassword owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCheckpoint(org.crac.Context<? extends org.crac.Resource> context) {
            owner.invalidate();
        }

        @Override
        public void afterRestore(org.crac.Context<? extends org.crac.Resource> context) {
            // read lazily on first use after restore
        }
    }
}
