package io.heavyingest.events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Object keys as events carry them: URL-encoded, with {@code +} for a space. */
public final class ObjectKeys {
    private ObjectKeys() {
    }

    public static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("object key is not URL-encoded correctly: \"" + encoded + "\"", e);
        }
    }
}
