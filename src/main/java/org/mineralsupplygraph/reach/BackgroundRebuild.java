package org.mineralsupplygraph.reach;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supply reach's rebuilds: the thread that runs one in the background, and what questions and imports ask of it
 * (whether one is due or running). A rebuild runs under the reach's write lock, as every write to the reach does.
 */
final class BackgroundRebuild {

    private static final Logger log = LoggerFactory.getLogger(SupplyReach.class);

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "supply-reach");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean building = new AtomicBoolean();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Object writes;
    private final Runnable rebuild;
    private final Runnable failed;

    /**
     * @param writes the lock every write to the reach holds
     * @param rebuild rebuilds the whole reach in the calling thread
     * @param failed what to do when a background rebuild failed (the reach is then no longer current)
     */
    BackgroundRebuild(Object writes, Runnable rebuild, Runnable failed) {
        this.writes = writes;
        this.rebuild = rebuild;
        this.failed = failed;
    }

    /** Whether a rebuild is due or running: questions walk the graph meanwhile. */
    boolean building() {
        return building.get();
    }

    /** Whether a rebuild is due or running, or another is due after it: an import leaves the reach to them. */
    boolean busy() {
        return building.get() || scheduled.get();
    }

    /** Rebuilds the whole reach in the background; returns at once. */
    void schedule(String why) {
        if (scheduled.compareAndSet(false, true)) {
            building.set(true);
            log.info("Supply reach stale ({}): rebuilding it in the background", why);
            background.execute(this::runScheduled);
        }
    }

    private void runScheduled() {
        try {
            synchronized (writes) {
                scheduled.set(false);
                rebuild.run();
            }
        } catch (RuntimeException e) {
            if (background.isShutdown()) {
                log.info("Supply reach rebuild stopped: the application is closing; it is rebuilt at the next start");
            } else {
                log.warn(
                        "Supply reach rebuild failed ({}); questions walk the graph until it is rebuilt",
                        e.getMessage());
            }
            failed.run();
        } finally {
            building.set(scheduled.get());
        }
    }

    /** Runs a rebuild in the calling thread, holding the write lock; questions walk the graph meanwhile. */
    <T> T now(Supplier<T> build) {
        synchronized (writes) {
            building.set(true);
            try {
                return build.get();
            } finally {
                building.set(scheduled.get());
            }
        }
    }

    /** Waits for a background rebuild, for tests and tools. */
    boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (busy()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    /** Stops the background rebuild thread. */
    void close() {
        background.shutdownNow();
    }
}
