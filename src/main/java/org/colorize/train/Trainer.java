package org.colorize.train;

import org.colorize.TrainException;
import org.colorize.model.ModelCard;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.colorize.Colorize;
import org.colorize.color.AbGamut;
import org.colorize.color.ClassRebalancing;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.TfNatives;

/**
 * Trains a SIGGRAPH17 U-Net on a folder of color images and exports it as a Colorize model: the
 * one implementation behind {@code colorize train} and Plugins › Colorize › Train Colorizer.
 *
 * <h2>A run</h2>
 * Reads and splits the data ({@link TrainingData}), builds the training graph ({@link TrainingGraph}),
 * then for each step takes a prefetched batch ({@link BatchMaker}, {@link Prefetcher}), runs one Adam
 * step at the scheduled learning rate, reports progress, validates every {@code val-every} steps
 * (loss, PSNR and the gray baseline on fixed center crops), checkpoints every {@code checkpoint-every}
 * steps and at least every {@value #CHECKPOINT_MINUTES} minutes ({@link Checkpoints}), and at the end checkpoints, validates and exports
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
 *       {@code k} is a pure function of seed and k), the rebalancing weights and the loss EMA. An
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
    private final AtomicBoolean signalled = new AtomicBoolean();

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

    private boolean stopRequested() {
        return signalled.get() || cancel.getAsBoolean();
    }

    /** Runs (or continues) the training and exports the model. */
    public Result run() throws TrainException {
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = null;
        if (installShutdownHook) {
            hook = new Thread(() -> {
                signalled.set(true);
                try {
                    done.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "colorize-train-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        try {
            return train();
        } finally {
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

    /** Where the run continues from. */
    private record Start(String run, long step, JsonObject state, JsonObject card,
            Map<String, TrainingGraph.Variable> variables, boolean fullState, double width, Head head, long seed,
            double wallSeconds) {
    }

    private Result train() throws TrainException {
        long sessionStart = System.nanoTime();
        TrainOptions o = options;
        try {
            TfNatives.load();
        } catch (IllegalStateException e) {
            throw new TrainException(e.getMessage(), e);
        }
        if (!"1".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS"))) {
            listener.message("note: TF_ENABLE_ONEDNN_OPTS=1 is not in the environment; TensorFlow's oneDNN kernels train"
                    + " about twice as fast on CPU (./colorize sets it; for ImageJ/Fiji set it before starting it)");
        }
        Path out = o.out().toAbsolutePath().normalize();
        Path checkpoints = o.checkpointFolder();
        Start start = start(o, out, checkpoints);
        o = restoredOptions(o, start);
        if (start.width() != o.width() || start.head() != o.head()) o = o.withArchitecture(start.width(), start.head());

        TrainingData data = TrainingData.load(o.data(), o.size(), o.valFraction(), o.kinds(), listener::message,
                this::stopRequested);
        if (start.state() != null && start.state().has("data")) {
            String before = start.state().getAsJsonObject("data").get("fingerprint").getAsString();
            if (!before.equals(data.fingerprint())) {
                listener.message("note: the data changed since the checkpoint (now " + data.train().size() + " training + "
                        + data.validation().size() + " validation images); continuing on the new set");
            }
        }
        float[] rebalancing = null;
        if (o.head() == Head.CLASSES) rebalancing = rebalancing(start, data);

        try (TrainingGraph graph = new TrainingGraph(o.width(), o.head(), o.lr(), start.seed(), o.intraOpThreads(), o.interOp())) {
            listener.message(String.format(Locale.ROOT, "network: SIGGRAPH17 U-Net, width %s, %s head, %,d parameters;"
                    + " %d×%d crops, batch %d, %s lr %s; TensorFlow threads %d intra-op, %d inter-op",
                    TrainOptions.fmt(o.width()), o.head().key(), graph.parameterCount(), o.size(), o.size(), o.batch(),
                    o.schedule().key(), TrainOptions.fmt(o.lr()), o.intraOpThreads(), o.interOp()));
            if (start.variables() != null) {
                try {
                    graph.load(start.variables(), start.fullState());
                } catch (IllegalArgumentException e) {
                    throw new TrainException("The saved weights do not fit this network (" + e.getMessage() + ").", e);
                }
            }
            BatchMaker maker = new BatchMaker(data.trainImages(), o.size(), o.batch(), o.head(), rebalancing, start.seed());
            List<Batch> valBatches = maker.validation(data.validationImages(), o.batch());
            return loop(o, graph, maker, valBatches, data, start, rebalancing, out, checkpoints, sessionStart);
        }
    }

    /** Settings a resumed run takes from its checkpoint (or card) unless given again. */
    static final List<String> RESTORED = List.of(TrainOptions.STEPS, TrainOptions.SIZE, TrainOptions.BATCH, TrainOptions.LR,
            TrainOptions.SCHEDULE, TrainOptions.VAL_EVERY, TrainOptions.CHECKPOINT_EVERY, TrainOptions.KINDS,
            TrainOptions.VAL_FRACTION);

    /**
     * A resumed run continues with the settings it was started with: every {@link #RESTORED} key given
     * explicitly before and not given on this start comes from the checkpoint (or, resuming from a
     * model, its card).
     */
    private TrainOptions restoredOptions(TrainOptions o, Start start) throws TrainException {
        Map<String, String> saved = new java.util.LinkedHashMap<>();
        if (start.state() != null && start.state().has("settings")) {
            start.state().getAsJsonObject("settings").entrySet().forEach(e -> saved.put(e.getKey(), e.getValue().getAsString()));
        } else if (start.card() != null) {
            JsonObject t = start.card().getAsJsonObject("training");
            if (t.has("target_steps")) saved.put(TrainOptions.STEPS, t.get("target_steps").getAsString());
            for (String k : List.of(TrainOptions.SIZE, TrainOptions.BATCH, TrainOptions.LR, TrainOptions.SCHEDULE)) {
                if (t.has(k)) saved.put(k, t.get(k).getAsString());
            }
        }
        Map<String, String> merged = new java.util.LinkedHashMap<>();
        Map<String, String> current = o.toMap();
        for (String k : TrainOptions.KEYS) {
            if (o.given().contains(k)) {
                merged.put(k, current.get(k));
            } else if (RESTORED.contains(k) && saved.containsKey(k)) {
                merged.put(k, saved.get(k));
            }
        }
        List<String> restored = new java.util.ArrayList<>();
        for (String k : RESTORED) {
            if (!o.given().contains(k) && saved.containsKey(k) && !saved.get(k).equals(current.get(k))) {
                restored.add("--" + k + " " + saved.get(k));
            }
        }
        try {
            TrainOptions r = TrainOptions.fromMap(merged);
            if (!restored.isEmpty()) listener.message("continuing with the run's settings: " + String.join(" ", restored));
            return r;
        } catch (IllegalArgumentException e) {
            throw new TrainException("The saved settings of the run are invalid (" + e.getMessage() + ").", e);
        }
    }

    private Start start(TrainOptions o, Path out, Path checkpoints) throws TrainException {
        JsonObject outCard = Files.isDirectory(out) ? ModelExporter.readCard(out) : null;
        String outRun = runOf(outCard);
        Checkpoints.Snapshot snapshot = Checkpoints.latest(checkpoints);
        Start s = null;
        if (o.resume()) {
            if (snapshot != null) {
                s = fromSnapshot(o, checkpoints);
            } else if (outRun != null) {
                s = fromModel(o, out, outCard, outRun);
            } else {
                listener.message("nothing to resume (no checkpoint in " + checkpoints + ", no model trained by Colorize in "
                        + out + "): starting a new run");
            }
        }
        if (s == null) {
            if (snapshot != null) {
                if (!o.overwrite()) {
                    throw new TrainException(checkpoints + " holds the checkpoint of a run at step " + snapshot.step()
                            + ". Continue it with --resume, or start over with --overwrite (the checkpoint is replaced).");
                }
                try {
                    Checkpoints.clear(checkpoints);
                } catch (IOException e) {
                    throw new TrainException("Cannot clear the old checkpoints in " + checkpoints + ": " + e.getMessage(), e);
                }
            }
            if (Files.exists(out) && !o.overwrite()) {
                throw new TrainException("The model folder " + out + " exists. Continue training it with --resume, choose"
                        + " another --out, or replace it with --overwrite.");
            }
            s = new Start(UUID.randomUUID().toString(), 0, null, null, null, false, o.width(), o.head(), o.seed(), 0);
        }
        if (Files.exists(out) && !s.run().equals(outRun) && !o.overwrite()) {
            throw new TrainException("The model folder " + out + " holds a model that this run did not train"
                    + (outRun == null ? "" : " (run " + outRun + ")") + "; choose another --out or replace it with --overwrite.");
        }
        return s;
    }

    private Start fromSnapshot(TrainOptions o, Path checkpoints) throws TrainException {
        // newest first; an unreadable snapshot (damaged disk, edited files) falls back to the one before
        for (Path dir : Checkpoints.snapshots(checkpoints)) {
            try {
                JsonObject state = com.google.gson.JsonParser.parseString(Files.readString(dir.resolve(Checkpoints.STATE)))
                        .getAsJsonObject();
                Checkpoints.Snapshot snap = new Checkpoints.Snapshot(dir, state.get("step").getAsLong(), state);
                Map<String, TrainingGraph.Variable> vars = Checkpoints.read(snap);
                double width = state.get("width").getAsDouble();
                Head head = Head.parse(state.get("head").getAsString());
                checkArchitecture(o, width, head, "checkpoint " + dir);
                long seed = state.get("seed").getAsLong();
                if (o.given().contains(TrainOptions.SEED) && o.seed() != seed) {
                    listener.message("note: --seed " + o.seed() + " replaces the run's seed " + seed
                            + " from here on (the batches differ from an uninterrupted run)");
                    seed = o.seed();
                }
                listener.message("resuming run " + state.get("run").getAsString() + " from " + dir + " (step "
                        + snap.step() + ", optimizer state and data order restored)");
                return new Start(state.get("run").getAsString(), snap.step(), state, null, vars, true, width, head, seed,
                        state.get("wall_time_s").getAsDouble());
            } catch (IOException | RuntimeException e) {
                listener.message("warning: checkpoint " + dir + " is unusable (" + e.getMessage() + "); trying an older one");
            }
        }
        throw new TrainException("No usable checkpoint in " + checkpoints + "; start over with --overwrite.");
    }

    private Start fromModel(TrainOptions o, Path out, JsonObject card, String run) throws TrainException {
        JsonObject training = card.getAsJsonObject("training");
        double width = TrainedModelCard.width(card).getAsDouble();
        Head head = Head.parse(training.get("head").getAsString());
        checkArchitecture(o, width, head, "the model in " + out);
        long steps = training.get("steps").getAsLong();
        long seed = o.given().contains(TrainOptions.SEED) ? o.seed() : training.get("seed").getAsLong();
        List<String> names = TrainingGraph.modelVariableNames(width, head);
        Map<String, TrainingGraph.Variable> weights = ModelExporter.readWeights(out, names);
        if (weights.size() != names.size()) {
            throw new TrainException("The model in " + out + " lacks " + (names.size() - weights.size())
                    + " of the network's variables; it cannot be resumed.");
        }
        listener.message("no checkpoint in " + o.checkpointFolder() + ": resuming from the exported model in " + out
                + " (step " + steps + "; weights only, Adam restarts)");
        double wall = training.has("wall_time_s") ? training.get("wall_time_s").getAsDouble() : 0;
        return new Start(run, steps, null, card, weights, false, width, head, seed, wall);
    }

    private static void checkArchitecture(TrainOptions o, double width, Head head, String where) throws TrainException {
        if (o.given().contains(TrainOptions.WIDTH) && o.width() != width) {
            throw new TrainException(where + " has width " + TrainOptions.fmt(width) + ", --width " + TrainOptions.fmt(o.width())
                    + " was asked for. Drop --width to continue it, or train a new model under another --out.");
        }
        if (o.given().contains(TrainOptions.HEAD) && o.head() != head) {
            throw new TrainException(where + " has a " + head.key() + " head, --head " + o.head().key()
                    + " was asked for. Drop --head to continue it, or train a new model under another --out.");
        }
    }

    /** The run id of a model card written by this trainer, or null. */
    static String runOf(JsonObject card) {
        if (card == null || !card.has("training") || !card.get("training").isJsonObject()) return null;
        JsonObject t = card.getAsJsonObject("training");
        return t.has("run") && TrainedModelCard.width(card).isPresent() && t.has("steps") && t.has("head") ? t.get("run").getAsString() : null;
    }

    private float[] rebalancing(Start start, TrainingData data) {
        if (start.state() != null && start.state().has("rebalancing")) {
            JsonArray a = start.state().getAsJsonArray("rebalancing");
            float[] w = new float[a.size()];
            for (int i = 0; i < w.length; i++) w[i] = a.get(i).getAsFloat();
            return w;
        }
        AbGamut gamut = AbGamut.zhang();
        double[] counts = data.abHistogram(gamut);
        float[] w = ClassRebalancing.weights(gamut, counts, ClassRebalancing.ZHANG_LAMBDA, ClassRebalancing.ZHANG_SIGMA);
        double total = 0;
        float min = Float.MAX_VALUE;
        float max = 0;
        for (int i = 0; i < w.length; i++) {
            total += counts[i];
            min = Math.min(min, w[i]);
            max = Math.max(max, w[i]);
        }
        listener.message(String.format(Locale.ROOT, "class rebalancing (λ = ½, σ = 5) from %,.0f training pixels:"
                + " weights %.2f…%.2f", total, min, max));
        return w;
    }

    private Result loop(TrainOptions o, TrainingGraph graph, BatchMaker maker, List<Batch> valBatches, TrainingData data,
            Start start, float[] rebalancing, Path out, Path checkpoints, long sessionStart) throws TrainException {
        long step = start.step();
        double ema = start.state() != null && start.state().has("loss_ema") ? start.state().get("loss_ema").getAsDouble() : Double.NaN;
        long emaCount = start.state() != null && start.state().has("loss_ema_count")
                ? start.state().get("loss_ema_count").getAsLong() : 0;
        int valEvery = o.validationInterval();
        int checkpointEvery = o.checkpointInterval();
        long lastCheckpoint = start.fullState() ? step : -1;
        Validation validation = null;
        String stop = null;
        double stepSeconds = Double.NaN;
        long stepsThisSession = 0;
        long lastCheckpointNanos = System.nanoTime();
        Path snapshot = null;
        if (step >= o.steps()) listener.message("already at step " + step + " of " + o.steps() + "; nothing to train");
        try (TrainingLog log = TrainingLog.open(checkpoints, start.step());
                Prefetcher prefetch = new Prefetcher(maker::make, step, o.steps(), PREFETCH_DEPTH)) {
            while (step < o.steps()) {
                if (signalled.get()) {
                    stop = "signal";
                    break;
                }
                if (cancel.getAsBoolean()) {
                    stop = "canceled";
                    break;
                }
                if (o.maxMinutes() > 0 && (System.nanoTime() - sessionStart) / 60e9 >= o.maxMinutes()) {
                    stop = "time limit";
                    break;
                }
                Batch batch = prefetch.next();
                double lr = o.schedule().rate(o.lr(), step, o.steps());
                long t0 = System.nanoTime();
                double loss = graph.train(batch, lr);
                double dt = (System.nanoTime() - t0) / 1e9;
                if (!Double.isFinite(loss)) {
                    throw new TrainException(String.format(Locale.ROOT, "The loss became %s at step %d (learning rate %.3g too"
                            + " high?). Nothing was saved from this step; the last checkpoint is intact: resume with a lower"
                            + " --lr.", loss, step + 1, lr));
                }
                step++;
                stepsThisSession++;
                emaCount++;
                double alpha = Math.max(0.02, 1.0 / emaCount);
                ema = Double.isNaN(ema) ? loss : (1 - alpha) * ema + alpha * loss;
                // the session's first step includes graph optimization: leave it out of the rate
                if (stepsThisSession == 2) stepSeconds = dt;
                else if (stepsThisSession > 2) stepSeconds = 0.9 * stepSeconds + 0.1 * dt;
                double rate = Double.isNaN(stepSeconds) ? o.batch() / dt : o.batch() / stepSeconds;
                double eta = (o.steps() - step) * (Double.isNaN(stepSeconds) ? dt : stepSeconds);
                listener.step(new TrainingListener.Progress(step, o.steps(), loss, ema, lr, rate, eta));
                Validation v = null;
                if (step % valEvery == 0 || step == o.steps()) {
                    v = Validation.measure(graph, valBatches, step);
                    validation = v;
                    listener.validated(v);
                }
                log.step(step, start.wallSeconds() + (System.nanoTime() - sessionStart) / 1e9, lr, loss, ema, rate, v);
                boolean due = step % checkpointEvery == 0
                        || System.nanoTime() - lastCheckpointNanos > CHECKPOINT_MINUTES * 60e9;
                if (due && step < o.steps()) {
                    lastCheckpointNanos = System.nanoTime();
                    log.flush();
                    snapshot = checkpoint(graph, o, start, data, rebalancing, checkpoints, step, ema, emaCount, validation,
                            sessionStart);
                    lastCheckpoint = step;
                }
            }
            log.flush();
            if (step != lastCheckpoint && (step > start.step() || !start.fullState())) {
                snapshot = checkpoint(graph, o, start, data, rebalancing, checkpoints, step, ema, emaCount, validation,
                        sessionStart);
            }
        } catch (IOException e) {
            throw new TrainException("Cannot write to the checkpoint folder " + checkpoints + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainException("Training was interrupted at step " + step + ".", e);
        }
        double wall = start.wallSeconds() + (System.nanoTime() - sessionStart) / 1e9;
        if ("signal".equals(stop)) {
            listener.message("stopped by a signal at step " + step + "; checkpoint saved in " + checkpoints
                    + "; rerun with --resume to continue");
            return new Result(null, step, false, validation, wall, snapshot, stop, Double.NaN);
        }
        if (stop != null) listener.message("stopped (" + stop + ") at step " + step + " of " + o.steps() + "; exporting what was learned");
        if (validation == null || validation.step() != step) {
            validation = Validation.measure(graph, valBatches, step);
            listener.validated(validation);
        }
        Batch check = valBatches.get(0);
        TrainingGraph.Evaluation expected = graph.evaluate(check);
        wall = start.wallSeconds() + (System.nanoTime() - sessionStart) / 1e9;
        ModelCard card = TrainedModelCard.card(o, graph, data, start.run(), step, wall, validation, start.seed(), stop == null);
        double diff = ModelExporter.export(graph, card, out, check, expected);
        listener.message(String.format(Locale.ROOT, "exported %s (step %d): validation PSNR %.2f dB (gray %.2f dB);"
                + " the SavedModel reproduces the training graph to %.1e ab", out, step, validation.psnr(),
                validation.grayPsnr(), diff));
        listener.exported(out);
        return new Result(out, step, step >= o.steps(), validation, wall, snapshot, stop, diff);
    }

    private Path checkpoint(TrainingGraph graph, TrainOptions o, Start start, TrainingData data, float[] rebalancing,
            Path folder, long step, double ema, long emaCount, Validation validation, long sessionStart) throws IOException {
        long t0 = System.nanoTime();
        JsonObject state = new JsonObject();
        state.addProperty("run", start.run());
        state.addProperty("trainer", Colorize.NAME + " " + Colorize.VERSION);
        state.addProperty("saved", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        state.addProperty("width", o.width());
        state.addProperty("head", o.head().key());
        state.addProperty("seed", start.seed());
        state.addProperty("wall_time_s", start.wallSeconds() + (System.nanoTime() - sessionStart) / 1e9);
        state.addProperty("loss_ema", ema);
        state.addProperty("loss_ema_count", emaCount);
        JsonObject opts = new JsonObject();
        o.toMap().forEach(opts::addProperty);
        state.add("options", opts);
        JsonObject settings = new JsonObject(); // what was chosen explicitly, restored on --resume
        for (String k : RESTORED) {
            if (o.given().contains(k)) settings.addProperty(k, o.toMap().get(k));
        }
        state.add("settings", settings);
        JsonObject d = new JsonObject();
        d.addProperty("folder", data.folder().toString());
        d.addProperty("fingerprint", data.fingerprint());
        d.addProperty("train", data.train().size());
        d.addProperty("validation", data.validation().size());
        state.add("data", d);
        if (rebalancing != null) {
            JsonArray a = new JsonArray();
            for (float w : rebalancing) a.add(w);
            state.add("rebalancing", a);
        }
        if (validation != null) state.add("last_validation", TrainedModelCard.validationJson(validation));
        Path dir = Checkpoints.save(folder, step, state, graph.read(java.util.EnumSet.allOf(ParameterStore.Kind.class)));
        listener.checkpointed(step, dir);
        listener.message(String.format(Locale.ROOT, "checkpoint at step %d: %s (%.1f s)", step, dir, (System.nanoTime() - t0) / 1e9));
        return dir;
    }

}
