package io.heavyingest.app;

import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.heavydb.HeavyDbAuthenticationException;
import io.heavyingest.heavydb.HeavyDbConfig;
import io.heavyingest.heavydb.HeavyDbEndpoint;
import io.heavyingest.secrets.SecretsManagerClients;
import io.heavyingest.secrets.SecretsManagerPassword;
import io.heavyingest.warehouse.Warehouse;
import io.heavyingest.warehouse.duckdb.DuckDbWarehouse;
import io.heavyingest.warehouse.heavydb.HeavyDbWarehouse;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one decision of which warehouse to open, from {@code heavy-ingest.warehouse.kind} and the HeavyDB URL, and
 * of where the HeavyDB password comes from: given directly (setting, environment, file), or read from Secrets
 * Manager when only a secret is named.
 */
final class Warehouses {
    /** One cached secret per secret id and process: read once, dropped before a snapshot, refreshed on rotation. */
    private static final Map<String, SecretsManagerPassword> SECRETS = new ConcurrentHashMap<>();

    private Warehouses() {
    }

    static Warehouse open(HeavyIngestConfig config, HeavyDbConfig heavydb, Function<String, String> environment) {
        Optional<String> url = HeavyDbEndpoint.url(heavydb, environment);
        return switch (config.warehouse().kind()) {
            case DUCKDB -> new DuckDbWarehouse(config);
            case HEAVYDB -> heavyDb(config, heavydb, environment, url.orElseThrow(() -> new IllegalArgumentException(
                    "heavy-ingest.warehouse.kind is HEAVYDB but no server is set: set HEAVYDB_URL"
                            + " (heavydb://user@host:6274/database) and HEAVYDB_PASSWORD")));
            case AUTO -> url.isPresent()
                    ? heavyDb(config, heavydb, environment, url.get())
                    : new DuckDbWarehouse(config);
        };
    }

    private static Warehouse heavyDb(HeavyIngestConfig config, HeavyDbConfig heavydb,
                                     Function<String, String> environment, String url) {
        Optional<String> password = HeavyDbEndpoint.password(heavydb, environment);
        if (password.isPresent() || heavydb.passwordSecretArn().isEmpty()) {
            // a missing password is refused by the endpoint with a message naming the settings
            return HeavyDbWarehouse.open(config, heavydb, HeavyDbEndpoint.parse(url, password.orElse(null)));
        }
        String secretId = heavydb.passwordSecretArn().get();
        SecretsManagerPassword secret = SECRETS.computeIfAbsent(secretId + " " + heavydb.secretsEndpoint()
                        .map(Object::toString).orElse(""),
                key -> new SecretsManagerPassword(secretId,
                        SecretsManagerClients.create(heavydb.secretsEndpoint(), Optional.empty())).registerForSnapshots());
        return secret.withRefreshOnce(p -> HeavyDbWarehouse.open(config, heavydb, HeavyDbEndpoint.parse(url, p)),
                e -> e instanceof HeavyDbAuthenticationException);
    }
}
