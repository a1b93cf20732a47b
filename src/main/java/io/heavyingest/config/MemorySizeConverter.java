package io.heavyingest.config;

import org.eclipse.microprofile.config.spi.Converter;

import java.util.regex.Pattern;

/**
 * Reads a memory size in DuckDB's syntax ({@code 256MB}, {@code 1.5GB}, {@code 512MiB}) and passes it on trimmed; any
 * other value fails start-up naming the property, instead of failing later inside the database.
 */
public final class MemorySizeConverter implements Converter<String> {
    private static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?\\s*([KMGT]i?B|B)", Pattern.CASE_INSENSITIVE);

    @Override
    public String convert(String value) {
        String trimmed = value.trim();
        if (!SIZE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("expected a size such as 256MB or 2GB, not \"" + value + "\"");
        }
        return trimmed;
    }
}
