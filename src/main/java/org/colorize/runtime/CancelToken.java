package org.colorize.runtime;

import java.util.function.BooleanSupplier;
import org.colorize.ColorizeCanceledException;

/**
 * Asks whether the work should stop. Checked between planes and stages and in the row loops, so
 * a cancel takes effect within a few rows; the check is a cheap read.
 */
@FunctionalInterface
public interface CancelToken {
    CancelToken NEVER = () -> false;

    boolean isCanceled();

    default void check() throws ColorizeCanceledException {
        if (isCanceled()) throw new ColorizeCanceledException();
    }

    /** A token that also stops when {@code condition} turns true (ImageJ's Esc key, say); once true, it stays true. */
    static CancelToken polling(BooleanSupplier condition) {
        CancelFlag latched = new CancelFlag();
        return () -> {
            if (!latched.isCanceled() && condition.getAsBoolean()) latched.cancel();
            return latched.isCanceled();
        };
    }
}
