package org.colorize.runtime;

/** A token that is canceled by calling {@link #cancel()}, from any thread (a shutdown hook, a button). */
public final class CancelFlag implements CancelToken {
    private volatile boolean canceled;

    public void cancel() {
        canceled = true;
    }

    @Override
    public boolean isCanceled() {
        return canceled;
    }
}
