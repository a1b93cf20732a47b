package io.heavyingest.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes wide P&amp;L files shaped like production: {@code Date,Day,<strategies>}, strategy names in the
 * production pattern ({@code SENSEX 1336-1406 SL71%TP27%}), values in Python float notation. Deterministic: the
 * same spec always produces the same bytes.
 *
 * <p>The values are resampled from a real 500-strategy sample of a production file ({@link RealSample}), so the
 * statistics the optimizer feels (drawdowns, win rates, volatility, flat days, correlation between strategies)
 * are those of real data rather than of a parametric model:
 * <ul>
 *   <li>Days: one block shuffle of the sample's days per file (blocks of {@value #MEAN_BLOCK} days on average,
 *       repeated for longer files), shared by every strategy, so generated day t is real day path[t] for all of
 *       them and the cross-sectional correlation (the common market) is kept, as are short runs of losing
 *       days.</li>
 *   <li>Strategies: each is a real column mixed with a second one (weight up to {@value #MAX_MIX}) and scaled like
 *       a different lot size (log-normal, sigma {@value #SCALE_SIGMA}), so 25,544 strategies are distinct but
 *       related, like the variants of one entry window in production. The main column carries {@value #NOISE}
 *       relative noise per day, drawn once per (sample column, day) and shared by every strategy built on that
 *       column: variants of one column differ by their mix and scale, never by independent daily luck, which a
 *       search over 25,544 strategies could otherwise pick day by day into a portfolio that never loses. A day
 *       the main column was flat (0.0) stays flat.</li>
 *   <li>Values are quantized like option prices: (exit - entry) x lot with two-decimal prices, which gives the
 *       float noise of the production files ({@code 63.45000000000016}).</li>
 * </ul>
 */
public final class PnlFileGenerator {
    // holding windows, stop losses and take profits as seen in the real production subset
    private static final int[] WINDOW_MINUTES = {30, 60, 120, 180, 240};
    private static final int LAST_EXIT = 15 * 60 + 25;
    /** Mean block length, in days, of the bootstrap of the sample's days. */
    static final int MEAN_BLOCK = 6;
    /** Largest weight of the second column mixed into a strategy. */
    static final double MAX_MIX = 0.15;
    /** Standard deviation of the log of a strategy's scale. */
    static final double SCALE_SIGMA = 0.15;
    /** Standard deviation of the relative noise on each day's value. */
    static final double NOISE = 0.2;

    private PnlFileGenerator() {
    }

    /** Writes the file and returns its size in bytes. */
    public static long write(GeneratorSpec spec, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(spec, out);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return Files.size(file);
    }

    public static void write(GeneratorSpec spec, OutputStream target) throws IOException {
        SplittableRandom random = new SplittableRandom(spec.seed());
        List<String> names = strategyNames(spec.strategies(), random.split());
        RealSample sample = RealSample.get();
        Strategy[] strategies = new Strategy[names.size()];
        SplittableRandom params = random.split();
        for (int s = 0; s < strategies.length; s++) {
            strategies[s] = Strategy.random(params, sample.strategies());
        }
        SplittableRandom values = random.split();
        int[] path = dayPath(spec.days(), sample.days(), random.split());
        SplittableRandom noiseRandom = random.split();
        double[] noise = new double[sample.strategies()];
        String eol = spec.crlf() ? "\r\n" : "\n";
        OutputStream out = new BufferedOutputStream(target, 1 << 20);
        StringBuilder line = new StringBuilder(1 << 16);
        line.append("Date,Day");
        for (String name : names) {
            line.append(',').append(name);
        }
        line.append(eol);
        flush(line, out);
        LocalDate date = spec.firstDate();
        for (int d = 0; d < spec.days(); d++) {
            date = weekday(date);
            int day = path[d];
            for (int c = 0; c < noise.length; c++) {
                noise[c] = 1 + NOISE * noiseRandom.nextGaussian();   // this day's noise of sample column c
            }
            line.append(date).append(',').append(date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            for (Strategy s : strategies) {
                line.append(',').append(PythonFloat.repr(s.pnl(values, sample, day, noise[s.main()])));
            }
            line.append(eol);
            flush(line, out);
            date = date.plusDays(spec.cadenceDays());
        }
        out.flush();
    }

    private static void flush(StringBuilder line, OutputStream out) throws IOException {
        out.write(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    private static LocalDate weekday(LocalDate date) {
        while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            date = date.plusDays(1);
        }
        return date;
    }

    /** Unique names in the production pattern {@code SENSEX <entry>-<exit> SL<n>%[TP<n>%]}. */
    static List<String> strategyNames(int count, SplittableRandom random) {
        Set<String> names = new LinkedHashSet<>(count * 2);
        while (names.size() < count) {
            int window = WINDOW_MINUTES[random.nextInt(WINDOW_MINUTES.length)];
            int entry = 9 * 60 + 16 + random.nextInt(LAST_EXIT - window - (9 * 60 + 16) + 1);
            StringBuilder sb = new StringBuilder(28).append("SENSEX ")
                    .append(hhmm(entry)).append('-').append(hhmm(entry + window));
            if (random.nextInt(100) < 64) {
                sb.append(" SL").append(18 + random.nextInt(71)).append("%TP").append(22 + random.nextInt(46)).append('%');
            } else {
                sb.append(" SL").append(7 + random.nextInt(143)).append('%');
            }
            names.add(sb.toString());
        }
        return new ArrayList<>(names);
    }

    private static int hhmm(int minutes) {
        return minutes / 60 * 100 + minutes % 60;
    }

    /**
     * A block shuffle of the sample's days, {@code days} long: the sample's days are cut into blocks (a cut after
     * each day with probability 1 / {@link #MEAN_BLOCK}), the blocks are put in random order, and that is repeated
     * until the path is long enough. Every sample day appears once per round, so each strategy keeps its real
     * total and win rate while its drawdowns come from a new ordering of its real runs of days.
     */
    static int[] dayPath(int days, int sampleDays, SplittableRandom random) {
        int[] path = new int[days];
        int filled = 0;
        List<int[]> blocks = new ArrayList<>();
        while (filled < days) {
            blocks.clear();
            int start = 0;
            for (int d = 0; d < sampleDays; d++) {
                if (d == sampleDays - 1 || random.nextInt(MEAN_BLOCK) == 0) {
                    blocks.add(new int[] {start, d + 1});
                    start = d + 1;
                }
            }
            for (int i = blocks.size() - 1; i > 0; i--) {
                java.util.Collections.swap(blocks, i, random.nextInt(i + 1));
            }
            for (int[] b : blocks) {
                for (int d = b[0]; d < b[1] && filled < days; d++) {
                    path[filled++] = d;
                }
            }
        }
        return path;
    }

    /**
     * One generated strategy: sample column {@code main} mixed with {@code partner} at weight {@code mix}, times
     * {@code scale}, traded in lots of {@code lotSize}.
     */
    private record Strategy(int main, int partner, double mix, double scale, int lotSize) {
        static Strategy random(SplittableRandom r, int columns) {
            return new Strategy(r.nextInt(columns), r.nextInt(columns), r.nextDouble() * MAX_MIX,
                    Math.exp(r.nextGaussian() * SCALE_SIGMA), 5 + 5 * r.nextInt(8));
        }

        /** The P&amp;L on sample day {@code day}; {@code noise} is the day's relative noise of the main column. */
        double pnl(SplittableRandom r, RealSample sample, int day, double noise) {
            double a = sample.value(main, day);
            double entry = Math.round((50 + r.nextDouble() * 450) * 100) / 100.0;
            if (a == 0) {
                return 0.0;   // the strategy did not trade that day
            }
            double move = scale * ((1 - mix) * a + mix * sample.value(partner, day)) * noise / lotSize;
            double exit = Math.round((entry + move) * 100) / 100.0;
            return (exit - entry) * lotSize;   // float noise like the production files: 63.45000000000016
        }
    }
}
