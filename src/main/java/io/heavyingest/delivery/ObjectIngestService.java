package io.heavyingest.delivery;

import io.heavyingest.bucket.BucketConfig;
import io.heavyingest.bucket.CountingInputStream;
import io.heavyingest.json.Json;
import io.heavyingest.bucket.ErrorReport;
import io.heavyingest.bucket.Manifest;
import io.heavyingest.bucket.ObjectGoneException;
import io.heavyingest.bucket.ObjectIdentity;
import io.heavyingest.bucket.ObjectRef;
import io.heavyingest.bucket.ObjectStore;
import io.heavyingest.csv.CsvFormatException;
import io.heavyingest.ingest.DatasetIds;
import io.heavyingest.ingest.IngestRequest;
import io.heavyingest.ingest.IngestResult;
import io.heavyingest.ingest.IngestService;
import io.heavyingest.text.SafeText;
import io.heavyingest.warehouse.ClaimHolder;
import io.heavyingest.warehouse.LoadClaims;
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.Warehouse;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Loads one object version exactly once: the path every trigger takes (S3, SQS and EventBridge events in Lambda,
 * and the local command). This is the one place that decides what a delivery is, and the one place that writes
 * the history rows of attempts that publish nothing.
 *
 * <p>The decision, once per delivery: a key outside the incoming prefix or suffixes is IGNORED; otherwise, under an
 * in-process lock and a warehouse claim, one history lookup by dataset id tells whether the version was published
 * before (DUPLICATE: a history row and, if it is missing, the manifest; not a byte is read), unless the same content
 * was uploaded again after another upload replaced it in an unversioned bucket (REPUBLISHED: its kept table is made
 * current again, see {@link #uploadedAgain}). Else the object is
 * streamed through {@link IngestService} (LOADED: published, manifest written), bad input is REJECTED (a FAILED
 * history row and an error report in the bucket, never retried), and anything else is thrown as a
 * {@link TransientIngestException} after a FAILED row, so the delivery is retried.
 *
 * <p>Concurrency: the lock serializes deliveries of one dataset inside the process; the claim (lapsing at the
 * holder's deadline, so a crashed holder cannot block retries) serializes them across processes.
 */
public final class ObjectIngestService {
    private static final Logger LOG = Logger.getLogger(ObjectIngestService.class);

    private final Warehouse warehouse;
    private final Function<String, LoadClaims> claimsIn;
    private final IngestService ingest;
    private final ObjectStore store;
    private final BucketConfig bucket;
    private final DeliveryConfig delivery;
    private final String outputBucket;
    private final String currentTable;
    private final KeyFilter filter;
    private final DatasetLocks locks = new DatasetLocks();
    /** Names this process in claims, so a log line about a held claim says who holds it. */
    private static final String OWNER_PREFIX = ProcessHandle.current().pid() + "@" + hostName() + "/";

    /**
     * @param warehouse where the history is looked up; the same one {@code ingest} loads into
     * @param claimsIn the claims of deliveries whose output goes to a bucket (the warehouse's own, or claim objects)
     * @param outputBucket where manifests and error reports go; null for the bucket each object came from
     * @param currentTable stable name of the current dataset, for manifests
     */
    public ObjectIngestService(Warehouse warehouse, Function<String, LoadClaims> claimsIn, IngestService ingest,
                               ObjectStore store, BucketConfig bucket, DeliveryConfig delivery, String outputBucket,
                               String currentTable) {
        this.warehouse = warehouse;
        this.claimsIn = claimsIn;
        this.ingest = ingest;
        this.store = store;
        this.bucket = bucket;
        this.delivery = delivery;
        this.outputBucket = outputBucket;
        this.currentTable = currentTable;
        this.filter = new KeyFilter(bucket);
    }

    /** The delivery settings, for callers that compute a deadline. */
    public DeliveryConfig deliveryConfig() {
        return delivery;
    }

    /** An object an event announced: loaded when its key is under the incoming prefix with a CSV suffix. */
    public ObjectOutcome onObjectCreated(ObjectRef object, Deadline deadline) {
        Optional<String> reason = filter.rejectReason(object.key());
        if (reason.isPresent()) {
            LOG.infof("ignored %s: %s", SafeText.fragment(store.displayName(object)), reason.get());
            return new ObjectOutcome.Ignored(object, reason.get());
        }
        return load(object, null, deadline);
    }

    /**
     * Loads an object the caller named explicitly (no key filter).
     *
     * @param datasetIdOverride dataset id to use instead of the one derived from the object's identity, or null
     * @throws IllegalArgumentException when the override is not a valid dataset id (nothing is recorded)
     */
    public ObjectOutcome load(ObjectRef object, String datasetIdOverride, Deadline deadline) {
        String datasetId = datasetIdOverride != null ? DatasetIds.checked(datasetIdOverride)
                : DatasetIds.of(object.identity(store.scheme()));
        String name = SafeText.fragment(store.displayName(object));
        lock(datasetId, name, deadline);
        try {
            String owner = OWNER_PREFIX + UUID.randomUUID();
            LoadClaims claims = claimsIn.apply(outputBucket(object));
            claim(claims, datasetId, owner, name, deadline);
            try {
                return decide(object, datasetId, name, claims);
            } finally {
                releaseClaim(claims, datasetId, owner);
            }
        } finally {
            locks.unlock(datasetId);
        }
    }

    private ObjectOutcome decide(ObjectRef object, String datasetId, String name, LoadClaims claims) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Optional<LoadRecord> earlier = transientOnFailure(name, () -> warehouse.publishedLoad(datasetId));
        if (earlier.isPresent()) {
            if (!uploadedAgain(object, datasetId, name, earlier.get())) {
                return duplicate(object, datasetId, name, earlier.get(), started, t0);
            }
            Optional<ObjectOutcome> again = republish(object, datasetId, name, earlier.get(), started, t0);
            if (again.isPresent()) {
                return again.get();
            }
            LOG.infof("%s: the table of dataset %s is gone or incomplete; loading it again", name, datasetId);
        }
        dropLeftovers(claims, datasetId, name);
        InputStream content;
        try {
            content = transientOnFailure(name, () -> store.open(object));
        } catch (ObjectGoneException gone) {
            LOG.warnf("ignored %s: %s", name, SafeText.message(gone.getMessage()));
            return new ObjectOutcome.Ignored(object, gone.getMessage());
        }
        CountingInputStream counted = new CountingInputStream(content);
        IngestResult result;
        try {
            result = ingest.load(new IngestRequest(datasetId, name, object.size(), counted));
        } catch (CsvFormatException bad) {
            recordFailure(datasetId, name, counted.count(), started, t0, bad.getMessage(), bad);
            return reject(object, datasetId, name, bad);
        } catch (RuntimeException e) {
            TransientIngestException failure = transientFailure(name, e);
            recordFailure(datasetId, name, counted.count(), started, t0, failure.getMessage(), failure);
            throw failure;
        }
        String manifestKey = transientOnFailure(name, () -> writeManifest(object, datasetId, result.record()));
        return new ObjectOutcome.Loaded(object, datasetId, result, manifestKey);
    }

    /**
     * Whether a delivery of a published dataset is a new upload of the same content rather than a repeated event: in
     * an unversioned bucket A, B, A again under one key gives the third upload A's dataset id, while the bucket holds
     * A again. It is one when the dataset is not current and the object, still the announced content (HEAD with
     * {@code If-Match}), was written after the dataset was last made current. A versioned object's id names one upload,
     * and a repeated event of the upload that made the dataset current was written before that.
     */
    private boolean uploadedAgain(ObjectRef object, String datasetId, String name, LoadRecord earlier) {
        if (versioned(object)) {
            return false;
        }
        if (transientOnFailure(name, warehouse::currentDatasetId).filter(datasetId::equals).isPresent()) {
            return false;
        }
        Optional<Instant> written = transientOnFailure(name, () -> store.lastModified(object));
        if (written.isEmpty()) {
            return false;   // overwritten since the event: what it announced is not what the bucket holds
        }
        LoadRecord last = transientOnFailure(name, () -> warehouse.lastPublished(datasetId)).orElse(earlier);
        boolean after = last.startedAt() != null && written.get().isAfter(last.startedAt());
        if (after) {
            LOG.infof("%s: written at %s, after dataset %s was last made current (%s): the same content uploaded"
                    + " again", name, written.get(), datasetId, last.startedAt());
        }
        return after;
    }

    private static boolean versioned(ObjectRef object) {
        return object.versionId() != null && !object.versionId().isBlank() && !"null".equals(object.versionId());
    }

    /**
     * Makes the dataset current again from its kept table and records a REPUBLISHED row; empty when the table is gone
     * (the caller loads it again). The manifest of the earlier load is written only when it is missing, as for a
     * duplicate, so the benchmark of a dataset is triggered once.
     */
    private Optional<ObjectOutcome> republish(ObjectRef object, String datasetId, String name, LoadRecord earlier,
                                              Instant started, long t0) {
        LoadRecord record = LoadRecord.republishedOf(earlier, name,
                LoadRecord.Timings.total(started, millis(System.nanoTime() - t0)));
        if (!transientOnFailure(name, () -> warehouse.republish(record))) {
            return Optional.empty();
        }
        LOG.infof("%s: dataset %s is current again (table %s), nothing read", name, datasetId, earlier.tableName());
        String key = manifestKey(datasetId);
        String manifestKey = transientOnFailure(name, () -> {
            if (!store.exists(outputBucket(object), key)) {
                writeManifest(object, datasetId, earlier);
            }
            return key;
        });
        return Optional.of(new ObjectOutcome.Republished(object, datasetId, record, manifestKey));
    }

    /**
     * Records the duplicate and makes sure the earlier load's manifest exists (a crash between publish and hand-off
     * leaves it missing). An existing manifest is never rewritten, so the benchmark is triggered once.
     */
    private ObjectOutcome duplicate(ObjectRef object, String datasetId, String name, LoadRecord earlier,
                                    Instant started, long t0) {
        transientOnFailure(name, () -> {
            warehouse.recordAttempt(LoadRecord.duplicateOf(earlier, name,
                    LoadRecord.Timings.total(started, millis(System.nanoTime() - t0))));
            return null;
        });
        LOG.infof("%s: dataset %s was already loaded into %s; recorded as a duplicate", name, datasetId,
                earlier.tableName());
        String key = manifestKey(datasetId);
        String manifestKey = transientOnFailure(name, () -> {
            if (!store.exists(outputBucket(object), key)) {
                LOG.infof("%s: writing the missing manifest of the earlier load", datasetId);
                writeManifest(object, datasetId, earlier);
            }
            return key;
        });
        return new ObjectOutcome.Duplicate(object, datasetId, earlier, manifestKey);
    }

    private ObjectOutcome reject(ObjectRef object, String datasetId, String name, CsvFormatException bad) {
        String key = bucket.errorReportsPrefix() + datasetId + ".json";
        ErrorReport report = new ErrorReport(datasetId, ObjectIdentity.of(object, store.scheme()), bad.problem().name(),
                bad.line(), bad.column(), bad.strategy(), bad.getMessage(), Instant.now().toString());
        transientOnFailure(name, () -> {
            store.putJson(outputBucket(object), key, Json.document(report));
            return null;
        });
        LOG.infof("rejected %s (%s); error report at %s", name, bad.problem(), key);
        return new ObjectOutcome.Rejected(object, datasetId, bad, key);
    }

    /** One FAILED row per attempt that published nothing; a failure to record is attached, never masking the cause. */
    private void recordFailure(String datasetId, String name, long bytesRead, Instant started, long t0, String error,
                               RuntimeException cause) {
        LoadRecord failed = LoadRecord.failed(datasetId, name, bytesRead,
                LoadRecord.Timings.total(started, millis(System.nanoTime() - t0)), SafeText.message(error));
        try {
            warehouse.recordAttempt(failed);
        } catch (RuntimeException recordError) {
            cause.addSuppressed(recordError);
            LOG.warnf("%s: could not record the failed attempt: %s", name, SafeText.message(recordError.getMessage()));
        }
        LOG.infof("%s: load failed: %s", name, failed.error());
    }

    private String writeManifest(ObjectRef object, String datasetId, LoadRecord loaded) {
        String key = manifestKey(datasetId);
        Manifest manifest = Manifest.of(datasetId, ObjectIdentity.of(object, store.scheme()), loaded, currentTable,
                warehouse.kind(), warehouse.location());
        store.putJson(outputBucket(object), key, Json.document(manifest));
        return key;
    }

    private String manifestKey(String datasetId) {
        return bucket.manifestsPrefix() + datasetId + ".json";
    }

    private String outputBucket(ObjectRef object) {
        return outputBucket != null ? outputBucket : object.bucket();
    }

    private void lock(String datasetId, String name, Deadline deadline) {
        try {
            if (!locks.tryLock(datasetId, usable(deadline))) {
                throw new TransientIngestException(name + ": another delivery of dataset " + datasetId
                        + " is still loading in this process");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientIngestException(name + ": interrupted while waiting for dataset " + datasetId, e);
        }
    }

    private void claim(LoadClaims claims, String datasetId, String owner, String name, Deadline deadline) {
        // the claim lapses when this invocation would be stopped, so a crash never blocks the retry for long
        Instant expiresAt = deadline.at();
        boolean told = false;
        while (!transientOnFailure(name, () -> claims.claim(datasetId, owner, expiresAt))) {
            if (!told) {
                told = true;
                Optional<ClaimHolder> holder = holderOf(claims, datasetId);
                LOG.infof("%s: dataset %s is claimed by %s until %s (a crashed holder's claim lapses then); waiting"
                        + " up to %d s", name, datasetId, holder.map(ClaimHolder::owner).orElse("another loader"),
                        holder.map(h -> h.expiresAt().toString()).orElse("its expiry"), usable(deadline).toSeconds());
            }
            if (usable(deadline).compareTo(delivery.claimPoll()) <= 0) {
                throw new TransientIngestException(name + ": dataset " + datasetId
                        + " is being loaded by another invocation; retry later");
            }
            try {
                Thread.sleep(delivery.claimPoll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientIngestException(name + ": interrupted while waiting for the claim on " + datasetId, e);
            }
        }
    }

    /**
     * Before a load, under its claim: drops what killed attempts left in the warehouse, keeping whatever belongs to
     * a dataset another loader holds a live claim on (or whose claim cannot be read). Without claims that hold
     * across processes a live loader cannot be told from a dead one, so nothing is dropped. Never fails the load.
     */
    private void dropLeftovers(LoadClaims claims, String datasetId, String name) {
        if (!claims.holdsClaims()) {
            return;
        }
        Instant now = Instant.now();
        try {
            warehouse.dropLeftovers(id -> !id.equals(datasetId) && liveClaim(claims, id, now));
        } catch (RuntimeException e) {
            LOG.warnf("%s: could not look for leftovers of killed attempts: %s", name, SafeText.message(e.getMessage()));
        }
    }

    private static boolean liveClaim(LoadClaims claims, String datasetId, Instant now) {
        try {
            return claims.holder(datasetId).filter(h -> h.expiresAt().isAfter(now)).isPresent();
        } catch (RuntimeException e) {
            return true;   // unknown: keep its leftovers
        }
    }

    private static Optional<ClaimHolder> holderOf(LoadClaims claims, String datasetId) {
        try {
            return claims.holder(datasetId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown-host";
        }
    }

    private void releaseClaim(LoadClaims claims, String datasetId, String owner) {
        try {
            claims.releaseClaim(datasetId, owner);
        } catch (RuntimeException e) {
            // the claim lapses at its expiry anyway
            LOG.warnf("could not release the claim on %s: %s", datasetId, SafeText.message(e.getMessage()));
        }
    }

    private Duration usable(Deadline deadline) {
        Duration left = deadline.remaining().minus(delivery.deadlineReserve());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private interface Step<T> {
        T run();
    }

    private static <T> T transientOnFailure(String name, Step<T> step) {
        try {
            return step.run();
        } catch (ObjectGoneException | TransientIngestException | CsvFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw transientFailure(name, e);
        }
    }

    private static TransientIngestException transientFailure(String name, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new TransientIngestException(name + ": " + SafeText.message(message), e);
    }
}
