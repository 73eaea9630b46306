package org.colorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.colorize.ColorizeCanceledException;
import org.junit.jupiter.api.Test;

class WorkersTest {

    @Test
    void everyRowIsDoneExactlyOnceAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            AtomicIntegerArray done = new AtomicIntegerArray(1001);
            new Workers(pool, 4, CancelToken.NEVER).forRows(1001, 7, (from, to) -> {
                for (int y = from; y < to; y++) done.incrementAndGet(y);
            });
            for (int y = 0; y < 1001; y++) assertEquals(1, done.get(y), "row " + y);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFailureInARowReachesTheCallerAsItself() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Workers.common().forRows(100, 10, (from, to) -> {
            if (from == 50) throw boom;
        }));
        assertSame(boom, e);
    }

    @Test
    void aCancelStopsTheLoopAndSaysSo() {
        CancelFlag flag = new CancelFlag();
        AtomicIntegerArray done = new AtomicIntegerArray(100);
        assertThrows(ColorizeCanceledException.class, () -> Workers.sequential(flag).forRows(100, 10, (from, to) -> {
            done.incrementAndGet(from);
            if (from == 20) flag.cancel();
        }));
        assertEquals(1, done.get(20));
        assertEquals(0, done.get(30), "no task starts after the cancel");
    }

    @Test
    void aPollingTokenStaysCanceledOnceTriggered() {
        AtomicBoolean escape = new AtomicBoolean();
        CancelToken token = CancelToken.polling(escape::get);
        assertTrue(!token.isCanceled());
        escape.set(true);
        assertTrue(token.isCanceled());
        escape.set(false);
        assertTrue(token.isCanceled(), "an Esc that was seen is not forgotten");
    }
}
