package io.heavyingest.optimize;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyUniverseTest {

    @Test
    void sum_anyMemberCount_shouldEqualOneMemberAtATimeBitForBit() {
        StrategyUniverse u = Matrices.realSample(0);
        SplittableRandom random = new SplittableRandom(11);
        int days = u.days();
        double[] blocks = u.blocks();
        for (int n = 1; n <= 13; n++) {
            for (int trial = 0; trial < 20; trial++) {
                int[] members = random.ints(0, u.size()).distinct().limit(n).toArray();
                double[] pnl = new double[days];
                double[] z = new double[days];
                double self = u.sum(members, pnl, z);

                double[] expectedPnl = new double[days];
                double[] expectedZ = new double[days];
                double expectedSelf = 0;
                for (int s : members) {
                    int p = u.blockOffset(s);
                    for (int t = 0; t < days; t++) {
                        expectedPnl[t] += blocks[p + t];
                        expectedZ[t] += blocks[p + days + t];
                    }
                    expectedSelf += u.zSelf(s);
                }
                for (int t = 0; t < days; t++) {
                    assertThat(Double.doubleToRawLongBits(pnl[t])).as("P&L sum, %d members, day %d", n, t)
                            .isEqualTo(Double.doubleToRawLongBits(expectedPnl[t]));
                    assertThat(Double.doubleToRawLongBits(z[t])).as("z sum, %d members, day %d", n, t)
                            .isEqualTo(Double.doubleToRawLongBits(expectedZ[t]));
                }
                assertThat(self).isEqualTo(expectedSelf);
            }
        }
    }

    @Test
    void sum_reusedBuffers_shouldOverwriteNotAccumulate() {
        StrategyUniverse u = Matrices.realSample(0);
        int[] members = {3, 17, 42, 99, 250};
        double[] first = new double[u.days()];
        double[] firstZ = new double[u.days()];
        u.sum(members, first, firstZ);
        double[] again = first.clone();
        double[] againZ = firstZ.clone();
        u.sum(members, again, againZ);
        assertThat(again).containsExactly(first);
        assertThat(againZ).containsExactly(firstZ);
    }
}
