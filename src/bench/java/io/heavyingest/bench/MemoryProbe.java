package io.heavyingest.bench;

import io.heavyingest.app.Settings;
import io.heavyingest.ingest.IngestResult;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.ingest.LocalFiles;
import io.heavyingest.schema.TablePlan;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.PnlBatch;
import io.heavyingest.warehouse.StagedLoad;
import io.heavyingest.warehouse.Staging;
import io.heavyingest.warehouse.Warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The child process of {@link MemoryBenchmark}: ingests one file into a fresh on-disk embedded warehouse through the
 * real {@link IngestService}, {@code repeat} times (each into a new database), and prints one {@code RESULT} line:
 * peak heap (used and live after GC) and peak RSS (VmHWM) of the first ingest, which the process starts cold, then
 * the median timings of all ingests with the load split at the warehouse boundary (append, verify, publish) and
 * the warehouse's own phase line when it logs one.
 *
 * <p>Arguments: {@code <file.csv> <work-dir> <repeat> [property=value ...]}.
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "jdk");
        Path file = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int repeat = Integer.parseInt(args[2]);
        Map<String, String> overrides = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            overrides.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        PhaseLog phaseLog = new PhaseLog();
        Logger duck = Logger.getLogger("io.heavyingest.warehouse.duckdb");
        duck.setLevel(Level.FINE);
        duck.addHandler(phaseLog);
        Files.createDirectories(work);

        Map<String, List<Double>> timings = new LinkedHashMap<>();
        long heapUsed = 0;
        long heapLive = 0;
        long hwmKb = 0;
        long dbBytes = 0;
        long rows = 0;
        for (int run = 0; run < repeat; run++) {
            Path db = work.resolve("probe-" + run + ".duckdb");
            deleteDatabase(db);
            Map<String, String> props = new HashMap<>(overrides);
            props.put("heavy-ingest.warehouse.duckdb.path", db.toString());
            props.put("heavy-ingest.warehouse.kind", "DUCKDB");
            Settings settings = Settings.load(props);
            TimedStaging timed;
            IngestResult result;
            try (HeapMeter heap = new HeapMeter()) {
                if (run == 0) {
                    heap.reset();
                }
                long t0 = System.nanoTime();
                try (Warehouse warehouse = io.heavyingest.app.Components.openWarehouse(settings)) {
                    timed = new TimedStaging(warehouse);
                    result = new IngestService(timed, settings.core()).load(LocalFiles.request(file, null));
                }
                double wall = (System.nanoTime() - t0) / 1e6;
                if (run == 0) {
                    heap.settle();
                    heapUsed = heap.peakUsedBytes();
                    heapLive = heap.peakLiveBytes();
                    hwmKb = vmHwmKb();
                    dbBytes = Files.size(db);
                }
                LoadRecord r = result.record();
                rows = r.rows();
                add(timings, "total", r.totalMillis());
                add(timings, "parse", r.parseMillis());
                add(timings, "load", r.loadMillis());
                add(timings, "append", timed.appendNanos / 1e6);
                add(timings, "verify", timed.verifyNanos / 1e6);
                add(timings, "publish", timed.publishNanos / 1e6);
                add(timings, "openToClose", wall);
                for (var e : phaseLog.takePhases().entrySet()) {
                    add(timings, e.getKey(), e.getValue());
                }
            }
            deleteDatabase(db);
        }
        StringBuilder line = new StringBuilder("RESULT");
        line.append(" rows=").append(rows)
                .append(" heapUsedMB=").append(heapUsed >> 20)
                .append(" heapLiveMB=").append(heapLive >> 20)
                .append(" rssPeakMB=").append(hwmKb >> 10)
                .append(" dbBytes=").append(dbBytes);
        for (var e : timings.entrySet()) {
            line.append(' ').append(e.getKey()).append("Ms=").append(String.format("%.0f", median(e.getValue())));
        }
        System.out.println(line);
    }

    private static void add(Map<String, List<Double>> timings, String name, double millis) {
        timings.computeIfAbsent(name, k -> new ArrayList<>()).add(millis);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteDatabase(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
    }

    /** VmHWM of this process: the peak resident set since it started. */
    static long vmHwmKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** The warehouse's bulk path with the time spent in each call. */
    private static final class TimedStaging implements Staging {
        private final Staging target;
        long appendNanos;
        long verifyNanos;
        long publishNanos;

        TimedStaging(Staging target) {
            this.target = target;
        }

        @Override
        public StagedLoad stage(String datasetId, TablePlan plan) {
            StagedLoad load = target.stage(datasetId, plan);
            return new StagedLoad() {
                @Override
                public void append(PnlBatch batch) {
                    long t = System.nanoTime();
                    load.append(batch);
                    appendNanos += System.nanoTime() - t;
                }

                @Override
                public void verify(long expectedRows) {
                    long t = System.nanoTime();
                    load.verify(expectedRows);
                    verifyNanos += System.nanoTime() - t;
                }

                @Override
                public String publish(LoadRecord record) {
                    long t = System.nanoTime();
                    String table = load.publish(record);
                    publishNanos += System.nanoTime() - t;
                    return table;
                }

                @Override
                public void close() {
                    load.close();
                }
            };
        }
    }

    /**
     * Collects the embedded warehouse's debug line of load phases ({@code phases: name=12 name=34 ...}, in ms),
     * written by builds that have it.
     */
    private static final class PhaseLog extends Handler {
        private final Map<String, Double> phases = new LinkedHashMap<>();

        @Override
        public synchronized void publish(LogRecord record) {
            String message = record.getMessage();
            if (record.getParameters() != null && record.getParameters().length > 0) {
                message = String.format(message, record.getParameters());
            }
            int at = message.indexOf("phases:");
            if (at < 0) {
                return;
            }
            for (String part : message.substring(at + "phases:".length()).trim().split("\\s+")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    phases.merge("phase." + part.substring(0, eq), Double.parseDouble(part.substring(eq + 1)), Double::sum);
                }
            }
        }

        synchronized Map<String, Double> takePhases() {
            Map<String, Double> copy = new LinkedHashMap<>(phases);
            phases.clear();
            return copy;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
