package org.colorize.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * On SIGINT/SIGTERM asks the training loop to stop and holds the JVM up to
 * {@value Trainer#HOOK_WAIT_SECONDS} s, until the loop has finished the step in flight and
 * written its checkpoint ({@link #close}).
 */
final class ShutdownGuard implements AutoCloseable {
    private final AtomicBoolean signalled = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    /** @param install false: never signalled (ImageJ, tests) */
    ShutdownGuard(boolean install) {
        if (install) {
            hook = new Thread(() -> {
                signalled.set(true);
                try {
                    done.await(Trainer.HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "colorize-train-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        } else {
            hook = null;
        }
    }

    boolean signalled() {
        return signalled.get();
    }

    /** The run is over: a waiting hook returns, and the hook is removed. */
    @Override
    public void close() {
        done.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running and will now return
            }
        }
    }
}
