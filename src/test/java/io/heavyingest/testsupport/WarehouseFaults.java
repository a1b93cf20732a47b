package io.heavyingest.testsupport;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Switches of the fault-injecting warehouse: fail the k-th append from now, or slow every append down. */
@Singleton
public class WarehouseFaults {
    private final AtomicInteger appendsUntilFailure = new AtomicInteger(0);
    private final AtomicLong appendDelayMillis = new AtomicLong(0);

    /** The {@code k}-th append from now throws (1 = the next one); later appends work again. */
    public void failAppend(int k) {
        appendsUntilFailure.set(k);
    }

    /** Every append sleeps this long first, so concurrent deliveries overlap in time. */
    public void slowAppends(long millis) {
        appendDelayMillis.set(millis);
    }

    public void reset() {
        appendsUntilFailure.set(0);
        appendDelayMillis.set(0);
    }

    /** Called before each append: true when this one must fail. */
    boolean beforeAppend() throws InterruptedException {
        long delay = appendDelayMillis.get();
        if (delay > 0) {
            Thread.sleep(delay);
        }
        return appendsUntilFailure.get() > 0 && appendsUntilFailure.decrementAndGet() == 0;
    }
}
