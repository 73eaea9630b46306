package org.colorize.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.colorize.TrainException;
import org.colorize.model.ModelCard;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.TfNatives;

/**
 * Trains a network by a {@link TrainingRecipe} on a folder of color images and exports it as a
 * Colorize model: the one implementation behind {@code colorize train} and Plugins › Colorize ›
 * Train Colorizer. The loop is here; what is built, trained, minimized, validated and exported is
 * the recipe's (today the full-image SIGGRAPH17 U-Net with the head of {@code --head}).
 *
 * <h2>A run</h2>
 * Finds where it starts ({@link RunStart}), reads and splits the data ({@link TrainingData}), builds
 * the recipe's training graph ({@link TrainingGraph}), then for each step takes a prefetched batch
 * ({@link BatchMaker}, {@link Prefetcher}), runs the recipe's optimizer steps at the scheduled
 * learning rate, reports the named losses, validates every {@code val-every} steps (losses, and PSNR
 * and the gray baseline through the product's own path, {@link ProductPathScore}, on fixed center
 * crops), checkpoints every {@code checkpoint-every}
 * steps and at least every {@value #CHECKPOINT_MINUTES} minutes ({@link RunCheckpoint}), and at the end checkpoints, validates and exports
 * ({@link ModelExporter}) with a model card.
 *
 * <h2>Stopping and resuming</h2>
 * <ul>
 *   <li>User cancel (the {@code cancel} supplier: Esc in ImageJ) or the {@code max-minutes} limit:
 *       finish the step, checkpoint, validate, export what was learned.</li>
 *   <li>SIGINT/SIGTERM (Ctrl-C, session end): a shutdown hook asks the loop to stop and waits up to
 *       {@value #HOOK_WAIT_SECONDS} s for the step in flight and a checkpoint (no export); at most
 *       {@code checkpoint-every} steps are lost if the JVM is killed harder.</li>
 *   <li>{@code --resume}: continues from the newest snapshot with everything that determines the
 *       future: step count, all variables including Adam's moments and β powers, the seed (batch
 *       {@code k} is a pure function of seed and k), the recipe's batch targets (rebalancing
 *       weights) and the loss EMAs. An
 *       uninterrupted run and a stopped-and-resumed run therefore see the same batches and the same
 *       updates. Without checkpoints it continues from the exported model in {@code out} (weights
 *       only: Adam restarts; the step count comes from its card). With neither it starts afresh.</li>
 * </ul>
 */
public final class Trainer {
    /** How long the shutdown hook waits for the step in flight and a checkpoint. */
    public static final long HOOK_WAIT_SECONDS = 30;
    /** A checkpoint is also written when the last one is this old, however slow the steps. */
    static final double CHECKPOINT_MINUTES = 15;
    /** Batches made ahead of the session. */
    static final int PREFETCH_DEPTH = 2;

    private final TrainOptions options;
    private final TrainingListener listener;
    private final BooleanSupplier cancel;
    private final boolean installShutdownHook;

    /** How a run ended. */
    public record Result(Path model, long steps, boolean finished, Validation validation, double wallSeconds,
            Path checkpoint, String stopReason, double exportDifference) {
    }

    /**
     * @param cancel              polled between steps; true stops the run with checkpoint and export
     * @param installShutdownHook checkpoint on SIGINT/SIGTERM (command line runs)
     */
    public Trainer(TrainOptions options, TrainingListener listener, BooleanSupplier cancel, boolean installShutdownHook) {
        this.options = options;
        this.listener = listener;
        this.cancel = cancel;
        this.installShutdownHook = installShutdownHook;
    }

    /**
     * What one session of a run works with.
     *
     * @param options      the options it continues with
     * @param graph        the recipe's training graph
     * @param data         the images
     * @param start        where it started
     * @param targets      what its batches carry
     * @param out          the model folder
     * @param checkpoints  the checkpoint folder
     * @param sessionStart {@link System#nanoTime()} at the session's start
     * @param listener     who hears about it
     */
    record Run(TrainOptions options, TrainingGraph graph, TrainingData data, RunStart start, BatchTargets targets, Path out,
            Path checkpoints, long sessionStart, TrainingListener listener, CropFeatures features) {
        /** Training time of the whole run so far. */
        double wallSeconds() {
            return start.wallSeconds() + (System.nanoTime() - sessionStart) / 1e9;
        }

        TrainingRecipe recipe() {
            return graph.recipe();
        }
    }

    /** Runs (or continues) the training and exports the model. */
    public Result run() throws TrainException {
        try (ShutdownGuard guard = new ShutdownGuard(installShutdownHook)) {
            return train(guard);
        }
    }

    private Result train(ShutdownGuard guard) throws TrainException {
        long sessionStart = System.nanoTime();
        try {
            TfNatives.load();
        } catch (IllegalStateException e) {
            throw new TrainException(e.getMessage(), e);
        }
        if (!"1".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS"))) {
            listener.message("note: TF_ENABLE_ONEDNN_OPTS=1 is not in the environment; TensorFlow's oneDNN kernels train"
                    + " about twice as fast on CPU (./colorize sets it; for ImageJ/Fiji set it before starting it)");
        }
        Path out = options.out().toAbsolutePath().normalize();
        Path checkpoints = options.checkpointFolder();
        RunStart start = RunStart.find(options, out, checkpoints, listener);
        TrainOptions o = start.continuedOptions(options, listener);
        TrainingRecipe recipe = SemanticRecipe.of(o.width(), o.head(), o.features(), o.hints(), out);

        TrainingData data = TrainingData.load(o.data(), o.size(), o.valFraction(), o.kinds(), listener::message,
                () -> guard.signalled() || cancel.getAsBoolean());
        if (start.state() != null && start.state().has("data")) {
            String before = start.state().getAsJsonObject("data").get("fingerprint").getAsString();
            if (!before.equals(data.fingerprint())) {
                listener.message("note: the data changed since the checkpoint (now " + data.train().size() + " training + "
                        + data.validation().size() + " validation images); continuing on the new set");
            }
        }
        BatchTargets targets = recipe.targets(data, start.state(), listener::message);
        CropFeatures features = recipe.cropFeatures(data, listener::message, () -> guard.signalled() || cancel.getAsBoolean());

        try (TrainingGraph graph = new TrainingGraph(recipe, TrainingGraph.Settings.of(o, start.seed()))) {
            listener.message(String.format(Locale.ROOT, "network: %s, %,d parameters; losses %s;"
                    + " %d×%d crops, batch %d, %s lr %s; TensorFlow threads %d intra-op, %d inter-op",
                    recipe.describe(), graph.parameterCount(), String.join(", ", recipe.lossNames()), o.size(), o.size(),
                    o.batch(), o.schedule().key(), TrainOptions.fmt(o.lr()), o.intraOpThreads(), o.interOp()));
            if (start.variables() != null) {
                try {
                    graph.load(start.variables(), start.fullState());
                } catch (IllegalArgumentException e) {
                    throw new TrainException("The saved weights do not fit this network (" + e.getMessage() + ").", e);
                }
            } else if (o.init() != null) {
                initFrom(graph, o.init());
            }
            return loop(new Run(o, graph, data, start, targets, out, checkpoints, sessionStart, listener, features), guard);
        }
    }

    /**
     * Starts a new run from the weights of the model in {@code init} (each variable the model has
     * under the same name and shape; the others, e.g. a fusion module's, keep their initial values).
     */
    private void initFrom(TrainingGraph graph, Path init) throws TrainException {
        List<String> names = graph.recipe().modelVariableNames();
        Map<String, TrainingGraph.Variable> weights = ModelExporter.readWeights(init, names);
        Map<String, TrainingGraph.Variable> fitting = new java.util.LinkedHashMap<>();
        Map<String, TrainingGraph.Variable> current = graph.read(ParameterStore.MODEL);
        weights.forEach((k, v) -> {
            TrainingGraph.Variable c = current.get(k);
            if (c != null && java.util.Arrays.equals(c.shape(), v.shape())) fitting.put(k, v);
        });
        if (fitting.isEmpty()) throw new TrainException("The model in " + init + " has none of this network's variables.");
        graph.load(fitting, false);
        listener.message("initialized " + fitting.size() + " of " + names.size() + " variables from " + init);
    }

    /** Why the loop should stop before the next step, or null. */
    private String stopReason(Run run, ShutdownGuard guard) {
        if (guard.signalled()) return "signal";
        if (cancel.getAsBoolean()) return "canceled";
        double minutes = (System.nanoTime() - run.sessionStart()) / 60e9;
        if (run.options().maxMinutes() > 0 && minutes >= run.options().maxMinutes()) return "time limit";
        return null;
    }

    private Result loop(Run run, ShutdownGuard guard) throws TrainException {
        TrainOptions o = run.options();
        TrainingGraph graph = run.graph();
        RunStart start = run.start();
        BatchMaker maker = new BatchMaker(run.data().trainImages(), o.size(), o.batch(), run.targets(), start.seed(),
                run.features());
        ProductPathScore score = ProductPathScore.of(run.recipe());
        List<ProductPathScore.ProductBatch> valBatches = score.prepare(maker.validation(run.data().validationImages(), o.batch()));
        RunCheckpoint checkpoint = new RunCheckpoint(run);
        LossSmoother smoother = LossSmoother.restore(start.state());
        StepClock clock = new StepClock(o.batch());
        long step = start.step();
        long lastCheckpoint = start.fullState() ? step : -1;
        long lastCheckpointNanos = System.nanoTime();
        Validation validation = null;
        String stop = null;
        Path snapshot = null;
        if (step >= o.steps()) listener.message("already at step " + step + " of " + o.steps() + "; nothing to train");
        try (TrainingLog log = TrainingLog.open(run.checkpoints(), start.step(), run.recipe().lossNames());
                Prefetcher prefetch = new Prefetcher(maker::make, step, o.steps(), PREFETCH_DEPTH)) {
            while (step < o.steps()) {
                stop = stopReason(run, guard);
                if (stop != null) break;
                Batch batch = prefetch.next();
                double lr = o.schedule().rate(o.lr(), step, o.steps());
                long t0 = System.nanoTime();
                LossValues losses = graph.train(batch, lr);
                clock.add((System.nanoTime() - t0) / 1e9);
                if (!losses.finite()) {
                    throw new TrainException(String.format(Locale.ROOT, "The loss became %s at step %d (learning rate %.3g too"
                            + " high?). Nothing was saved from this step; the last checkpoint is intact: resume with a lower"
                            + " --lr.", losses.describe(), step + 1, lr));
                }
                step++;
                LossValues smoothed = smoother.add(losses);
                listener.step(new TrainingListener.Progress(step, o.steps(), losses, smoothed, lr, clock.rate(),
                        clock.eta(o.steps() - step)));
                Validation v = null;
                if (step % o.validationInterval() == 0 || step == o.steps()) {
                    v = Validation.measure(graph, score, valBatches, step);
                    validation = v;
                    listener.validated(v);
                }
                log.step(new TrainingLog.Row(step, run.wallSeconds(), lr, losses, smoothed, clock.rate(), v));
                boolean due = step % o.checkpointInterval() == 0
                        || System.nanoTime() - lastCheckpointNanos > CHECKPOINT_MINUTES * 60e9;
                if (due && step < o.steps()) {
                    lastCheckpointNanos = System.nanoTime();
                    log.flush();
                    snapshot = checkpoint.save(step, smoother, validation);
                    lastCheckpoint = step;
                }
            }
            log.flush();
            if (step != lastCheckpoint && (step > start.step() || !start.fullState())) {
                snapshot = checkpoint.save(step, smoother, validation);
            }
        } catch (IOException e) {
            throw new TrainException("Cannot write to the checkpoint folder " + run.checkpoints() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainException("Training was interrupted at step " + step + ".", e);
        }
        if ("signal".equals(stop)) {
            listener.message("stopped by a signal at step " + step + "; checkpoint saved in " + run.checkpoints()
                    + "; rerun with --resume to continue");
            return new Result(null, step, false, validation, run.wallSeconds(), snapshot, stop, Double.NaN);
        }
        if (stop != null) listener.message("stopped (" + stop + ") at step " + step + " of " + o.steps() + "; exporting what was learned");
        if (validation == null || validation.step() != step) {
            validation = Validation.measure(graph, score, valBatches, step);
            listener.validated(validation);
        }
        return export(run, step, validation, stop, snapshot, valBatches.get(0).network());
    }

    /**
     * Exports the model with its card after a run that ended at {@code step} (not by a signal); the
     * export check compares on {@code check}, a validation batch as the network saw it.
     */
    private Result export(Run run, long step, Validation validation, String stop, Path snapshot, Batch check)
            throws TrainException {
        TrainOptions o = run.options();
        TrainingGraph.Evaluation expected = run.graph().evaluate(check);
        double wall = run.wallSeconds();
        ModelCard card = TrainedModelCard.card(o, run.graph(), run.data(), run.start().run(), step, wall, validation,
                run.start().seed(), stop == null);
        double diff = ModelExporter.export(run.graph(), card, run.out(), check, expected);
        listener.message(String.format(Locale.ROOT, "exported %s (step %d): validation PSNR %.2f dB (gray %.2f dB);"
                + " the SavedModel reproduces the training graph to %.1e ab", run.out(), step, validation.psnr(),
                validation.grayPsnr(), diff));
        listener.exported(run.out());
        return new Result(run.out(), step, step >= o.steps(), validation, wall, snapshot, stop, diff);
    }
}
