package org.colorize.pipeline;

import java.util.List;
import java.util.function.Function;
import org.colorize.ColorizeCanceledException;
import org.colorize.ColorizeException;
import org.colorize.image.SourceImage;

/**
 * The per-image function of every batch: read one input from its {@link ImageStore}, colorize it
 * with a model loaded once for the whole batch, write the result, and say what happened in an
 * {@link ImageOutcome}: a bad input is an outcome with an error, never an exception. The command
 * line runs it through {@link OverlappedBatch}, which overlaps the three stages of successive
 * images; a Spark task runs the same stages.
 *
 * @param <I> how an input is named
 */
public final class ImageJob<I> {
    private final Colorizer colorizer;
    private final ColorizeOptions options;
    private final ImageStore<I> store;
    private final Function<I, ColorizeContext> contexts;

    /**
     * @param contexts the colorization context for an input (its progress messages, the batch's cancel token, threads)
     */
    public ImageJob(Colorizer colorizer, ColorizeOptions options, ImageStore<I> store, Function<I, ColorizeContext> contexts) {
        this.colorizer = colorizer;
        this.options = options;
        this.store = store;
        this.contexts = contexts;
    }

    public ImageStore<I> store() {
        return store;
    }

    /** Reads, colorizes and writes one input, one stage after the other. */
    public ImageOutcome colorizeOne(I input) {
        return write(colorize(read(input)));
    }

    /** One input on its way through the stages; what the stages hand each other. */
    public static final class Work<I> {
        final I input;
        SourceImage source;
        ColorizeResult result;
        ImageOutcome.Status failure;
        String error;
        double readSeconds;
        double colorizeSeconds;

        Work(I input) {
            this.input = input;
        }

        public I input() {
            return input;
        }

        boolean failed() {
            return failure != null;
        }
    }

    /** The first stage: decoding. */
    public Work<I> read(I input) {
        Work<I> work = new Work<>(input);
        long start = System.nanoTime();
        try {
            work.source = store.read(input);
        } catch (ColorizeException e) {
            work.failure = ImageOutcome.Status.FAILED;
            work.error = e.getMessage();
        } catch (RuntimeException e) {
            work.failure = ImageOutcome.Status.FAILED;
            work.error = "cannot read: " + e;
        }
        work.readSeconds = seconds(start);
        return work;
    }

    /** The second stage: the colorizer (the network and the full-size recombination). Passes failures on. */
    public Work<I> colorize(Work<I> work) {
        if (work.failed()) return work;
        long start = System.nanoTime();
        try {
            work.result = colorizer.colorize(work.source, options, contexts.apply(work.input));
        } catch (ColorizeCanceledException e) {
            work.failure = ImageOutcome.Status.CANCELED;
            work.error = "canceled";
        } catch (ColorizeException e) {
            work.failure = ImageOutcome.Status.FAILED;
            work.error = e.getMessage();
        } catch (RuntimeException e) {
            work.failure = ImageOutcome.Status.FAILED;
            work.error = "cannot colorize: " + e;
        }
        work.source = null; // the decoded pixels are not needed any more
        work.colorizeSeconds = seconds(start);
        return work;
    }

    /** The last stage: encoding and putting the result in place; the outcome of the input. */
    public ImageOutcome write(Work<I> work) {
        String name = store.describe(work.input);
        if (work.failed()) {
            return new ImageOutcome(name, null, work.failure, work.error, List.of(), work.readSeconds, work.colorizeSeconds, 0,
                    null, null);
        }
        ColorizeResult result = work.result;
        long start = System.nanoTime();
        String output = null;
        String error = null;
        try {
            output = store.write(work.input, result.first());
        } catch (ColorizeException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            error = "cannot write: " + e;
        }
        work.result = null;
        return new ImageOutcome(name, output, error == null ? ImageOutcome.Status.WRITTEN : ImageOutcome.Status.FAILED, error,
                result.warnings(), work.readSeconds, work.colorizeSeconds, seconds(start), result.times(),
                result.first().provenance());
    }

    /** The outcome of an input the batch did not begin. */
    public ImageOutcome notStarted(I input) {
        return new ImageOutcome(store.describe(input), null, ImageOutcome.Status.NOT_STARTED, "canceled before it began",
                List.of(), 0, 0, 0, null, null);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
