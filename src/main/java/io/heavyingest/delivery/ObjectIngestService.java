package io.heavyingest.delivery;

import io.heavyingest.bucket.BucketConfig;
import io.heavyingest.bucket.BucketJson;
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
import io.heavyingest.warehouse.LoadRecord;
import io.heavyingest.warehouse.Warehouse;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads one object version exactly once: the path every trigger takes (S3, SQS and EventBridge events in Lambda,
 * and the local command).
 *
 * <p>Concurrency: deliveries of one dataset are serialized by an in-process lock, then by a claim in the warehouse
 * (which lapses at the holder's deadline, so a crashed holder cannot block retries). Under both, the warehouse's
 * history decides: a published dataset makes the delivery a DUPLICATE, otherwise it is staged, verified and
 * published in one step by {@link IngestService}.
 *
 * <p>Failure classes: bad input is recorded, reported in the bucket and returned as REJECTED; anything else is
 * thrown as a {@link TransientIngestException} so the delivery is retried.
 */
public final class ObjectIngestService {
    private static final Logger LOG = Logger.getLogger(ObjectIngestService.class);

    private final IngestService ingest;
    private final ObjectStore store;
    private final BucketConfig bucket;
    private final DeliveryConfig delivery;
    private final String outputBucket;
    private final String currentTable;
    private final KeyFilter filter;
    private final DatasetLocks locks = new DatasetLocks();

    /**
     * @param outputBucket where manifests and error reports go; null for the bucket each object came from
     * @param currentTable stable name of the current dataset, for manifests
     */
    public ObjectIngestService(IngestService ingest, ObjectStore store, BucketConfig bucket, DeliveryConfig delivery,
                               String outputBucket, String currentTable) {
        this.ingest = ingest;
        this.store = store;
        this.bucket = bucket;
        this.delivery = delivery;
        this.outputBucket = outputBucket;
        this.currentTable = currentTable;
        this.filter = new KeyFilter(bucket);
    }

    public ObjectStore store() {
        return store;
    }

    public DeliveryConfig deliveryConfig() {
        return delivery;
    }

    /** An object an event announced: loaded when its key is under the incoming prefix with a CSV suffix. */
    public ObjectOutcome onObjectCreated(ObjectRef object, Deadline deadline) {
        Optional<String> reason = filter.rejectReason(object.key());
        if (reason.isPresent()) {
            LOG.infof("ignored %s: %s", store.displayName(object), reason.get());
            return ObjectOutcome.ignored(object, reason.get());
        }
        return load(object, null, deadline);
    }

    /**
     * Loads an object the caller named explicitly (no key filter).
     *
     * @param datasetIdOverride dataset id to use instead of the one derived from the object's identity, or null
     */
    public ObjectOutcome load(ObjectRef object, String datasetIdOverride, Deadline deadline) {
        String datasetId = datasetIdOverride != null ? datasetIdOverride : DatasetIds.of(object.identity(store.scheme()));
        String name = store.displayName(object);
        lock(datasetId, name, deadline);
        try {
            String owner = UUID.randomUUID().toString();
            claim(datasetId, owner, name, deadline);
            try {
                return loadClaimed(object, datasetId, name);
            } finally {
                releaseClaim(datasetId, owner);
            }
        } finally {
            locks.unlock(datasetId);
        }
    }

    private ObjectOutcome loadClaimed(ObjectRef object, String datasetId, String name) {
        Warehouse warehouse = ingest.warehouse();
        boolean loadedBefore = transientOnFailure(name, () -> warehouse.publishedLoad(datasetId).isPresent());
        InputStream content;
        if (loadedBefore) {
            // the service records the duplicate without reading a byte
            content = InputStream.nullInputStream();
        } else {
            try {
                content = transientOnFailure(name, () -> store.open(object));
            } catch (ObjectGoneException gone) {
                LOG.warnf("ignored %s: %s", name, gone.getMessage());
                return ObjectOutcome.ignored(object, gone.getMessage());
            }
        }
        IngestResult result;
        try {
            result = ingest.ingest(new IngestRequest(datasetId, name, object.size(), content));
        } catch (CsvFormatException bad) {
            String key = bucket.errorReportsPrefix() + datasetId + ".json";
            ErrorReport report = new ErrorReport(datasetId, ObjectIdentity.of(object, store.scheme()), bad.problem().name(),
                    bad.line(), bad.column(), bad.strategy(), bad.getMessage(), Instant.now().toString());
            transientOnFailure(name, () -> {
                store.putJson(outputBucket(object), key, BucketJson.write(report));
                return null;
            });
            LOG.infof("rejected %s (%s); error report at %s", name, bad.problem(), key);
            return new ObjectOutcome(ObjectOutcome.Status.REJECTED, object, datasetId, null, bad, key, null);
        } catch (RuntimeException e) {
            throw transientFailure(name, e);
        }
        String manifestKey = transientOnFailure(name, () -> handOff(object, datasetId, result));
        ObjectOutcome.Status status = result.duplicate() ? ObjectOutcome.Status.DUPLICATE : ObjectOutcome.Status.LOADED;
        return new ObjectOutcome(status, object, datasetId, result, null, manifestKey, null);
    }

    /**
     * Writes the manifest of a fresh load, or of an earlier load whose manifest is missing (it crashed between
     * publish and hand-off). An existing manifest is never rewritten, so the benchmark is triggered once.
     */
    private String handOff(ObjectRef object, String datasetId, IngestResult result) {
        String key = bucket.manifestsPrefix() + datasetId + ".json";
        String target = outputBucket(object);
        LoadRecord loaded = result.record();
        if (result.duplicate()) {
            if (store.exists(target, key)) {
                return key;
            }
            loaded = ingest.warehouse().publishedLoad(datasetId).orElse(loaded);
            LOG.infof("%s: writing the missing manifest of the earlier load", datasetId);
        }
        Manifest manifest = new Manifest(datasetId, ObjectIdentity.of(object, store.scheme()), loaded.tableName(),
                currentTable, result.warehouse(), result.location(), loaded.rows(), loaded.strategies(), loaded.days(),
                loaded.nullValues(), text(loaded.firstDate()), text(loaded.lastDate()),
                new Manifest.Timings(loaded.parseMillis(), loaded.loadMillis(), loaded.totalMillis()),
                loaded.startedAt() == null ? null : loaded.startedAt().toString());
        store.putJson(target, key, BucketJson.write(manifest));
        return key;
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

    private void claim(String datasetId, String owner, String name, Deadline deadline) {
        // the claim lapses when this invocation would be stopped, so a crash never blocks the retry for long
        Instant expiresAt = deadline.at();
        while (!transientOnFailure(name, () -> ingest.warehouse().claim(datasetId, owner, expiresAt))) {
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

    private void releaseClaim(String datasetId, String owner) {
        try {
            ingest.warehouse().releaseClaim(datasetId, owner);
        } catch (RuntimeException e) {
            // the claim lapses at its expiry anyway
            LOG.warnf("could not release the claim on %s: %s", datasetId, e.getMessage());
        }
    }

    private Duration usable(Deadline deadline) {
        Duration left = deadline.remaining().minus(delivery.deadlineReserve());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
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
        return new TransientIngestException(name + ": " + message, e);
    }
}
