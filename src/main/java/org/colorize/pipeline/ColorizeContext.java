package org.colorize.pipeline;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.colorize.runtime.CancelToken;
import org.colorize.runtime.Workers;

/**
 * What the host gives a colorization besides the image and the options: where progress goes,
 * when to stop, and which threads the row loops may use (so Spark or ImageJ can bound the cores).
 *
 * @param progress    stage and fraction, for a status bar or a terminal
 * @param cancel      checked between planes and stages and in the row loops
 * @param executor    runs the helper threads of the row loops
 * @param parallelism threads at once, the calling thread included
 */
public record ColorizeContext(ProgressListener progress, CancelToken cancel, Executor executor, int parallelism) {

    public ColorizeContext {
        progress = progress == null ? ProgressListener.NONE : progress;
        cancel = cancel == null ? CancelToken.NEVER : cancel;
        if (executor == null) {
            executor = ForkJoinPool.commonPool();
            if (parallelism <= 0) parallelism = ForkJoinPool.commonPool().getParallelism() + 1;
        }
        if (parallelism <= 0) throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }

    /** No progress, never canceled, the common pool plus the caller (what a parallel stream uses). */
    public static ColorizeContext defaults() {
        return of(ProgressListener.NONE, CancelToken.NEVER);
    }

    /** Progress and cancel on the common pool. */
    public static ColorizeContext of(ProgressListener progress, CancelToken cancel) {
        return new ColorizeContext(progress, cancel, null, 0);
    }

    public ColorizeContext withProgress(ProgressListener listener) {
        return new ColorizeContext(listener, cancel, executor, parallelism);
    }

    public ColorizeContext withCancel(CancelToken token) {
        return new ColorizeContext(progress, token, executor, parallelism);
    }

    /** At most {@code threads} threads of {@code pool}. */
    public ColorizeContext withThreads(Executor pool, int threads) {
        return new ColorizeContext(progress, cancel, pool, threads);
    }

    /** The row loops' view of this context. */
    public Workers workers() {
        return new Workers(executor, parallelism, cancel);
    }
}
