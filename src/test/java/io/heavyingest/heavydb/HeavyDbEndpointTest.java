package io.heavyingest.heavydb;

import io.heavyingest.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeavyDbEndpointTest {

    @TempDir
    Path dir;

    @Test
    void parse_fullUrl_shouldTakeEveryPart() {
        HeavyDbEndpoint e = HeavyDbEndpoint.parse("heavydb://analyst@10.0.0.5:7000/quant", "pw");

        assertThat(e).isEqualTo(new HeavyDbEndpoint("10.0.0.5", 7000, "analyst", "quant", "pw"));
        assertThat(e.address()).isEqualTo("10.0.0.5:7000/quant");
    }

    @Test
    void parse_hostOnly_shouldUseDefaultUserPortAndDatabase() {
        assertThat(HeavyDbEndpoint.parse("heavydb://db.internal", "pw"))
                .isEqualTo(new HeavyDbEndpoint("db.internal", 6274, "admin", "heavyai", "pw"));
    }

    @Test
    void toString_always_shouldHideThePassword() {
        HeavyDbEndpoint e = HeavyDbEndpoint.parse("heavydb://admin@h:6274/heavyai", "s3cr3t-value");

        assertThat(e.toString()).isEqualTo("heavydb://admin@h:6274/heavyai").doesNotContain("s3cr3t");
    }

    @Test
    void parse_passwordInsideUrl_shouldBeRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> HeavyDbEndpoint.parse("heavydb://admin:s3cr3t@h:6274/heavyai", "pw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HEAVYDB_PASSWORD")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void parse_otherScheme_shouldBeRefused() {
        assertThatThrownBy(() -> HeavyDbEndpoint.parse("jdbc://h:6274", "pw"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heavydb://");
    }

    @Test
    void resolve_nothingSet_shouldBeEmptySoDuckDbIsUsed() {
        assertThat(HeavyDbEndpoint.resolve(config(Map.of()), name -> null)).isEmpty();
    }

    @Test
    void resolve_plainEnvironmentNames_shouldBeAccepted() {
        Map<String, String> env = Map.of("HEAVYDB_URL", "heavydb://admin@10.0.0.5:6274/heavyai",
                "HEAVYDB_PASSWORD", "from-env");

        assertThat(HeavyDbEndpoint.resolve(config(Map.of()), env::get))
                .contains(new HeavyDbEndpoint("10.0.0.5", 6274, "admin", "heavyai", "from-env"));
    }

    @Test
    void resolve_passwordFile_shouldBeReadAndTrimmed() throws Exception {
        Path secret = dir.resolve("pw");
        Files.writeString(secret, "from-file\n");
        Map<String, String> env = Map.of("HEAVYDB_URL", "heavydb://h", "HEAVYDB_PASSWORD_FILE", secret.toString());

        assertThat(HeavyDbEndpoint.resolve(config(Map.of()), env::get).orElseThrow().password()).isEqualTo("from-file");
    }

    @Test
    void resolve_mappedSettings_shouldWinOverPlainEnvironment() {
        HeavyDbConfig c = config(Map.of("heavy-ingest.heavydb.url", "heavydb://cfg-host",
                "heavy-ingest.heavydb.password", "from-config"));
        Map<String, String> env = Map.of("HEAVYDB_URL", "heavydb://env-host", "HEAVYDB_PASSWORD", "from-env");

        HeavyDbEndpoint e = HeavyDbEndpoint.resolve(c, env::get).orElseThrow();

        assertThat(e.host()).isEqualTo("cfg-host");
        assertThat(e.password()).isEqualTo("from-config");
    }

    @Test
    void resolve_urlWithoutAnyPassword_shouldSayWhereToPutIt() {
        Map<String, String> env = Map.of("HEAVYDB_URL", "heavydb://h");

        assertThatThrownBy(() -> HeavyDbEndpoint.resolve(config(Map.of()), env::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HEAVYDB_PASSWORD_FILE");
    }

    private static HeavyDbConfig config(Map<String, String> overrides) {
        return ConfigLoader.load(HeavyDbConfig.class, overrides);
    }

    @Test
    void password_fileSettingHoldingThePasswordItself_shouldFailWithoutEchoingIt() {
        HeavyDbConfig config = ConfigLoader.build(Map.of(), java.util.List.of(HeavyDbConfig.class))
                .getConfigMapping(HeavyDbConfig.class);
        String mistaken = "Sup3r-s3cret-pw";

        assertThatThrownBy(() -> HeavyDbEndpoint.password(config, Map.of("HEAVYDB_PASSWORD_FILE", mistaken)::get))
                .hasMessageContaining("HEAVYDB_PASSWORD_FILE")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(mistaken);
                        assertThat(String.valueOf(t)).doesNotContain(mistaken);
                    }
                });
    }

    @Test
    void parse_heavydbsUrl_shouldAskForTlsAndSayItInToString() {
        HeavyDbEndpoint e = HeavyDbEndpoint.parse("heavydbs://analyst@db.internal:6274/quant", "pw");

        assertThat(e.tls()).isTrue();
        assertThat(e.toString()).isEqualTo("heavydbs://analyst@db.internal:6274/quant");
        assertThat(HeavyDbEndpoint.parse("heavydb://db.internal", "pw").tls()).isFalse();
    }
}
