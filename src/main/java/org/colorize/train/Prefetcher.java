package org.colorize.train;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongFunction;

/**
 * Makes the batches of steps {@code from, from+1, …} on a background daemon thread, a few ahead,
 * so the TensorFlow session never waits for data. Errors on the background thread surface in
 * {@link #next()}.
 */
final class Prefetcher implements AutoCloseable {
    private record Item(Batch batch, Throwable error) {
    }

    private final BlockingQueue<Item> queue;
    private final Thread thread;
    private long expected;
    private volatile long waitedNanos;

    Prefetcher(LongFunction<Batch> maker, long from, long to, int depth) {
        queue = new ArrayBlockingQueue<>(Math.max(1, depth));
        expected = from;
        thread = new Thread(() -> {
            try {
                for (long step = from; step < to && !Thread.currentThread().isInterrupted(); step++) {
                    queue.put(new Item(maker.apply(step), null));
                }
            } catch (InterruptedException e) {
                // closed
            } catch (Throwable t) {
                try {
                    queue.put(new Item(null, t));
                } catch (InterruptedException e) {
                    // closed
                }
            }
        }, "colorize-batches");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY);
        thread.start();
    }

    /** The next step's batch, waiting for it if it is not ready. */
    Batch next() throws InterruptedException {
        long t0 = System.nanoTime();
        Item item = queue.take();
        waitedNanos += System.nanoTime() - t0;
        if (item.error() != null) {
            throw new IllegalStateException("making batch " + expected + " failed: " + item.error(), item.error());
        }
        if (item.batch().step() != expected) {
            throw new IllegalStateException("batch for step " + item.batch().step() + " arrived, expected " + expected);
        }
        expected++;
        return item.batch();
    }

    /** Total time {@link #next()} waited for batches, in seconds: 0 when data is never the bottleneck. */
    double waitedSeconds() {
        return waitedNanos / 1e9;
    }

    @Override
    public void close() {
        thread.interrupt();
        queue.clear();
    }
}
