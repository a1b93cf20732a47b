package io.heavyingest.csv;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PowersOfTenTest {

    /** The exact 128-bit truncated significand of 10^q, from integers. */
    static BigInteger expected(int q) {
        BigInteger five = BigInteger.valueOf(5).pow(Math.abs(q));
        if (q >= 0) {
            int excess = five.bitLength() - 128;
            return excess > 0 ? five.shiftRight(excess) : five.shiftLeft(-excess);
        }
        return BigInteger.ONE.shiftLeft(five.bitLength() + 127).divide(five);
    }

    @Test
    void table_everyPower_shouldBeTheTruncatedSignificandOfTenToTheQ() {
        assertThat(PowersOfTen.HIGH).hasSize(PowersOfTen.MAX_Q - PowersOfTen.MIN_Q + 1);
        assertThat(PowersOfTen.LOW).hasSize(PowersOfTen.HIGH.length);
        for (int q = PowersOfTen.MIN_Q; q <= PowersOfTen.MAX_Q; q++) {
            BigInteger want = expected(q);
            assertThat(want.bitLength()).as("q=%d", q).isEqualTo(128);
            BigInteger got = new BigInteger(Long.toUnsignedString(PowersOfTen.HIGH[q - PowersOfTen.MIN_Q]))
                    .shiftLeft(64).or(new BigInteger(Long.toUnsignedString(PowersOfTen.LOW[q - PowersOfTen.MIN_Q])));
            assertThat(got).as("q=%d", q).isEqualTo(want);
        }
    }

    @Test
    void table_powerZeroAndOne_shouldBeExact() {
        assertThat(PowersOfTen.HIGH[-PowersOfTen.MIN_Q]).isEqualTo(Long.MIN_VALUE); // 1 = 2^127 x 2^-127
        assertThat(PowersOfTen.LOW[-PowersOfTen.MIN_Q]).isZero();
        assertThat(PowersOfTen.HIGH[1 - PowersOfTen.MIN_Q]).isEqualTo(0xA000_0000_0000_0000L); // 10 = 1.25 x 2^3
    }
}
