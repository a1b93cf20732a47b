package io.heavyingest.csv;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A helper thread of {@link WideCsvReader} that parses one byte range of a row ({@link ValueRun}) into arrays of its
 * own while the reading thread parses another.
 *
 * <p>Hand-off is a state word: the reader writes the task, moves {@code IDLE -> POSTED} and wakes the thread; the
 * thread runs it and moves {@code POSTED -> DONE}; the reader reads the result and moves {@code DONE -> IDLE}. Both
 * sides spin briefly before they park, because waking a parked thread costs a hundred microseconds or more on a
 * virtual machine, which is much of a row's parse time. The thread is a daemon; it ends when {@link #stop()} is called
 * or when it has been idle for {@link #IDLE_EXIT_NANOS} (so a reader abandoned without {@code close()} leaves no thread
 * behind), and {@link #post} starts a new one when needed.
 */
final class ParseWorker {
    private static final int IDLE = 0;
    private static final int POSTED = 1;
    private static final int DONE = 2;
    private static final int EXITED = 3;
    /** How long a side spins before it parks. */
    private static final long SPIN_NANOS = 50_000;
    private static final long IDLE_EXIT_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final AtomicInteger state = new AtomicInteger(EXITED);
    private final ValueRun run;
    final double[] values;
    final boolean[] missing;
    private volatile boolean stopped;
    private volatile Thread thread;
    private volatile Thread waiter;

    // the task, written by the reader before POSTED, read by the worker after it
    private byte[] bytes;
    private int from;
    private int limit;
    private boolean eof;
    private int stop;
    // the result, written by the worker before DONE, read by the reader after it
    private boolean ok;

    ParseWorker(int maxValues, int maxFieldBytes) {
        this.run = new ValueRun(maxFieldBytes);
        this.values = new double[maxValues];
        this.missing = new boolean[maxValues];
    }

    /** Starts parsing {@code b[from...]} up to {@code stop} (-1: the end of the record) on the worker thread. */
    void post(byte[] b, int from, int limit, boolean eof, int stop) {
        this.bytes = b;
        this.from = from;
        this.limit = limit;
        this.eof = eof;
        this.stop = stop;
        this.ok = false;
        this.stopped = false;
        if (state.compareAndSet(IDLE, POSTED)) {
            LockSupport.unpark(thread);
            return;
        }
        // never started, or ended after being idle: a new thread takes the task
        state.set(POSTED);
        Thread t = new Thread(this::work, "csv-parse-" + THREAD_NUMBER.incrementAndGet());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Waits for the posted task; true when its range parsed (then {@link #count()} and the arrays hold it). */
    boolean await() {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (state.get() != DONE) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
                continue;
            }
            waiter = Thread.currentThread();
            if (state.get() != DONE) {
                LockSupport.parkNanos(this, 1_000_000);
            }
        }
        waiter = null;
        boolean result = ok;
        state.set(IDLE);
        return result;
    }

    /** True when the posted task has finished (the reader still calls {@link #await()}). */
    boolean isDone() { return state.get() == DONE; }

    int count() { return run.count; }

    int empty() { return run.empty; }

    int end() { return run.end; }

    /** Ends the thread once it is idle; a later {@link #post} starts a new one. */
    void stop() {
        stopped = true;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void work() {
        long idleSince = System.nanoTime();
        while (true) {
            int s = state.get();
            if (s == POSTED) {
                try {
                    ok = run.parse(bytes, from, limit, eof, stop, values, missing, 0, values.length);
                } catch (RuntimeException | Error e) {
                    ok = false; // never expected; the reader then reads the row the general way
                } finally {
                    bytes = null;
                    state.set(DONE);
                    Thread w = waiter;
                    if (w != null) {
                        LockSupport.unpark(w);
                    }
                }
                idleSince = System.nanoTime();
                continue;
            }
            long idle = System.nanoTime() - idleSince;
            if (s == IDLE && (stopped || idle > IDLE_EXIT_NANOS) && state.compareAndSet(IDLE, EXITED)) {
                return;
            }
            if (idle < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, stopped ? 1_000_000 : IDLE_EXIT_NANOS);
            }
        }
    }
}
