package org.colorize.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.colorize.ColorizeCanceledException;

/**
 * The threads row loops may use: an executor, how many threads of it (the caller counts as one),
 * and the cancel token checked between tasks of rows. A host bounds the cores by what it passes here.
 *
 * @param executor    where the helper threads run
 * @param parallelism threads working at once, the calling thread included (≥ 1)
 * @param cancel      checked before every task of rows
 */
public record Workers(Executor executor, int parallelism, CancelToken cancel) {

    public Workers {
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        if (cancel == null) cancel = CancelToken.NEVER;
    }

    /** The common pool with the caller, like a parallel stream; never canceled. */
    public static Workers common() {
        return common(CancelToken.NEVER);
    }

    public static Workers common(CancelToken cancel) {
        ForkJoinPool pool = ForkJoinPool.commonPool();
        return new Workers(pool, pool.getParallelism() + 1, cancel);
    }

    /** Everything on the calling thread. */
    public static Workers sequential(CancelToken cancel) {
        return new Workers(Runnable::run, 1, cancel);
    }

    /** Works on the rows {@code [from, to)} of one task. */
    @FunctionalInterface
    public interface RowBlock {
        void rows(int from, int to);
    }

    /**
     * Runs {@code block} over {@code rows} rows in tasks of {@code rowsPerTask}, on up to
     * {@link #parallelism} threads, and returns when every started task has finished. The token is
     * checked before every task, so a cancel stops the loop within one task's rows.
     *
     * @throws ColorizeCanceledException if the token was canceled before all rows were done
     */
    public void forRows(int rows, int rowsPerTask, RowBlock block) throws ColorizeCanceledException {
        RowJob job = new RowJob(rows, rowsPerTask, block, cancel);
        int helpers = Math.min(parallelism, job.tasks) - 1;
        for (int i = 0; i < helpers; i++) {
            try {
                executor.execute(job::work);
            } catch (RejectedExecutionException e) {
                break; // the caller does the rest
            }
        }
        job.work();
        job.awaitClaimedTasks();
        job.rethrow();
    }

    /** Tasks are claimed from a counter, so helpers that start late find nothing and leave. */
    private static final class RowJob {
        final int rows;
        final int rowsPerTask;
        final int tasks;
        final RowBlock block;
        final CancelToken cancel;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger unfinished;
        volatile boolean stopped;
        volatile Throwable failure;

        RowJob(int rows, int rowsPerTask, RowBlock block, CancelToken cancel) {
            this.rows = rows;
            this.rowsPerTask = rowsPerTask;
            this.tasks = (rows + rowsPerTask - 1) / rowsPerTask;
            this.block = block;
            this.cancel = cancel;
            this.unfinished = new AtomicInteger(tasks);
        }

        void work() {
            int task;
            while ((task = next.getAndIncrement()) < tasks) {
                try {
                    if (stopped) continue;
                    if (cancel.isCanceled()) {
                        stopped = true;
                        continue;
                    }
                    block.rows(task * rowsPerTask, Math.min(rows, (task + 1) * rowsPerTask));
                } catch (Throwable e) {
                    if (failure == null) failure = e;
                    stopped = true;
                } finally {
                    if (unfinished.decrementAndGet() == 0) {
                        synchronized (this) {
                            notifyAll();
                        }
                    }
                }
            }
        }

        synchronized void awaitClaimedTasks() {
            boolean interrupted = false;
            while (unfinished.get() > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }

        void rethrow() throws ColorizeCanceledException {
            Throwable f = failure;
            if (f instanceof RuntimeException r) throw r;
            if (f instanceof Error e) throw e;
            if (f != null) throw new IllegalStateException(f);
            if (stopped) throw new ColorizeCanceledException();
        }
    }
}
