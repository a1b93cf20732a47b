package io.heavyingest.csv;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Parses decimal text straight from bytes into a double, bit-for-bit equal to {@link Double#parseDouble}.
 *
 * <p>Every digit is read once, into an unsigned 64-bit significand {@code w} and a decimal power {@code q}
 * (value = w x 10^q); with at most 19 significant digits {@code w} is exact. Then, in order:
 * <ol>
 * <li><b>Clinger's fast path</b>: when {@code w <= 2^53} and {@code |q| <= 22}, both {@code w} and {@code 10^|q|} are
 * exact doubles, so one IEEE multiply or divide is the correctly rounded result.</li>
 * <li><b>Eisel-Lemire</b>: {@code w} times a 128-bit truncation of {@code 10^q} gives the correctly rounded double
 * unless the product is too close to a rounding boundary to decide, which the algorithm detects (rare; possible
 * exact ties among them).</li>
 * <li>Otherwise (more than 19 significant digits, undecided products, subnormal or overflowing results, exponents
 * beyond the table), {@code JavaDoubleParser}, exact for every input, on the same bytes.</li>
 * </ol>
 * The P&amp;L values of the production file (15 to 17 significant digits) take the first two steps and never reach the
 * third, so nothing is parsed twice.
 */
final class DecimalParser {
    /** Signals text that is not a decimal number; returned instead of thrown to keep the hot path cheap. */
    static final double INVALID = Double.longBitsToDouble(0x7ff8dead0000beefL);

    private static final long MAX_EXACT = 1L << 53;
    /** Significant digits held in the significand: 10^19 - 1 < 2^64, so 19 always fit as an unsigned long. */
    private static final int MAX_DIGITS = 19;
    /** Exponent magnitude beyond which the exact value is out of double range either way; larger ones go to the slow path. */
    private static final int MAX_EXPONENT = 100_000;
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    /** Result of {@link #eiselLemire} when it cannot decide; no double it produces has these bits (a NaN). */
    private static final long UNDECIDED = -1L;
    private static final long ZEROS = 0x3030_3030_3030_3030L;
    private static final long[] LONG_POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};
    /** Eight bytes of the text at once, little-endian whatever the platform, for the 8-digit step. */
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
        byte first = b[i];
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        // one pass over the digits, up to 8 at a time where the array allows: with at most 19 of them, w is exact
        // (10^19 - 1 < 2^64, unsigned); with more, w is the value modulo 2^64, still exact when the leading zeros
        // leave 19 or fewer
        long w = 0;
        int digitsStart = i;
        int d;
        while (i + 8 <= b.length) { // up to 8 digits per step; bytes past `to` are read but never used
            long word = (long) LONG_LE.get(b, i);
            int n = Math.min(leadingDigits(word), to - i);
            if (n == 8) {
                w = w * 100_000_000L + valueOfEightDigits(word);
                i += 8;
                continue;
            }
            if (n > 0) {
                w = w * LONG_POW10[n] + valueOfDigits(word, n);
                i += n;
            }
            break;
        }
        while (i < to && (d = (b[i] - '0') & 0xff) < 10) { // one compare: any other byte lands on 10..255
            w = 10 * w + d;
            i++;
        }
        int digits = i - digitsStart;
        int fraction = 0;
        if (i < to && b[i] == '.') {
            i++;
            int fractionStart = i;
            while (i + 8 <= b.length) {
                long word = (long) LONG_LE.get(b, i);
                int n = Math.min(leadingDigits(word), to - i);
                if (n == 8) {
                    w = w * 100_000_000L + valueOfEightDigits(word);
                    i += 8;
                    continue;
                }
                if (n > 0) {
                    w = w * LONG_POW10[n] + valueOfDigits(word, n);
                    i += n;
                }
                break;
            }
            while (i < to && (d = (b[i] - '0') & 0xff) < 10) {
                w = 10 * w + d;
                i++;
            }
            fraction = i - fractionStart;
            digits += fraction;
        }
        if (digits == 0) {
            return INVALID;
        }
        int exponent = 0;
        boolean exact = true;   // false when the written exponent is too long to hold
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int expStart = i;
            while (i < to && (d = (b[i] - '0') & 0xff) < 10) {
                if (exponent < MAX_EXPONENT) {
                    exponent = exponent * 10 + d;
                } else {
                    exact = false;
                }
                i++;
            }
            if (i == expStart) {
                return INVALID;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != to) {
            return INVALID;
        }
        if (digits > MAX_DIGITS) {
            // leading zeros are not significant: w is still exact when at most 19 digits follow them
            int significant = digits - leadingZeros(b, digitsStart, to);
            if (significant == 0) {
                return negative ? -0.0 : 0.0;
            }
            if (significant > MAX_DIGITS) {
                exact = false; // more precision than w holds: the exact parser rounds it
            }
        } else if (w == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (exact) {
            int power = exponent - fraction;
            if (power >= -22 && power <= 22 && Long.compareUnsigned(w, MAX_EXACT) <= 0) {
                double m = w;
                double value = power < 0 ? m / POW10[-power] : m * POW10[power];
                return negative ? -value : value;
            }
            long bits = eiselLemire(w, power, negative);
            if (bits != UNDECIDED) {
                return Double.longBitsToDouble(bits);
            }
        }
        // validated above as plain decimal text, so the Java-literal extras of this parser are never reached
        return JavaDoubleParser.parseDouble(b, from, to - from);
    }

    /**
     * How many of the 8 bytes of {@code v} (little-endian: first byte lowest) are ASCII digits before the first other
     * byte. A byte outside '0'..'9' gets its high bit set by the add (above '9') or the subtract (below '0'); the
     * borrow of a subtract reaches only later bytes, so the lowest mark is exact.
     */
    private static int leadingDigits(long v) {
        long marks = ((v + 0x4646_4646_4646_4646L) | (v - ZEROS)) & 0x8080_8080_8080_8080L;
        return Long.numberOfTrailingZeros(marks) >>> 3; // 8 when there is no mark (64 trailing zeros)
    }

    /** The number written by the first {@code n} (1..7) digits of {@code v}: moved up, with '0's in front. */
    private static long valueOfDigits(long v, int n) {
        return valueOfEightDigits((v << (64 - 8 * n)) | (ZEROS >>> (8 * n)));
    }

    /** The number written by 8 ASCII digits read little-endian (first digit in the low byte), in three multiplies. */
    private static long valueOfEightDigits(long v) {
        long x = v - ZEROS;                            // 8 digit values, one per byte
        x = x * 10 + (x >>> 8);                        // pairs: 10 x d[2k] + d[2k+1] in the even bytes
        return ((x & 0x0000_00FF_0000_00FFL) * (100 + (1_000_000L << 32))
                + ((x >>> 16) & 0x0000_00FF_0000_00FFL) * (1 + (10_000L << 32))) >>> 32;
    }

    /** Zeros (and a decimal point among them) before the first nonzero digit in {@code b[from, to)}. */
    private static int leadingZeros(byte[] b, int from, int to) {
        int zeros = 0;
        for (int i = from; i < to && (b[i] == '0' || b[i] == '.'); i++) {
            zeros += b[i] == '0' ? 1 : 0;
        }
        return zeros;
    }

    /**
     * The double nearest to {@code w x 10^q} ({@code w} unsigned and not zero), rounding half to even, as raw bits;
     * {@link #UNDECIDED} when the 128-bit product cannot decide the rounding, or the result is subnormal, infinite
     * or out of the table's range. Eisel and Lemire's algorithm (Lemire, "Number Parsing at a Gigabyte per Second",
     * 2021), written here against {@link PowersOfTen}.
     */
    private static long eiselLemire(long w, int q, boolean negative) {
        if (q < PowersOfTen.MIN_Q || q > PowersOfTen.MAX_Q) {
            return UNDECIDED;
        }
        int shift = Long.numberOfLeadingZeros(w);
        long m = w << shift;
        int row = q - PowersOfTen.MIN_Q;
        long tableHigh = PowersOfTen.HIGH[row];
        long hi = unsignedMultiplyHigh(m, tableHigh);
        long lo = m * tableHigh;
        // the table is truncated, so the exact product lies in [hi:lo, hi:lo + m); when that interval may carry into
        // the bits that decide rounding, add the next 64 bits of 10^q
        if ((hi & 0x1FF) == 0x1FF && Long.compareUnsigned(lo + m, m) < 0) {
            long tableLow = PowersOfTen.LOW[row];
            long yHi = unsignedMultiplyHigh(m, tableLow);
            long yLo = m * tableLow;
            long mergedLo = lo + yHi;
            long mergedHi = Long.compareUnsigned(mergedLo, lo) < 0 ? hi + 1 : hi;
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo == -1L && Long.compareUnsigned(yLo + m, m) < 0) {
                return UNDECIDED;
            }
            hi = mergedHi;
            lo = mergedLo;
        }
        long top = hi >>> 63;
        long mantissa = hi >>> (top + 9);          // 54 bits: the 53 of the result and one to round with
        long exponent = ((217706L * q) >> 16) + 64 + 1023 - shift - (1 ^ top); // 217706 / 2^16 ~ log2(10)
        if (lo == 0 && (hi & 0x1FF) == 0 && (mantissa & 3) == 1) {
            return UNDECIDED; // possibly exactly halfway: the truncated bits cannot tell
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >>> 53 != 0) {
            mantissa >>>= 1;
            exponent++;
        }
        if (exponent <= 0 || exponent >= 0x7FF) {
            return UNDECIDED; // subnormal or infinite: the exact parser decides
        }
        long bits = exponent << 52 | (mantissa & 0x000F_FFFF_FFFF_FFFFL);
        return negative ? bits | Long.MIN_VALUE : bits;
    }

    /** High 64 bits of the unsigned 128-bit product (Java 17 has only the signed {@link Math#multiplyHigh}). */
    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
