package io.heavyingest.optimize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The best fitness known for each portfolio size of one dataset under one fitness definition (drawdown floor),
 * with the portfolio that reached it. Estimated by long multi-seed runs of every algorithm and raised by any run
 * that does better; cached as a JSON file per dataset fingerprint and floor, so it is computed once.
 *
 * <p>A cached entry is only believed if its portfolio, scored again on the dataset, gives the recorded fitness:
 * a stale or edited file cannot inflate or deflate a ratio.
 */
public final class BestKnown {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final double AGREEMENT = 1e-9;

    /**
     * One size's best.
     *
     * @param size portfolio size
     * @param fitness fitness of the portfolio, scored from scratch
     * @param strategies the portfolio, by name
     * @param source how it was found, for example "SA seed 1001 x10"
     */
    public record Entry(int size, double fitness, List<String> strategies, String source) {
    }

    private final String fingerprint;
    private final double drawdownFloor;
    private final TreeMap<Integer, Entry> entries = new TreeMap<>();

    private BestKnown(String fingerprint, double drawdownFloor) {
        this.fingerprint = fingerprint;
        this.drawdownFloor = drawdownFloor;
    }

    /** Nothing known yet for {@code universe}. */
    public static BestKnown empty(StrategyUniverse universe) {
        return new BestKnown(universe.fingerprint(), universe.drawdownFloor());
    }

    /** The cache file of {@code universe} in {@code directory}: one per dataset fingerprint and drawdown floor. */
    public static Path file(Path directory, StrategyUniverse universe) {
        return directory.resolve("best-known-" + universe.fingerprint() + "-floor" + universe.drawdownFloor() + ".json");
    }

    /**
     * The cached estimate for {@code universe}, keeping only entries whose portfolio still scores its recorded
     * fitness; empty when there is no cache file.
     *
     * @throws BestKnownCacheException when the file exists but is not readable JSON
     */
    public static Optional<BestKnown> load(Path directory, StrategyUniverse universe) {
        Path file = file(directory, universe);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<?, ?> doc;
        try {
            doc = MAPPER.readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new BestKnownCacheException("cannot read the best-known cache " + file + ": " + e.getMessage(), e);
        }
        BestKnown known = empty(universe);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < universe.size(); i++) {
            index.put(universe.name(i), i);
        }
        Object rows = doc.get("sizes");
        if (rows instanceof List<?> list) {
            for (Object row : list) {
                known.verified(universe, index, (Map<?, ?>) row).ifPresent(e -> known.entries.put(e.size(), e));
            }
        }
        return Optional.of(known);
    }

    private Optional<Entry> verified(StrategyUniverse universe, Map<String, Integer> index, Map<?, ?> row) {
        try {
            int size = ((Number) row.get("size")).intValue();
            double fitness = ((Number) row.get("fitness")).doubleValue();
            List<String> names = new ArrayList<>();
            for (Object n : (List<?>) row.get("strategies")) {
                names.add((String) n);
            }
            int[] members = new int[names.size()];
            for (int i = 0; i < members.length; i++) {
                Integer m = index.get(names.get(i));
                if (m == null) {
                    return Optional.empty();
                }
                members[i] = m;
            }
            if (members.length != size) {
                return Optional.empty();
            }
            double actual = FitnessFunction.fitness(universe, members);
            if (Math.abs(actual - fitness) > AGREEMENT * Math.max(1, Math.abs(actual))) {
                return Optional.empty();
            }
            return Optional.of(new Entry(size, actual, List.copyOf(names), String.valueOf(row.get("source"))));
        } catch (RuntimeException e) {
            return Optional.empty();   // a malformed row is simply not believed
        }
    }

    /** Writes the estimate to its cache file (atomically). */
    public Path save(Path directory) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("fingerprint", fingerprint);
        doc.put("drawdownFloor", drawdownFloor);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry e : entries.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("size", e.size());
            row.put("fitness", e.fitness());
            row.put("source", e.source());
            row.put("strategies", e.strategies());
            rows.add(row);
        }
        doc.put("sizes", rows);
        Path file = directory.resolve("best-known-" + fingerprint + "-floor" + drawdownFloor + ".json");
        try {
            Files.createDirectories(directory);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writeValue(tmp.toFile(), doc);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BestKnownCacheException("cannot write the best-known cache " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** Raises the size's best to {@code run} if it is fitter; returns whether it was. */
    public boolean offer(RunResult run, String source) {
        Entry current = entries.get(run.size());
        if (current != null && current.fitness() >= run.fitness()) {
            return false;
        }
        entries.put(run.size(), new Entry(run.size(), run.fitness(), run.strategies(), source));
        return true;
    }

    /** Best fitness known at {@code size}, if any. */
    public OptionalDouble fitness(int size) {
        Entry e = entries.get(size);
        return e == null ? OptionalDouble.empty() : OptionalDouble.of(e.fitness());
    }

    public Optional<Entry> entry(int size) {
        return Optional.ofNullable(entries.get(size));
    }

    /** Whether every size of {@code sizes} has an entry. */
    public boolean covers(SizeRange sizes) {
        return sizes.sizes().allMatch(entries::containsKey);
    }

    public String fingerprint() { return fingerprint; }
}
