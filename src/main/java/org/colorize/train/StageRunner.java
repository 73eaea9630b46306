package org.colorize.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Locale;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.colorize.nn.Adam;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.TfNatives;
import org.colorize.nn.Tensors;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * Runs {@link StageRecipe}s one after the other on one set of weights (by variable name): each
 * stage builds its graph, takes every weight the run has so far (frozen or trained on), trains its
 * own scope for a step or time budget, and hands all its model variables on. The weights map is
 * the run's {@link ParameterStore} across graphs: a later stage sees an earlier one's variables
 * under the same names, so a frozen net is exactly the net a stage before trained.
 */
final class StageRunner implements AutoCloseable {
    /** What one stage did. */
    record StageResult(String name, String description, int steps, double seconds, double firstLoss, double lastLoss,
            Map<String, Double> firstLosses, Map<String, Double> lastLosses, Validated validated) {
        StageResult(String name, String description, int steps, double seconds, double firstLoss, double lastLoss,
                Map<String, Double> firstLosses, Map<String, Double> lastLosses) {
            this(name, description, steps, seconds, firstLoss, lastLoss, firstLosses, lastLosses, null);
        }
    }

    /**
     * A stage's held-out scores ({@link StageRecipe.Validation}): mean loss over its {@code feeds}
     * (pictures or batches) before the first step, at the kept step {@code bestStep} and at the last step; the baseline's
     * (NaN without one).
     */
    record Validated(int feeds, double baseline, double first, double best, long bestStep, double last, long lastStep) {}

    private final Map<String, Tensor> weights = new LinkedHashMap<>();
    private final Adam.Config adam;
    private final long seed;
    private final Consumer<String> log;
    private final List<StageResult> results = new ArrayList<>();
    private long startStep;

    StageRunner(Adam.Config adam, long seed, Consumer<String> log) {
        this.adam = adam;
        this.seed = seed;
        this.log = log;
    }

    /** Starts from these weights (e.g. a pretrained encoder); the runner owns them from now on. */
    void seed(Map<String, Tensor> initial) {
        initial.forEach((k, v) -> {
            Tensor old = weights.put(k, v);
            if (old != null) old.close();
        });
    }

    /**
     * Counts the next stage's steps from {@code step} when it has no snapshot to resume from: a run
     * continued from an exported model's weights ({@link #seed}) keeps its step count.
     */
    void startAt(long step) {
        if (step < 0) throw new IllegalArgumentException("step " + step);
        startStep = step;
    }

    /** The weights so far, by name (owned by the runner). */
    Map<String, Tensor> weights() {
        return java.util.Collections.unmodifiableMap(weights);
    }

    List<StageResult> results() {
        return List.copyOf(results);
    }

    /** Trains {@code stage} for at most {@code maxSteps} steps and {@code maxSeconds} of stepping. */
    StageResult run(StageRecipe stage, int maxSteps, double maxSeconds) {
        return run(stage, maxSteps, maxSeconds, null, () -> false);
    }

    /**
     * Trains {@code stage} up to step {@code maxSteps} (counted over every chunk of the run), for at
     * most {@code maxSeconds} of stepping in this call, or until {@code cancel} says stop.
     *
     * <p>A stage with several {@linkplain StageRecipe.Objective objectives} runs them one after the
     * other each step (each its own Adam on its own scope, each a session run on the same batch: the
     * feeder gets a {@link Random} seeded by the step, so both see the same crops and codes), which
     * is the alternating step of a GAN.
     *
     * @param checkpoints null, or a folder: the stage resumes from its newest snapshot there (every
     *                    variable including Adam's slots, and the step) and saves one when it stops,
     *                    so a run continues in chunks across processes
     */
    StageResult run(StageRecipe stage, long maxSteps, double maxSeconds, Path checkpoints, BooleanSupplier cancel) {
        TfNatives.load();
        log.accept("stage " + stage.describe());
        long start = System.nanoTime();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            ParameterStore<TFloat32> store = ParameterStore.create(g, TFloat32.class, stage.mode(), seed);
            StageRecipe.Built built = stage.build(store);
            boolean alternating = !built.objectives().isEmpty();
            List<StageRecipe.Objective> objectives = alternating ? built.objectives()
                    : List.of(new StageRecipe.Objective(stage.name(), built.loss(), stage.scope()));
            List<Adam.TrainStep<TFloat32>> trainSteps = new ArrayList<>();
            for (StageRecipe.Objective o : objectives) trainSteps.add(Adam.minimize(store, o.loss(), adam, o.scope()));
            Map<String, Tensor> known = new LinkedHashMap<>();
            weights.forEach((k, v) -> {
                if (store.entries().containsKey(k)) known.put(k, v);
            });
            store.load(s, known, false);
            long step = startStep;
            Map<String, Double> first = new LinkedHashMap<>();
            Checkpoints.Snapshot snapshot = checkpoints == null ? null : Checkpoints.latest(checkpoints);
            if (snapshot != null) {
                step = resume(store, s, snapshot, first);
                log.accept("  resumed at step " + step + " from " + snapshot.dir());
            }
            int trained = 0;
            for (StageRecipe.Objective o : objectives) trained += store.parameters(o.scope().variablePrefix()).size();
            log.accept("  " + known.size() + " variables from earlier stages, " + trained + " trained");
            List<String> names = new ArrayList<>(built.reported().keySet());
            List<org.tensorflow.Operand<TFloat32>> fetches = new ArrayList<>(built.reported().values());
            Random rnd = new Random(seed ^ stage.name().hashCode());
            long trainStart = System.nanoTime(); // the budget is for steps, not for building the graph
            Map<String, Double> smooth = new LinkedHashMap<>();
            long startStep = step;
            Validating validating = built.validation() == null ? null : new Validating(built.validation(), s, store, step, log);
            while (step < maxSteps && (System.nanoTime() - trainStart) / 1e9 < maxSeconds && !cancel.getAsBoolean()) {
                long stepSeed = seed * 0x9E3779B97F4A7C15L + stage.name().hashCode() * 31L + step;
                double[] values = new double[names.size()];
                for (int i = 0; i < trainSteps.size(); i++) {
                    Session.Runner r = s.runner();
                    List<Tensor> fed = built.feeder().feed(r, alternating ? new Random(stepSeed) : rnd);
                    r.addTarget(trainSteps.get(i).op());
                    if (i == 0) fetches.forEach(r::fetch);
                    try (Result res = r.run()) {
                        if (i == 0) {
                            for (int k = 0; k < values.length; k++) values[k] = Tensors.scalar(res.get(k));
                        }
                    } finally {
                        fed.forEach(Tensor::close);
                    }
                }
                for (int k = 0; k < values.length; k++) {
                    if (!Double.isFinite(values[k])) {
                        throw new IllegalStateException(stage.name() + ": " + names.get(k) + " is " + values[k] + " at step " + step);
                    }
                    first.putIfAbsent(names.get(k), values[k]);
                    Double old = smooth.get(names.get(k));
                    smooth.put(names.get(k), old == null ? values[k] : 0.98 * old + 0.02 * values[k]);
                }
                step++;
                if (step % 50 == 0) log.accept(String.format(Locale.ROOT, "  %s step %d %s (%.0f s)", stage.name(), step,
                        describe(smooth), (System.nanoTime() - start) / 1e9));
                if (validating != null && step % built.validation().every() == 0) validating.score(step);
            }
            Validated validated = null;
            if (validating != null) {
                if (validating.lastStep != step) validating.score(step);
                validated = validating.result();
                log.accept(String.format(Locale.ROOT, "  %s held-out score (%d feeds): baseline %.5f, step %d %.5f, kept step %d %.5f,"
                        + " last %.5f", stage.name(), validated.feeds(), validated.baseline(), startStep, validated.first(),
                        validated.bestStep(), validated.best(), validated.last()));
                seed(validating.bestWeights); // the runner owns them now
            } else {
                seed(store.read(s, ParameterStore.MODEL));
            }
            if (checkpoints != null && step > startStep) save(store, s, checkpoints, step, first);
            String main = names.get(0);
            StageResult result = new StageResult(stage.name(), stage.describe(), Math.toIntExact(step),
                    (System.nanoTime() - start) / 1e9, first.getOrDefault(main, Double.NaN), smooth.getOrDefault(main, Double.NaN),
                    Map.copyOf(first), Map.copyOf(smooth), validated);
            results.add(result);
            log.accept(String.format(Locale.ROOT, "  %s: %d steps (%d in this call) in %.0f s, %s → %s", stage.name(), step,
                    step - startStep, result.seconds(), describe(first), describe(smooth)));
            return result;
        }
    }

    /**
     * Early stopping on a stage's held-out pictures: scores them, and holds a copy of the model
     * variables at the best score so far (the stage's result: handed to the runner when it ends).
     */
    private static final class Validating {
        private final StageRecipe.Validation validation;
        private final Session session;
        private final ParameterStore<TFloat32> store;
        private final double baseline;
        private final double first;
        private double best;
        private long bestStep;
        private double last;
        private long lastStep;
        Map<String, Tensor> bestWeights;

        Validating(StageRecipe.Validation validation, Session session, ParameterStore<TFloat32> store, long step,
                Consumer<String> log) {
            this.validation = validation;
            this.session = session;
            this.store = store;
            this.baseline = validation.baseline() == null ? Double.NaN : mean(validation.baseline());
            this.first = mean(validation.loss());
            this.best = first;
            this.bestStep = step;
            this.last = first;
            this.lastStep = step;
            this.bestWeights = copyOfModel();
            log.accept(String.format(Locale.ROOT, "  held-out score (%d feeds): baseline %.5f, step %d %.5f",
                    validation.count(), baseline, step, first));
        }

        void score(long step) {
            last = mean(validation.loss());
            lastStep = step;
            if (last < best) {
                best = last;
                bestStep = step;
                bestWeights.values().forEach(Tensor::close);
                bestWeights = copyOfModel();
            }
        }

        /**
         * The model variables, copied: a fetched variable may share its buffer with the variable,
         * which the next training step then updates in place.
         */
        private Map<String, Tensor> copyOfModel() {
            Map<String, Tensor> fetched = store.read(session, ParameterStore.MODEL);
            Map<String, Tensor> copies = new LinkedHashMap<>();
            try {
                fetched.forEach((k, t) -> {
                    float[] v = new float[Math.toIntExact(t.shape().size())];
                    ((TFloat32) t).asRawTensor().data().asFloats().read(v);
                    copies.put(k, Tensors.of(t.shape(), v));
                });
            } finally {
                fetched.values().forEach(Tensor::close);
            }
            return copies;
        }

        Validated result() {
            return new Validated(validation.count(), baseline, first, best, bestStep, last, lastStep);
        }

        private double mean(org.tensorflow.Operand<TFloat32> scored) {
            double sum = 0;
            for (int i = 0; i < validation.count(); i++) {
                Session.Runner r = session.runner();
                List<Tensor> fed = validation.feeder().feed(r, i);
                try (Result res = r.fetch(scored).run()) {
                    sum += Tensors.scalar(res.get(0));
                } finally {
                    fed.forEach(Tensor::close);
                }
            }
            return sum / validation.count();
        }
    }

    private static String describe(Map<String, Double> values) {
        StringBuilder b = new StringBuilder();
        values.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.5f", v)));
        return b.toString();
    }

    /** Loads every variable of the snapshot (weights and Adam's slots); returns its step. */
    private static long resume(ParameterStore<TFloat32> store, Session s, Checkpoints.Snapshot snapshot, Map<String, Double> first) {
        Map<String, TrainingGraph.Variable> values;
        try {
            values = Checkpoints.read(snapshot);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the checkpoint " + snapshot.dir(), e);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        try {
            values.forEach((k, v) -> {
                if (store.entries().containsKey(k)) {
                    tensors.put(k, TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(v.shape()),
                            org.tensorflow.ndarray.buffer.DataBuffers.of(v.values(), true, false)));
                }
            });
            List<String> missing = store.entries().keySet().stream().filter(n -> !tensors.containsKey(n)).toList();
            if (!missing.isEmpty()) throw new IllegalArgumentException("the checkpoint " + snapshot.dir() + " lacks " + missing);
            store.load(s, tensors, true);
        } finally {
            tensors.values().forEach(Tensor::close);
        }
        if (snapshot.state().has("first_losses")) {
            snapshot.state().getAsJsonObject("first_losses").entrySet().forEach(e -> first.put(e.getKey(), e.getValue().getAsDouble()));
        }
        return snapshot.step();
    }

    private static void save(ParameterStore<TFloat32> store, Session s, Path folder, long step, Map<String, Double> first) {
        Map<String, Tensor> all = store.read(s, java.util.EnumSet.allOf(ParameterStore.Kind.class));
        Map<String, TrainingGraph.Variable> values = new LinkedHashMap<>();
        try {
            all.forEach((k, t) -> {
                float[] v = new float[Math.toIntExact(t.shape().size())];
                ((TFloat32) t).asRawTensor().data().asFloats().read(v);
                values.put(k, new TrainingGraph.Variable(t.shape().asArray(), v));
            });
        } finally {
            all.values().forEach(Tensor::close);
        }
        com.google.gson.JsonObject state = new com.google.gson.JsonObject();
        com.google.gson.JsonObject f = new com.google.gson.JsonObject();
        first.forEach(f::addProperty);
        state.add("first_losses", f);
        try {
            Checkpoints.save(folder, step, state, values);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write a checkpoint to " + folder, e);
        }
    }

    @Override
    public void close() {
        weights.values().forEach(Tensor::close);
        weights.clear();
    }
}
