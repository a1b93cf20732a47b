package io.heavyingest.optimize;

import org.eclipse.microprofile.config.spi.Converter;

import java.util.Locale;

/** Reads one algorithm name of {@code heavy-ingest.optimize.algorithms}, in any case; an unknown name fails start-up. */
public final class AlgorithmConverter implements Converter<Algorithm> {

    @Override
    public Algorithm convert(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT);
        try {
            return Algorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown algorithm \"" + value.trim() + "\": use one of "
                    + java.util.Arrays.toString(Algorithm.values()));
        }
    }
}
