package io.heavyingest.optimize;

import java.util.stream.IntStream;

/**
 * Portfolio sizes swept, inclusive.
 *
 * @param min smallest size, at least 1
 * @param max largest size, at least min
 */
public record SizeRange(int min, int max) {

    public SizeRange {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("portfolio sizes must satisfy 1 <= min <= max, got " + min + ".." + max);
        }
    }

    /** Parses "35..60" or a single size "40". */
    public static SizeRange parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            int dots = t.indexOf("..");
            if (dots < 0) {
                int size = Integer.parseInt(t);
                return new SizeRange(size, size);
            }
            return new SizeRange(Integer.parseInt(t.substring(0, dots).trim()),
                    Integer.parseInt(t.substring(dots + 2).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("portfolio sizes must look like 35..60 or 40, not \"" + text + "\"");
        }
    }

    public IntStream sizes() {
        return IntStream.rangeClosed(min, max);
    }

    public int count() {
        return max - min + 1;
    }

    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + ".." + max;
    }
}
