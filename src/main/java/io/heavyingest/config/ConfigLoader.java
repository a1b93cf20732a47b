package io.heavyingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the product's configuration outside Quarkus (the local command, benchmarks, plain unit tests) from the
 * same sources Quarkus reads: system properties, environment, {@code config/application.properties} in the
 * working directory, then {@code application.properties} on the class path.
 */
public final class ConfigLoader {
    /**
     * Concerns that declare their own {@code @ConfigMapping} under {@code heavy-ingest.<concern>}. Loading one
     * mapping must not reject the others' properties as unknown; each still validates its own namespace.
     */
    static final List<String> CAPABILITY_GROUPS = List.of("heavydb", "optimize", "bucket", "delivery", "bench", "report", "function");

    private ConfigLoader() {
    }

    /** Loads the configuration from the standard sources. */
    public static HeavyIngestConfig load() {
        return load(Map.of());
    }

    /** Loads the configuration with {@code overrides} taking precedence over every other source. */
    public static HeavyIngestConfig load(Map<String, String> overrides) {
        return load(HeavyIngestConfig.class, overrides);
    }

    /**
     * Loads any {@code @ConfigMapping} of the product (each capability may declare its own group under the
     * {@code heavy-ingest.} prefix) with {@code overrides} taking precedence.
     */
    public static <T> T load(Class<T> mapping, Map<String, String> overrides) {
        return build(overrides, List.of(mapping)).getConfigMapping(mapping);
    }

    /**
     * Builds one configuration holding every mapping in {@code mappings}: each is validated once, and a bad value
     * fails here with its property name. Capability groups without a mapping in the list are left alone.
     */
    public static SmallRyeConfig build(Map<String, String> overrides, List<Class<?>> mappings) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDefaultSources()
                .addDiscoveredConverters()
                .withSources(new PropertiesConfigSource(overrides, "overrides", 500));
        List<String> prefixes = new java.util.ArrayList<>();
        for (Class<?> mapping : mappings) {
            builder.withMapping(mapping);
            prefixes.add(mapping.isAnnotationPresent(ConfigMapping.class)
                    ? mapping.getAnnotation(ConfigMapping.class).prefix() : "");
        }
        for (String group : CAPABILITY_GROUPS) {
            String namespace = "heavy-ingest." + group;
            if (prefixes.stream().noneMatch(p -> p.equals(namespace) || p.startsWith(namespace + "."))) {
                builder.withMappingIgnore(namespace + ".**");
            }
        }
        Path userFile = Path.of("config", "application.properties");
        if (Files.isRegularFile(userFile)) {
            builder.withSources(properties(userFile.toUri().toString(), 260));
        }
        URL bundled = ConfigLoader.class.getClassLoader().getResource("application.properties");
        if (bundled != null) {
            builder.withSources(properties(bundled.toString(), 250));
        }
        return builder.build();
    }

    private static PropertiesConfigSource properties(String url, int ordinal) {
        try {
            return new PropertiesConfigSource(new URL(url), ordinal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + url, e);
        }
    }

}
