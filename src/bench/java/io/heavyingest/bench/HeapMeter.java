package io.heavyingest.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Heap used by a measured section. {@link #peakUsedBytes()} is the high-water mark of the heap pools, garbage
 * included, so it depends on the collector's pacing; {@link #peakLiveBytes()} is the largest heap that survived a
 * collection during the section, which is what the work really holds.
 */
public final class HeapMeter implements AutoCloseable {
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Set<String> heapPoolNames = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peakLive = new AtomicLong();
    private final NotificationListener listener = this::onGc;

    public HeapMeter() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        long live = 0;
        for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPoolNames.contains(e.getKey())) {
                MemoryUsage u = e.getValue();
                live += u.getUsed();
            }
        }
        peakLive.accumulateAndGet(live, Math::max);
    }

    /** Collects garbage, then starts a new section. */
    public void reset() {
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        peakLive.set(0);
    }

    public long peakUsedBytes() {
        return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** Largest heap that survived a collection since {@link #reset()}; call {@link #settle()} first. */
    public long peakLiveBytes() {
        return peakLive.get();
    }

    /** Forces a collection so that the end of the section is measured too. */
    public void settle() {
        System.gc();
        try {
            Thread.sleep(50); // notifications arrive asynchronously
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            }
        }
    }
}
