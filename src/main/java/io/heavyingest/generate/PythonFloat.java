package io.heavyingest.generate;

import java.math.BigDecimal;

/**
 * Formats doubles the way Python's {@code repr(float)} does ({@code 325.7650000000006}, {@code 0.0},
 * {@code 1e-05}, {@code 1.5e+16}), which is how production files spell their values. The digits come from
 * {@link Double#toString}, so the text always parses back to the same double.
 */
public final class PythonFloat {
    private PythonFloat() {
    }

    public static String repr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-3 && magnitude < 1e7) {
            return Double.toString(v); // same fixed notation as Python in this range
        }
        BigDecimal d = new BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros();
        String digits = d.unscaledValue().toString();
        // value = 0.digits x 10^point
        int point = digits.length() - d.scale();
        StringBuilder sb = new StringBuilder(24);
        if (v < 0) {
            sb.append('-');
        }
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                sb.append("0.");
                sb.append("0".repeat(-point)).append(digits);
            } else if (point >= digits.length()) {
                sb.append(digits).append("0".repeat(point - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, point).append('.').append(digits, point, digits.length());
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int exp = point - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                sb.append('0');
            }
            sb.append(abs);
        }
        return sb.toString();
    }
}
