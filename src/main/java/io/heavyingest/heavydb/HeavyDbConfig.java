package io.heavyingest.heavydb;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the HeavyDB warehouse. The server is chosen by {@link #url()}; when no URL is set (here or in the
 * plain {@code HEAVYDB_URL} environment variable) the embedded DuckDB default is used instead.
 */
@ConfigMapping(prefix = "heavy-ingest.heavydb")
public interface HeavyDbConfig {

    /** Server as {@code heavydb://user@host:port/database} (port 6274 and database heavyai by default); env HEAVYDB_URL also works. */
    Optional<String> url();

    /** Password of the URL's user; env HEAVYDB_PASSWORD also works. Never logged or printed. */
    Optional<String> password();

    /** File holding the password (for example a mounted secret), used when no password is set; env HEAVYDB_PASSWORD_FILE also works. */
    Optional<String> passwordFile();

    /**
     * Secrets Manager secret (ARN or name) holding the password, used when no password or password file is set:
     * read at the first connection, never logged, and read once more when a login is refused (rotation).
     */
    Optional<String> passwordSecretArn();

    /** Secrets Manager endpoint override (an S3-style local stand-in or a custom VPC endpoint); empty uses AWS's. */
    Optional<java.net.URI> secretsEndpoint();

    /** Connect over TLS (HeavyDB serves it on the binary port when given a certificate); a heavydbs:// URL also turns it on. */
    @WithDefault("false")
    boolean tls();

    /** Trust store holding the server's certificate or its CA, for TLS; empty trusts the JVM's default CAs. */
    Optional<String> trustStore();

    /** Password of the trust store, if it has one. Never logged or printed. */
    Optional<String> trustStorePassword();

    /** Type of the trust store file: PKCS12 or JKS. */
    @WithDefault("PKCS12")
    String trustStoreType();

    /** How long to wait for the TCP connection to open. */
    @WithDefault("10s")
    Duration connectTimeout();

    /** How long to wait for one reply; a large load answers only after its commit. */
    @WithDefault("10m")
    Duration readTimeout();

    /** Largest reply accepted in bytes; libthrift refuses more than 100 MiB unless raised, and a query result is one message. */
    @WithDefault("1073741824")
    int maxMessageBytes();

    /** Rows per load_table_binary_columnar call; every call is a durable commit on the server, so batches are large. */
    @WithDefault("1048576")
    int loadBatchRows();

    /**
     * Most rows per reply when a dataset is read whole (the optimizer's matrix): whole days are read together up to
     * this many rows, so the reader holds the matrix plus one page; a single day larger than this is one page.
     */
    @WithDefault("262144")
    int readPageRows();

    /** Keep the session open for the next warm invocation of the same process instead of disconnecting. */
    @WithDefault("true")
    boolean reuseSession();
}
