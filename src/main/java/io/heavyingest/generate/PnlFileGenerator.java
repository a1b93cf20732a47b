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
 * production pattern ({@code SENSEX 1336-1406 SL71%TP27%}), heavy-tailed signed P&amp;L with a few flat days,
 * values in Python float notation. Deterministic: the same spec always produces the same bytes.
 */
public final class PnlFileGenerator {
    // holding windows, stop losses and take profits as seen in the real production subset
    private static final int[] WINDOW_MINUTES = {30, 60, 120, 180, 240};
    private static final int LAST_EXIT = 15 * 60 + 25;

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
        Strategy[] strategies = new Strategy[names.size()];
        SplittableRandom params = random.split();
        for (int s = 0; s < strategies.length; s++) {
            strategies[s] = Strategy.random(params);
        }
        SplittableRandom values = random.split();
        SplittableRandom market = random.split();
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
            double marketMove = fatTailed(market);
            line.append(date).append(',').append(date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            for (Strategy s : strategies) {
                line.append(',').append(PythonFloat.repr(s.pnl(values, marketMove)));
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

    /** Student-t with 3 degrees of freedom, scaled to unit variance: fat tails like real option P&L. */
    static double fatTailed(SplittableRandom r) {
        double chi2 = 0;
        for (int k = 0; k < 3; k++) {
            double g = r.nextGaussian();
            chi2 += g * g;
        }
        return r.nextGaussian() / Math.sqrt(chi2 / 3) / Math.sqrt(3);
    }

    /**
     * One strategy's P&L process: lots of an option traded at two-decimal prices. A day's move is a share of the
     * market's move (strategies on one index are correlated; the real sample's mean pairwise correlation is about
     * 0.15) plus the strategy's own fat-tailed noise, with a small drift that is as often negative as positive.
     */
    private record Strategy(int lotSize, double scale, double drift, double loading, double flatProbability) {
        static Strategy random(SplittableRandom r) {
            int lot = 5 + 5 * r.nextInt(8);
            double scale = Math.exp(r.nextGaussian() * 0.6) * 6.0;   // points per lot, log-normal across strategies
            double drift = (r.nextDouble() - 0.6) * scale * 0.12;
            double loading = 0.75 * Math.max(-1, Math.min(1, 0.55 + 0.5 * r.nextGaussian()));
            return new Strategy(lot, scale, drift, loading, r.nextDouble() * 0.004);
        }

        double pnl(SplittableRandom r, double market) {
            if (r.nextDouble() < flatProbability) {
                return 0.0;
            }
            double own = Math.sqrt(1 - loading * loading) * fatTailed(r);
            double move = drift + scale * (loading * market + own);
            double entry = Math.round((50 + r.nextDouble() * 450) * 100) / 100.0;
            double exit = Math.round((entry + move) * 100) / 100.0;
            return (exit - entry) * lotSize;   // float noise like the production files: 63.45000000000016
        }
    }
}
