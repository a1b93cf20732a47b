package io.heavyingest.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The generator's files against the real 500-strategy sample, same width and days, side by side. Bands: quartiles
 * of per-strategy max drawdown and daily volatility within 25% of the real ones, win-rate quartiles within 0.05,
 * the flat share within 0.02 and the mean pairwise correlation within 0.05, for three seeds.
 */
class GeneratorRealismTest {
    private static SampleStatistics real;

    @BeforeAll
    static void readRealSample() throws IOException {
        try (InputStream in = GeneratorRealismTest.class.getResourceAsStream("/data/sensex_500x82.csv")) {
            real = SampleStatistics.of(in);
        }
    }

    @Test
    void generatedFile_sameShapeAsTheRealSample_shouldHaveItsStatisticsWithinTheBands() throws IOException {
        for (long seed : new long[] {1, 2, 42}) {
            SampleStatistics generated = SampleStatistics.of(PnlFileGeneratorTest.generate(GeneratorSpec.of(82, 500, seed)));
            String context = "seed " + seed + "\n real      " + real + "\n generated " + generated;
            System.out.println(context);

            for (int q = 0; q < 3; q++) {
                assertThat(generated.maxDrawdown()[q]).as(context)
                        .isCloseTo(real.maxDrawdown()[q], within(0.25 * real.maxDrawdown()[q]));
                assertThat(generated.volatility()[q]).as(context)
                        .isCloseTo(real.volatility()[q], within(0.25 * real.volatility()[q]));
                assertThat(generated.winRate()[q]).as(context).isCloseTo(real.winRate()[q], within(0.05));
            }
            assertThat(generated.flatShare()).as(context).isCloseTo(real.flatShare(), within(0.02));
            assertThat(generated.meanCorrelation()).as(context).isCloseTo(real.meanCorrelation(), within(0.05));
        }
    }

    @Test
    void realSampleResource_shouldHoldTheSameDataAsTheTestResource() throws IOException {
        RealSample sample = RealSample.get();
        double[][] test;
        try (InputStream in = GeneratorRealismTest.class.getResourceAsStream("/data/sensex_500x82.csv")) {
            test = SampleStatistics.series(in);
        }

        assertThat(sample.strategies()).isEqualTo(500);
        assertThat(sample.days()).isEqualTo(82);
        for (int s = 0; s < 500; s += 37) {
            for (int t = 0; t < 82; t++) {
                assertThat(sample.value(s, t)).isEqualTo(test[s][t]);
            }
        }
    }

    @Test
    void dayPath_anyLength_shouldUseEverySampleDayOncePerRoundInBlocks() {
        int[] path = PnlFileGenerator.dayPath(82 * 50, 82, new java.util.SplittableRandom(5));
        int continued = 0;
        for (int round = 0; round < 50; round++) {
            int[] days = java.util.Arrays.copyOfRange(path, 82 * round, 82 * (round + 1));
            java.util.Arrays.sort(days);
            assertThat(days).isEqualTo(java.util.stream.IntStream.range(0, 82).toArray());
        }
        for (int d = 1; d < path.length; d++) {
            continued += path[d] == path[d - 1] + 1 ? 1 : 0;
        }
        // inside a block the next day follows (probability 5/6 per day); a shuffled block rarely does
        assertThat(continued / (double) path.length).isBetween(0.78, 0.88);
        assertThat(PnlFileGenerator.dayPath(7, 82, new java.util.SplittableRandom(5))).hasSize(7);
    }
}
