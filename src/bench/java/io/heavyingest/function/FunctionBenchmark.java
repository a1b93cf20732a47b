package io.heavyingest.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.heavyingest.bucket.BucketConfig;
import io.heavyingest.bucket.S3ObjectStore;
import io.heavyingest.config.ConfigLoader;
import io.heavyingest.config.HeavyIngestConfig;
import io.heavyingest.delivery.Deadline;
import io.heavyingest.delivery.DeliveryConfig;
import io.heavyingest.delivery.ObjectIngestService;
import io.heavyingest.generate.GeneratorSpec;
import io.heavyingest.generate.PnlFileGenerator;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.testsupport.BucketEnv;
import io.heavyingest.testsupport.Events;
import io.heavyingest.testsupport.InProcessS3;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.Warehouse;
import io.heavyingest.app.Components;
import io.heavyingest.app.Settings;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark of the ingest function's path: from the S3 event to the published dataset, for the production-shaped
 * file held by the in-process S3 server (on disk, so the object does not sit on the measured heap), loaded into
 * embedded DuckDB. Prints every run, the median time and the peak heap used during a run.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.heavyingest.function.FunctionBenchmark -Dexec.args="[file] [runs]"
 * </pre>
 */
public final class FunctionBenchmark {
    private static final String BUCKET = "bench-bucket";
    private static final String KEY = "incoming/run-%d/Python_Multi_Consolidated_20250722_060000.csv";

    private FunctionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.jboss.logging.provider", "jdk");
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Path file = Path.of(args.length > 0 ? args[0] : "target/data/pnl_82x25544_seed42.csv");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (!Files.exists(file)) {
            System.out.println("generating " + file);
            PnlFileGenerator.write(GeneratorSpec.production(42), file);
        }
        System.setProperty("aws.accessKeyId", "local-bench");
        System.setProperty("aws.secretAccessKey", "local-bench");
        Path work = Files.createTempDirectory("function-bench");
        Path objects = Files.createDirectories(work.resolve("objects"));
        try (InProcessS3 server = InProcessS3.onDisk(objects);
             S3Client s3 = BucketEnv.client(server.endpoint())) {
            // the on-disk store has no versioning: each run uses its own key, identified by key and eTag
            s3.createBucket(b -> b.bucket(BUCKET));
            Map<String, String> settings = Map.of(
                    "heavy-ingest.warehouse.duckdb.path", work.resolve("warehouse.duckdb").toString());
            try (Components components = Components.open(Settings.load(settings));
                 S3Client functionS3 = BucketEnv.client(server.endpoint())) {
                EventDispatcher function = new EventDispatcher(components.delivery(new S3ObjectStore(functionS3), null));
                run(function, components.warehouse(), s3, file, runs);
            }
        }
    }

    private static void run(EventDispatcher function, Warehouse warehouse, S3Client s3, Path file, int runs)
            throws Exception {
        long size = Files.size(file);
        ObjectMapper mapper = new ObjectMapper();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Long> millis = new ArrayList<>();
        List<Long> peaks = new ArrayList<>();
        System.out.printf("file %s: %,d bytes; max heap %,d MB; %d runs (each a new object)%n",
                file, size, Runtime.getRuntime().maxMemory() >> 20, runs);
        for (int i = 1; i <= runs; i++) {
            String key = String.format(KEY, i);
            PutObjectResponse put = s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromFile(file));
            JsonNode event = mapper.readTree(Events.s3Put(BUCKET, key, size, put.eTag().replace("\"", ""), put.versionId()));
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            HeapSampler sampler = new HeapSampler(memory);
            sampler.start();
            long t0 = System.nanoTime();
            IngestResponse response = function.dispatch(event, Deadline.after(Duration.ofMinutes(15)));
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            long peak = sampler.stopAndPeak();
            IngestResponse.Outcome o = response.outcomes().get(0);
            if (!"LOADED".equals(o.status())) {
                throw new IllegalStateException("run " + i + " did not load: " + o.status() + " " + o.reason());
            }
            millis.add(elapsed);
            peaks.add(peak);
            LoadRecord loaded = warehouse.publishedLoad(o.datasetId()).orElseThrow();
            System.out.printf("run %d: event -> published %,d ms (stream+parse %,d ms, warehouse %,d ms), %,d rows "
                            + "(%.1f MB/s); heap before %,d MB, peak %,d MB%n", i, elapsed, loaded.parseMillis(),
                    loaded.loadMillis(), o.rows(), size / 1e6 / (elapsed / 1e3), baseline >> 20, peak >> 20);
        }
        System.out.printf("median event -> published: %,d ms; median peak heap used: %,d MB; max peak: %,d MB%n",
                median(millis), median(peaks) >> 20, Collections.max(peaks) >> 20);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** Samples heap use every millisecond: the highest value seen is the run's peak. */
    private static final class HeapSampler extends Thread {
        private final MemoryMXBean memory;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();

        HeapSampler(MemoryMXBean memory) {
            super("heap-sampler");
            this.memory = memory;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stopAndPeak() throws InterruptedException {
            running.set(false);
            join();
            return Math.max(peak.get(), memory.getHeapMemoryUsage().getUsed());
        }
    }
}
