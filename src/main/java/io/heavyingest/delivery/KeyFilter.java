package io.heavyingest.delivery;

import io.heavyingest.bucket.BucketConfig;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which object keys are loads: below the incoming prefix and with a CSV suffix. Everything else, such as
 * the manifests and reports this function writes itself, is acknowledged and ignored.
 */
final class KeyFilter {
    private final String prefix;
    private final List<String> suffixes;

    KeyFilter(BucketConfig config) {
        this.prefix = config.incomingPrefix();
        this.suffixes = config.suffixes().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /** Why {@code key} is not loaded, or empty when it is. */
    Optional<String> rejectReason(String key) {
        if (!key.startsWith(prefix)) {
            return Optional.of("key is not under the incoming prefix \"" + prefix + "\"");
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (key.length() == prefix.length() || key.endsWith("/")) {
            return Optional.of("key names a folder, not a file");
        }
        if (suffixes.stream().noneMatch(lower::endsWith)) {
            return Optional.of("key does not end with one of " + suffixes);
        }
        return Optional.empty();
    }
}
