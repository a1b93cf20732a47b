package io.heavyingest.delivery;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** One lock per dataset id inside this process, so concurrent deliveries of one object run one after the other. */
final class DatasetLocks {
    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    /** Waits up to {@code wait} for the dataset's lock; returns false when the wait ran out. */
    boolean tryLock(String datasetId, Duration wait) throws InterruptedException {
        Entry e = locks.compute(datasetId, (id, existing) -> {
            Entry entry = existing == null ? new Entry() : existing;
            entry.users++;
            return entry;
        });
        boolean locked = false;
        try {
            locked = e.lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
            return locked;
        } finally {
            if (!locked) {
                release(datasetId);
            }
        }
    }

    void unlock(String datasetId) {
        locks.get(datasetId).lock.unlock();
        release(datasetId);
    }

    private void release(String datasetId) {
        // drop the entry with its last user, so the map does not grow with every object ever seen
        locks.computeIfPresent(datasetId, (id, entry) -> --entry.users == 0 ? null : entry);
    }
}
