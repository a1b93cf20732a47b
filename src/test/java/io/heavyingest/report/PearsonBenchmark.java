package io.heavyingest.report;

import io.heavyingest.optimize.PnlMatrix;
import java.util.Arrays;

/**
 * Prints how long the in-function correlation of the top 1,000 strategies takes on a production-shaped matrix
 * (82 days x 25,544 strategies): selection by total P&amp;L, then the 1000 x 1000 Pearson matrix. Not a test:
 * run {@code ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.heavyingest.report.PearsonBenchmark [-Dexec.args="runs"]}.
 */
public final class PearsonBenchmark {
    private PearsonBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        PnlMatrix m = SampleReports.matrix(82, 25_544, 42);
        double[] select = new double[runs];
        double[] pearson = new double[runs];
        double checksum = 0;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            int[] top = TopStrategies.select(m, 1_000, TopStrategies.Definition.TOTAL_PNL);
            long t1 = System.nanoTime();
            CorrelationMatrix c = Pearson.matrix(m, top, "top 1000");
            long t2 = System.nanoTime();
            select[r] = (t1 - t0) / 1e6;
            pearson[r] = (t2 - t1) / 1e6;
            checksum += c.get(1, 2);
        }
        System.out.printf("top-1000 selection over 25,544 x 82: first %.1f ms, median of %d warm runs %.1f ms%n",
                select[0], runs - 1, median(Arrays.copyOfRange(select, 1, runs)));
        System.out.printf("1000 x 1000 Pearson (499,500 pairs x 82 days): first %.1f ms, median of %d warm runs "
                + "%.1f ms (checksum %.6f)%n", pearson[0], runs - 1, median(Arrays.copyOfRange(pearson, 1, runs)),
                checksum);
    }

    private static double median(double[] v) {
        return Benchmark.median(v);
    }
}
