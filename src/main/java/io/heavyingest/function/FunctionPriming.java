package io.heavyingest.function;

import io.heavyingest.app.Priming;
import io.heavyingest.app.Settings;
import io.heavyingest.json.Json;
import io.heavyingest.text.SafeText;
import io.heavyingest.warehouse.Warehouse;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Primes the function while it initializes: the first event's code paths (the S3 client and its request pipeline,
 * the warehouse connection, the event and answer JSON, the parser and the load encoding over a synthetic file)
 * run once, so their classes are loaded and compiled before a real event arrives. With SnapStart this happens
 * before the snapshot, and every restored instance starts primed.
 *
 * <p>Priming never fails the start-up and never writes: each step that fails is logged and skipped, and the first
 * event then does that work itself.
 */
@ApplicationScoped
public class FunctionPriming {
    private static final Logger LOG = Logger.getLogger(FunctionPriming.class);

    /** An S3 event of the shape the functions receive, parsed once at start-up. */
    private static final String SAMPLE_EVENT = "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\","
            + "\"s3\":{\"bucket\":{\"name\":\"priming\"},\"object\":{\"key\":\"incoming/priming.csv\",\"size\":1,"
            + "\"eTag\":\"0\",\"versionId\":null}}}]}";

    private final FunctionConfig.Priming config;
    // resolved only when priming runs: a function that does not prime opens nothing at start-up
    private final Instance<Settings> settings;
    private final Instance<Warehouse> warehouse;
    private final Instance<S3Client> s3;
    private volatile Map<String, Long> lastSteps = Map.of();

    private final boolean loadsFiles;

    @Inject
    public FunctionPriming(FunctionConfig config, Instance<Settings> settings, Instance<Warehouse> warehouse,
                           Instance<S3Client> s3, @ConfigProperty(name = "quarkus.lambda.handler") String handler) {
        this.config = config.priming();
        // the benchmark function reads datasets and never parses a file
        this.loadsFiles = !"benchmark".equals(handler);
        this.settings = settings;
        this.warehouse = warehouse;
        this.s3 = s3;
    }

    void onStart(@Observes StartupEvent event) {
        String initialization = System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE");
        FunctionConfig.Priming.Mode decided = decide(config.mode(), initialization);
        switch (decided) {
            case ALWAYS -> prime();
            case BACKGROUND -> openInBackground();
            default -> LOG.debugf("not priming: mode %s, initialization type %s", config.mode(), initialization);
        }
    }

    /**
     * What {@link FunctionConfig.Priming.Mode} means for Lambda's initialization type (null outside Lambda): ALWAYS
     * (prime in the init phase), BACKGROUND or NEVER.
     */
    static FunctionConfig.Priming.Mode decide(FunctionConfig.Priming.Mode mode, String initializationType) {
        return switch (mode) {
            case ALWAYS, BACKGROUND, NEVER -> mode;
            case AUTO -> "snap-start".equals(initializationType) || "provisioned-concurrency".equals(initializationType)
                    ? FunctionConfig.Priming.Mode.ALWAYS
                    : initializationType != null ? FunctionConfig.Priming.Mode.BACKGROUND : FunctionConfig.Priming.Mode.NEVER;
        };
    }

    /**
     * Opens the S3 client (with its probe request) and the warehouse (with one read) on two background threads, each
     * step logged and skipped on failure; the handler uses the same beans, so it waits only for what is still opening.
     * Returns the threads (already started).
     */
    public List<Thread> openInBackground() {
        List<Thread> threads = new ArrayList<>(2);
        if (config.s3Request()) {
            threads.add(background("s3", this::s3Request));
        }
        if (config.warehouse()) {
            threads.add(background("warehouse", () -> warehouse.get().currentDatasetId()));
        }
        return threads;
    }

    private Thread background(String name, Step work) {
        Thread thread = new Thread(() -> {
            Map<String, Long> steps = new LinkedHashMap<>();
            step(steps, name, work);
            LOG.infof("opened in the background: %s", describe(steps));
            synchronized (this) {
                Map<String, Long> all = new LinkedHashMap<>(lastSteps);
                all.putAll(steps);
                lastSteps = Map.copyOf(all);
            }
        }, "priming-" + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String describe(Map<String, Long> steps) {
        StringBuilder line = new StringBuilder();
        steps.forEach((name, ms) -> line.append(line.length() == 0 ? "" : ", ").append(name).append(' ')
                .append(ms < 0 ? "failed" : ms + " ms"));
        return line.toString();
    }

    /** Runs every priming step; returns the milliseconds each took (-1 for a step that failed). */
    public Map<String, Long> prime() {
        long t0 = System.nanoTime();
        Map<String, Long> steps = new LinkedHashMap<>();
        step(steps, "json", () -> Json.mapper().writeValueAsString(Json.mapper().readTree(SAMPLE_EVENT)));
        if (config.s3Request()) {
            step(steps, "s3", this::s3Request);
        }
        if (config.warehouse()) {
            step(steps, "warehouse", () -> warehouse.get().currentDatasetId());
        }
        long[] rows = new long[1];
        if (loadsFiles) {
            step(steps, "load-path", () -> rows[0] = Priming.synthetic(settings.get(), warehouse.get(), config.days(),
                    config.strategies()).rows());
        }
        long total = (System.nanoTime() - t0) / 1_000_000;
        LOG.infof("primed in %d ms (%s%s; nothing written)", total, describe(steps),
                loadsFiles ? String.format(", %,d synthetic values parsed", rows[0]) : "");
        lastSteps = Map.copyOf(steps);
        return steps;
    }

    /** The steps of the last priming, in milliseconds (-1 for a failed step); empty before any priming. */
    public Map<String, Long> lastSteps() {
        return lastSteps;
    }

    /**
     * One HEAD of a manifest key nobody writes ({@code <manifests-prefix>.priming-probe}): the S3 client is built and
     * a signed request goes through its whole pipeline. Any answer from S3 primes it (404 is expected; a role
     * without list rights on the prefix gets 403, just as good); only no answer at all is a failed step. Without an
     * output bucket only the client is built.
     */
    private void s3Request() {
        var bucket = settings.get().bucket().outputBucket();
        if (bucket.isEmpty()) {
            s3.get().serviceClientConfiguration();
            return;
        }
        try {
            String probe = settings.get().bucket().manifestsPrefix() + ".priming-probe";
            s3.get().headObject(b -> b.bucket(bucket.get()).key(probe)
                    .overrideConfiguration(c -> c.apiCallTimeout(config.s3Timeout())));
        } catch (S3Exception answered) {
            LOG.debugf("priming: S3 answered the probe with HTTP %d", answered.statusCode());
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(Map<String, Long> steps, String name, Step step) {
        long t0 = System.nanoTime();
        try {
            step.run();
            steps.put(name, (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception | LinkageError e) {
            steps.put(name, -1L);
            LOG.warnf("priming step %s failed, the first event does it instead: %s", name,
                    e.getClass().getSimpleName() + ": " + SafeText.fragment(String.valueOf(e.getMessage())));
        }
    }
}
