package org.colorize.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import net.imglib2.img.array.ArrayImgs;
import org.colorize.ColorizeException;
import org.colorize.image.ImageMetadata;
import org.colorize.image.SourceImage;
import org.colorize.runtime.CancelFlag;
import org.junit.jupiter.api.Test;

/** The overlapped batch on a fake store and colorizer: every input once, in order, bounded, failures and cancels as outcomes. */
class OverlappedBatchTest {
    static final Provenance PROVENANCE = new Provenance("s", "p", "fake", "1", "card", "summary", "cpu", "none", "model=fake", "t", null);

    /** Inputs are numbers; input n decodes to a 1×1 image of value n; "written" records what was written. */
    static final class FakeStore implements ImageStore<Integer> {
        final Map<Integer, Integer> written = new ConcurrentHashMap<>();
        final Set<Integer> badReads;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();

        FakeStore(Set<Integer> badReads) {
            this.badReads = badReads;
        }

        @Override
        public String describe(Integer input) {
            return "in" + input;
        }

        @Override
        public SourceImage read(Integer input) throws ColorizeException {
            if (badReads.contains(input)) throw new ColorizeException("not an image");
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return SourceImage.of(ArrayImgs.unsignedBytes(new byte[] {(byte) (int) input}, 1, 1), "in" + input);
        }

        @Override
        public String write(Integer input, Colorization colorization) throws ColorizeException {
            sleep(2);
            inFlight.decrementAndGet();
            if (written.put(input, colorization.metadata().title().length()) != null) throw new AssertionError("written twice: " + input);
            return "out" + input;
        }
    }

    static Colorizer colorizer(Set<Integer> bad, Runnable each) {
        return (image, options, context) -> {
            each.run();
            context.cancel().check();
            String title = image.metadata().title();
            if (bad.contains(Integer.parseInt(title.substring(2)))) throw new ColorizeException("no colors for " + title);
            return new ColorizeResult(List.of(new Colorization(ArrayImgs.argbs(new int[] {0xff102030}, 1, 1),
                    ImageMetadata.of(title, 1), OptionalLong.empty(), PROVENANCE)), List.of(), new StageTimes(0, 0, 0.001, 0));
        };
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void everyInputOnceInOrderWithFailuresAsOutcomesAndAtMostAFewImagesInFlight() {
        FakeStore store = new FakeStore(Set.of(3, 17));
        ImageJob<Integer> job = new ImageJob<>(colorizer(Set.of(5), () -> sleep(1)), ColorizeOptions.defaults(), store,
                in -> ColorizeContext.defaults());
        List<Integer> inputs = IntStream.range(0, 60).boxed().toList();
        List<ImageOutcome> told = new ArrayList<>();
        OverlappedBatch.Settings settings = new OverlappedBatch.Settings(2, 2, 2);
        List<ImageOutcome> outcomes = OverlappedBatch.run(inputs, job, () -> false, settings, told::add);
        assertEquals(60, outcomes.size());
        assertEquals(60, told.size());
        for (int i = 0; i < 60; i++) {
            ImageOutcome o = outcomes.get(i);
            assertEquals("in" + i, o.input());
            if (i == 3 || i == 17) {
                assertEquals(ImageOutcome.Status.FAILED, o.status());
                assertEquals("not an image", o.error());
            } else if (i == 5) {
                assertEquals(ImageOutcome.Status.FAILED, o.status());
                assertTrue(o.error().contains("no colors"), o.error());
            } else {
                assertEquals(ImageOutcome.Status.WRITTEN, o.status(), o.toString());
                assertEquals("out" + i, o.output());
                assertEquals("model=fake", o.provenance().parameters());
            }
        }
        assertEquals(57, store.written.size());
        // readers + queue + colorizer + queue + writers, each holding one image at most (+1: input 5 never reaches a write)
        int bound = settings.readers() + settings.depth() + 1 + settings.depth() + settings.writers() + 1;
        assertTrue(store.maxInFlight.get() <= bound, store.maxInFlight.get() + " images in flight, bound " + bound);
    }

    @Test
    void aCancelStopsTheImageBeingColorizedAndBeginsNoOther() {
        FakeStore store = new FakeStore(Set.of());
        CancelFlag cancel = new CancelFlag();
        AtomicInteger colorized = new AtomicInteger();
        ImageJob<Integer> job = new ImageJob<>(colorizer(Set.of(), () -> {
            if (colorized.incrementAndGet() == 10) cancel.cancel();
        }), ColorizeOptions.defaults(), store, in -> ColorizeContext.defaults().withCancel(cancel));
        List<ImageOutcome> outcomes = OverlappedBatch.run(IntStream.range(0, 40).boxed().toList(), job, cancel,
                OverlappedBatch.Settings.forCores(2), o -> { });
        assertEquals(40, outcomes.size());
        assertEquals(ImageOutcome.Status.CANCELED, outcomes.get(9).status());
        assertNull(outcomes.get(9).output());
        for (int i = 0; i < 9; i++) assertEquals(ImageOutcome.Status.WRITTEN, outcomes.get(i).status(), "colorized before the cancel: written");
        for (int i = 10; i < 40; i++) assertEquals(ImageOutcome.Status.NOT_STARTED, outcomes.get(i).status());
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8), store.written.keySet());
        assertEquals(10, colorized.get(), "nothing colorized after the cancel");
    }

    @Test
    void anErrorInAStageReachesTheCallerWithoutHangingTheOtherThreads() {
        FakeStore store = new FakeStore(Set.of());
        ImageJob<Integer> job = new ImageJob<>((image, options, context) -> {
            throw new OutOfMemoryError("fake");
        }, ColorizeOptions.defaults(), store, in -> ColorizeContext.defaults());
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> OverlappedBatch.run(IntStream.range(0, 30).boxed().toList(),
                job, () -> false, new OverlappedBatch.Settings(1, 1, 1), o -> { }));
        assertEquals("fake", e.getMessage());
    }

    @Test
    void colorizeOneRunsTheStagesInSequence() throws Exception {
        FakeStore store = new FakeStore(Set.of(2));
        ImageJob<Integer> job = new ImageJob<>(colorizer(Set.of(), () -> { }), ColorizeOptions.defaults(), store,
                in -> ColorizeContext.defaults());
        assertEquals("out1", job.colorizeOne(1).output());
        assertEquals(ImageOutcome.Status.FAILED, job.colorizeOne(2).status());
        assertTrue(job.colorizeOne(4).colorizeSeconds() >= 0);
    }
}
