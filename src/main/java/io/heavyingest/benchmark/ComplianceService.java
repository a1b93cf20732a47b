package io.heavyingest.benchmark;

import io.heavyingest.bucket.BucketConfig;
import io.heavyingest.bucket.Manifest;
import io.heavyingest.bucket.ObjectGoneException;
import io.heavyingest.bucket.ObjectStore;
import io.heavyingest.json.Json;
import io.heavyingest.report.HtmlReport;
import io.heavyingest.report.ReportJson;
import io.heavyingest.warehouse.LoadHistory;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Benchmarks a dataset named by its manifest (or by its id) and writes the compliance report beside it in the
 * bucket: {@code reports/<datasetId>/compliance-<UTC>.json} and {@code .html}, then {@code reports/latest.json}
 * and {@code reports/latest.html}. Nothing it writes is under the incoming prefix, so it never triggers a load.
 */
public final class ComplianceService {
    private static final Logger LOG = Logger.getLogger(ComplianceService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final DatasetBenchmark benchmark;
    private final LoadHistory history;
    private final ObjectStore store;
    private final BucketConfig bucket;
    private final ReportConfig config;

    public ComplianceService(DatasetBenchmark benchmark, LoadHistory history, ObjectStore store, BucketConfig bucket,
                             ReportConfig config) {
        this.benchmark = benchmark;
        this.history = history;
        this.store = store;
        this.bucket = bucket;
        this.config = config;
    }

    /**
     * Where a report went.
     *
     * @param result the report and its page
     * @param jsonKey key of the JSON report
     * @param htmlKey key of the HTML page
     * @param jsonBytes size of the JSON report
     * @param htmlBytes size of the HTML page
     */
    public record Published(DatasetBenchmark.Result result, String jsonKey, String htmlKey, int jsonBytes,
                            int htmlBytes) {
    }

    /** Whether {@code key} is a manifest this service benchmarks: under the manifests prefix, ending in .json. */
    public Optional<String> rejectReason(String key) {
        if (!key.startsWith(bucket.manifestsPrefix())) {
            return Optional.of("key is not under the manifests prefix \"" + bucket.manifestsPrefix() + "\"");
        }
        if (!key.toLowerCase(Locale.ROOT).endsWith(".json") || key.endsWith("/")) {
            return Optional.of("key is not a JSON manifest");
        }
        return Optional.empty();
    }

    /**
     * Benchmarks the dataset of the manifest at {@code bucketName}/{@code key} and writes its report to the same
     * bucket (or {@code outputBucket} when set).
     *
     * @throws DatasetNotFoundException when the manifest or its dataset no longer exists
     */
    public Published onManifest(String bucketName, String key, String outputBucket, Integer functionMemoryMb) {
        Manifest manifest = readManifest(bucketName, key);
        return publish(benchmark.run(manifest, functionMemoryMb), outputBucket != null ? outputBucket : bucketName);
    }

    /**
     * Benchmarks {@code datasetId}, or the current dataset when it is null, reading its manifest from
     * {@code bucketName}, where the report goes as well.
     */
    public Published forDataset(String bucketName, String datasetId, Integer functionMemoryMb) {
        String id = datasetId != null ? datasetId : history.currentDatasetId().orElseThrow(
                () -> new DatasetNotFoundException("no dataset has been published yet"));
        Manifest manifest = readManifest(bucketName, bucket.manifestsPrefix() + id + ".json");
        if (!manifest.datasetId().equals(id)) {
            throw new DatasetNotFoundException("the manifest of dataset " + id + " names dataset " + manifest.datasetId());
        }
        return publish(benchmark.run(manifest, functionMemoryMb), bucketName);
    }

    private Manifest readManifest(String bucketName, String key) {
        try {
            return Json.read(store.read(bucketName, key), Manifest.class);
        } catch (ObjectGoneException e) {
            throw new DatasetNotFoundException("no manifest at " + bucketName + "/" + key + ": " + e.getMessage());
        }
    }

    /**
     * One put, tried a second time when the connection breaks before the request is sent: after a benchmark of
     * several seconds the HTTP client's pooled connection may have been closed by the server, and the URL-connection
     * client reports that as an I/O error instead of retrying. A put is idempotent.
     */
    private void put(String outputBucket, String key, byte[] content, String contentType) {
        try {
            store.put(outputBucket, key, content, contentType);
        } catch (UncheckedIOException stale) {
            LOG.debugf("put of %s failed (%s); trying once more", key, stale.getMessage());
            store.put(outputBucket, key, content, contentType);
        }
    }

    private Published publish(DatasetBenchmark.Result result, String outputBucket) {
        byte[] json = ReportJson.write(result.report());
        byte[] html = result.html().getBytes(StandardCharsets.UTF_8);
        String base = config.prefix() + result.report().dataset().datasetId() + "/compliance-"
                + STAMP.format(result.report().generatedAt());
        String jsonKey = base + ".json";
        String htmlKey = base + ".html";
        put(outputBucket, jsonKey, json, ReportJson.CONTENT_TYPE);
        put(outputBucket, htmlKey, html, HtmlReport.CONTENT_TYPE);
        put(outputBucket, config.prefix() + "latest.json", json, ReportJson.CONTENT_TYPE);
        put(outputBucket, config.prefix() + "latest.html", html, HtmlReport.CONTENT_TYPE);
        LOG.infof("compliance report of %s: %s (%,d bytes) and %s (%,d bytes)", result.report().dataset().datasetId(),
                jsonKey, json.length, htmlKey, html.length);
        return new Published(result, jsonKey, htmlKey, json.length, html.length);
    }
}
