package io.heavyingest.report;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting shared by the report's texts and pages. */
final class Numbers {
    private Numbers() {
    }

    /** Up to four significant decimals, no exponent for everyday magnitudes, no trailing zeros. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        double abs = Math.abs(value);
        if (abs != 0 && (abs >= 1e15 || abs < 1e-4)) {
            return String.format(Locale.ROOT, "%.4g", value);
        }
        String s = abs >= 100 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.4f", value);
        s = new BigDecimal(s).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** Whole numbers with thousands separators: {@code 2,094,608}. */
    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
