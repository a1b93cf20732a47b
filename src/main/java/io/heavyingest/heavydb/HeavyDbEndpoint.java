package io.heavyingest.heavydb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where and as whom to connect. {@link #toString()} and {@link #address()} never show the password.
 *
 * @param host server host
 * @param port Thrift binary port (6274 by default)
 * @param user user name
 * @param database database name
 * @param password the user's password
 * @param tls whether the URL asked for TLS ({@code heavydbs://})
 */
public record HeavyDbEndpoint(String host, int port, String user, String database, String password, boolean tls) {
    public static final int DEFAULT_PORT = 6274;
    public static final String DEFAULT_USER = "admin";
    public static final String DEFAULT_DATABASE = "heavyai";

    public HeavyDbEndpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("HeavyDB URL needs a host: heavydb://user@host:6274/database");
        }
        if (password == null) {
            throw new IllegalArgumentException("no HeavyDB password: set HEAVYDB_PASSWORD or HEAVYDB_PASSWORD_FILE"
                    + " (or heavy-ingest.heavydb.password / password-file)");
        }
    }

    /** A plain (non-TLS) endpoint. */
    public HeavyDbEndpoint(String host, int port, String user, String database, String password) {
        this(host, port, user, database, password, false);
    }

    /** {@code host:port/database}, for logs and the load summary. */
    public String address() {
        return host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return (tls ? "heavydbs://" : "heavydb://") + user + "@" + address();
    }

    /**
     * Parses {@code heavydb://[user@]host[:port][/database]}, or {@code heavydbs://...} for TLS; a password inside
     * the URL is refused.
     */
    public static HeavyDbEndpoint parse(String url, String password) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("HeavyDB URL is not a URL (expected heavydb://user@host:6274/database)");
        }
        boolean tls = "heavydbs".equalsIgnoreCase(uri.getScheme());
        if (!tls && !"heavydb".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("HeavyDB URL must start with heavydb:// or heavydbs:// (got scheme \""
                    + uri.getScheme() + "\")");
        }
        String userInfo = uri.getUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            // said without echoing the URL, which holds the secret
            throw new IllegalArgumentException("HeavyDB URL must not carry a password; use HEAVYDB_PASSWORD or"
                    + " HEAVYDB_PASSWORD_FILE");
        }
        String user = userInfo == null || userInfo.isEmpty() ? DEFAULT_USER : userInfo;
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? DEFAULT_DATABASE : path;
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new HeavyDbEndpoint(uri.getHost(), port, user, database, password, tls);
    }

    /**
     * The configured endpoint, if any: the mapped settings first, then the plain {@code HEAVYDB_URL},
     * {@code HEAVYDB_PASSWORD} and {@code HEAVYDB_PASSWORD_FILE} environment variables.
     */
    public static Optional<HeavyDbEndpoint> resolve(HeavyDbConfig config, Function<String, String> env) {
        return url(config, env).map(url -> parse(url, password(config, env).orElse(null)));
    }

    /** The configured server URL, if any: the mapped setting, then {@code HEAVYDB_URL}. */
    public static Optional<String> url(HeavyDbConfig config, Function<String, String> env) {
        return config.url().or(() -> nonBlank(env.apply("HEAVYDB_URL")));
    }

    /**
     * The password given directly: the mapped settings, then {@code HEAVYDB_PASSWORD}, then the file named by
     * the password-file setting or {@code HEAVYDB_PASSWORD_FILE}. Empty when none is set (the caller may then
     * read it from Secrets Manager).
     */
    public static Optional<String> password(HeavyDbConfig config, Function<String, String> env) {
        return config.password()
                .or(() -> nonBlank(env.apply("HEAVYDB_PASSWORD")))
                .or(() -> config.passwordFile().or(() -> nonBlank(env.apply("HEAVYDB_PASSWORD_FILE")))
                        .map(HeavyDbEndpoint::readPasswordFile));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * Reads the password file. The name is never repeated in the error, nor is the cause (whose message holds it):
     * a password set by mistake where its file's name belongs would otherwise be printed.
     */
    private static String readPasswordFile(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new UncheckedIOException(new IOException("cannot read the HeavyDB password file named by"
                    + " HEAVYDB_PASSWORD_FILE or heavy-ingest.heavydb.password-file (" + e.getClass().getSimpleName()
                    + "; the name is not shown in case it is the password itself)"));
        }
    }
}
