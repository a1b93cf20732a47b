package io.heavyingest.csv;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * Parses decimal text straight from bytes into a double, bit-for-bit equal to {@link Double#parseDouble}.
 *
 * <p>Why: {@code Double.parseDouble} on a fresh String dominates the cost of reading the wide file. Most P&amp;L
 * values have at most 16 significant digits and a small decimal exponent, and for those one IEEE multiply or
 * divide of two exact doubles is correctly rounded (Clinger's fast path). Everything else (a third of production values have 17
 * digits) goes to an exact Eisel-Lemire parser that also reads bytes. The mantissa keeps at most 18 significant
 * digits, so it can never overflow a {@code long}; longer mantissas, and exponents too long to hold, take the exact
 * path whatever their length.
 */
final class DecimalParser {
    /** Signals text that is not a decimal number; returned instead of thrown to keep the hot path cheap. */
    static final double INVALID = Double.longBitsToDouble(0x7ff8dead0000beefL);

    private static final long MAX_EXACT = 1L << 53;
    /** Significant digits kept in the mantissa: 18 always fit a signed long (10^18 - 1 < 2^63 - 1), 19 may not. */
    private static final int MAX_KEPT_DIGITS = 18;
    /** Exponent magnitude beyond which the exact value is out of double range either way; larger ones go to the slow path. */
    private static final int MAX_EXPONENT = 100_000;
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    private DecimalParser() {
    }

    /** True when {@code value} is the {@link #INVALID} marker (a NaN with a private payload). */
    static boolean isInvalid(double value) {
        return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(INVALID);
    }

    /**
     * Parses {@code [+-]digits[.digits][(e|E)[+-]digits]} in {@code b[from, to)}. Returns {@link #INVALID} for
     * anything else, including NaN and Infinity spellings (callers report those separately).
     */
    static double parse(byte[] b, int from, int to) {
        int i = from;
        if (i >= to) {
            return INVALID;
        }
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int digits = 0;
        int dropped = 0;      // integer digits that did not fit in the mantissa
        int fraction = 0;     // fraction digits kept in the mantissa
        while (i < to && isDigit(b[i])) {
            digits++;
            if (significant < MAX_KEPT_DIGITS) {
                mantissa = mantissa * 10 + (b[i] - '0');
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                dropped++;
            }
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && isDigit(b[i])) {
                digits++;
                if (significant < MAX_KEPT_DIGITS) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    fraction++;
                    if (mantissa != 0) {
                        significant++;
                    }
                } else if (b[i] != '0') {
                    dropped = Integer.MIN_VALUE; // precision beyond the kept digits: the exact parser rounds it
                }
                i++;
            }
        }
        if (digits == 0) {
            return INVALID;
        }
        int exponent = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int expDigits = 0;
            while (i < to && isDigit(b[i])) {
                if (exponent < MAX_EXPONENT) {
                    exponent = exponent * 10 + (b[i] - '0');
                } else {
                    dropped = Integer.MIN_VALUE; // exponent not held exactly: never take the fast path
                }
                expDigits++;
                i++;
            }
            if (expDigits == 0) {
                return INVALID;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            return INVALID;
        }
        if (mantissa == 0 && dropped == 0) {
            return negative ? -0.0 : 0.0;
        }
        int scale = exponent - fraction;
        if (dropped == 0 && mantissa <= MAX_EXACT && scale >= -22 && scale <= 22) {
            double m = mantissa;
            double value = scale < 0 ? m / POW10[-scale] : m * POW10[scale];
            return negative ? -value : value;
        }
        // validated above as plain decimal text, so the Java-literal extras of this parser are never reached
        return JavaDoubleParser.parseDouble(b, from, to - from);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
