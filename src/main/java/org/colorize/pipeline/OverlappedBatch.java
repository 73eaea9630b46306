package org.colorize.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.colorize.runtime.CancelToken;

/**
 * Runs an {@link ImageJob} over many inputs with its three stages overlapped: reader threads
 * decode the next images while the calling thread colorizes one and writer threads encode the
 * ones before it. Bounded queues between the stages keep at most {@code depth} images waiting at
 * each, so memory stays at a few images whatever the batch size; the model is the job's, loaded
 * once.
 *
 * <p>A cancel stops reading and stops the image being colorized before anything of it is
 * written; images already colorized are still written (their work is done and a write is short),
 * later ones end {@link ImageOutcome.Status#NOT_STARTED}.
 */
public final class OverlappedBatch {
    /**
     * @param readers threads decoding
     * @param writers threads encoding and writing (PNG encoding is the slowest stage of a 2-MP gray image)
     * @param depth   images waiting between two stages
     */
    public record Settings(int readers, int writers, int depth) {
        public Settings {
            if (readers < 1 || writers < 1 || depth < 1) {
                throw new IllegalArgumentException("readers, writers and depth must be at least 1: " + readers + ", " + writers + ", " + depth);
            }
        }

        /** For {@code cores} cores: one reader, a writer per core (at least two), two images waiting. */
        public static Settings forCores(int cores) {
            return new Settings(1, Math.max(2, cores), 2);
        }
    }

    /** One input between two stages, with its place in the batch. */
    private record Slot<I>(int index, ImageJob.Work<I> work) {
    }

    private static final Slot<?> END = new Slot<>(-1, null);

    private OverlappedBatch() {
    }

    /**
     * Runs the batch; returns when every input has its outcome.
     *
     * @param listener told of each outcome (except {@code NOT_STARTED} ones) as it is known, from
     *                 any of the batch's threads, one call at a time
     * @return the outcomes in input order
     */
    public static <I> List<ImageOutcome> run(List<I> inputs, ImageJob<I> job, CancelToken cancel, Settings settings,
            Consumer<ImageOutcome> listener) {
        int n = inputs.size();
        ImageOutcome[] outcomes = new ImageOutcome[n];
        BlockingQueue<Slot<I>> toColorize = new ArrayBlockingQueue<>(settings.depth());
        BlockingQueue<Slot<I>> toWrite = new ArrayBlockingQueue<>(settings.depth());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> crash = new AtomicReference<>();
        Consumer<Slot<I>> finish = slot -> {
            ImageOutcome o = job.write(slot.work());
            synchronized (outcomes) {
                outcomes[slot.index()] = o;
                listener.accept(o);
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < settings.readers(); r++) {
            threads.add(start("colorize-read-" + r, crash, () -> {
                try {
                    while (crash.get() == null && !cancel.isCanceled()) {
                        int i = next.getAndIncrement();
                        if (i >= n) break;
                        put(toColorize, new Slot<>(i, job.read(inputs.get(i))), crash);
                    }
                } finally {
                    putEnd(toColorize);
                }
            }));
        }
        for (int w = 0; w < settings.writers(); w++) {
            threads.add(start("colorize-write-" + w, crash, () -> {
                while (true) {
                    Slot<I> slot = toWrite.poll(100, TimeUnit.MILLISECONDS);
                    if (slot == END || slot == null && crash.get() != null) break;
                    if (slot != null) finish.accept(slot);
                }
            }));
        }
        int ended = 0;
        try {
            while (ended < settings.readers()) {
                Slot<I> slot = toColorize.take();
                if (slot == END) {
                    ended++;
                } else if (cancel.isCanceled() || crash.get() != null) {
                    // Read before the cancel, never colorized: NOT_STARTED below.
                } else {
                    put(toWrite, new Slot<>(slot.index(), job.colorize(slot.work())), crash);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            crash.compareAndSet(null, e);
        } catch (RuntimeException | Error e) {
            crash.compareAndSet(null, e);
        } finally {
            // After a crash the readers stop at their next image; take what they still hand over.
            while (ended < settings.readers()) {
                if (takeQuietly(toColorize) == END) ended++;
            }
            for (int w = 0; w < settings.writers(); w++) putQuietly(toWrite, crash);
            for (Thread t : threads) joinQuietly(t);
        }
        Throwable t = crash.get();
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        if (t != null) throw new IllegalStateException("batch interrupted", t);
        List<ImageOutcome> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) all.add(outcomes[i] != null ? outcomes[i] : job.notStarted(inputs.get(i)));
        return all;
    }

    @FunctionalInterface
    private interface Loop {
        void run() throws InterruptedException;
    }

    private static Thread start(String name, AtomicReference<Throwable> crash, Loop loop) {
        Thread t = new Thread(() -> {
            try {
                loop.run();
            } catch (Throwable e) { // an Error or a bug: the batch stops and the caller gets it
                crash.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Waits for room, unless a crash means nobody may take it any more (then the slot is dropped). */
    private static <I> void put(BlockingQueue<Slot<I>> queue, Slot<I> slot, AtomicReference<Throwable> crash)
            throws InterruptedException {
        while (!queue.offer(slot, 100, TimeUnit.MILLISECONDS)) {
            if (crash.get() != null) return;
        }
    }

    private static <I> Slot<I> takeQuietly(BlockingQueue<Slot<I>> queue) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <I> void putQuietly(BlockingQueue<Slot<I>> queue, AtomicReference<Throwable> crash) {
        try {
            put(queue, (Slot<I>) END, crash);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            crash.compareAndSet(null, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <I> void putEnd(BlockingQueue<Slot<I>> queue) {
        // The consumer keeps taking until it has every END, so this never waits for long.
        boolean interrupted = false;
        while (true) {
            try {
                queue.put((Slot<I>) END);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private static void joinQuietly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
