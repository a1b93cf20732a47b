package io.heavyingest.optimize;

import org.eclipse.microprofile.config.spi.Converter;

/** Reads {@code heavy-ingest.optimize.sizes} ("35..60" or "40") as a {@link SizeRange}; a bad value fails start-up. */
public final class SizeRangeConverter implements Converter<SizeRange> {

    @Override
    public SizeRange convert(String value) {
        return SizeRange.parse(value);
    }
}
