package io.heavyingest.delivery;

import io.heavyingest.bucket.ObjectStore;
import io.heavyingest.json.Json;
import io.heavyingest.warehouse.ClaimHolder;
import io.heavyingest.warehouse.LoadClaims;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Load claims as small objects in the bucket, for warehouses that cannot hold a claim themselves (HeavyDB has no
 * transactions or unique constraints). A claim is {@code <prefix><datasetId>.json}, created with
 * {@code If-None-Match: *} so that exactly one of concurrent creators wins; its body names the owner and the
 * expiry. An expired claim is taken over with {@code If-Match} on the entity tag that was read, never by
 * delete-then-create, so two takers of one expired claim cannot both win. Release deletes the claim with
 * {@code If-Match}, and only while it is still ours and unexpired.
 */
public final class ObjectStoreClaims implements LoadClaims {
    /** Reads and takeovers of a claim that changed between the read and the write. */
    private static final int RACE_ATTEMPTS = 5;

    private final ObjectStore store;
    private final String bucket;
    private final String prefix;
    private final Clock clock;

    /** The body of a claim object. */
    @RegisterForReflection
    record Claim(String datasetId, String owner, String expiresAt) {
    }

    /** Claims under {@code prefix} in {@code bucket}, timed by the system clock. */
    public ObjectStoreClaims(ObjectStore store, String bucket, String prefix) {
        this(store, bucket, prefix, Clock.systemUTC());
    }

    ObjectStoreClaims(ObjectStore store, String bucket, String prefix, Clock clock) {
        this.store = store;
        this.bucket = bucket;
        this.prefix = prefix;
        this.clock = clock;
    }

    @Override
    public boolean claim(String datasetId, String owner, Instant expiresAt) {
        String key = key(datasetId);
        byte[] body = Json.document(new Claim(datasetId, owner, expiresAt.toString()));
        for (int attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
            if (store.putIfAbsent(bucket, key, body)) {
                return true;
            }
            Optional<ObjectStore.Stored> held = store.readStored(bucket, key);
            if (held.isEmpty()) {
                continue; // released between the two calls: create again
            }
            Claim claim = Json.read(held.get().bytes(), Claim.class);
            boolean ours = owner.equals(claim.owner());
            if (!ours && Instant.parse(claim.expiresAt()).isAfter(clock.instant())) {
                return false;
            }
            // ours again (extend it), or expired: replace exactly the version that was read
            if (store.replaceIfMatch(bucket, key, held.get().eTag(), body)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void releaseClaim(String datasetId, String owner) {
        String key = key(datasetId);
        Optional<ObjectStore.Stored> held = store.readStored(bucket, key);
        if (held.isEmpty()) {
            return;
        }
        Claim claim = Json.read(held.get().bytes(), Claim.class);
        // an expired claim of ours may already be someone else's; it lapses by itself
        if (owner.equals(claim.owner()) && Instant.parse(claim.expiresAt()).isAfter(clock.instant())) {
            store.deleteIfMatch(bucket, key, held.get().eTag());
        }
    }

    @Override
    public boolean holdsClaims() {
        return true;
    }

    @Override
    public Optional<ClaimHolder> holder(String datasetId) {
        return store.readStored(bucket, key(datasetId)).map(held -> Json.read(held.bytes(), Claim.class))
                .map(claim -> new ClaimHolder(claim.owner(), Instant.parse(claim.expiresAt())));
    }

    private String key(String datasetId) {
        return prefix + datasetId + ".json";
    }
}
