package org.colorize.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
    record StageResult(String name, String description, int steps, double seconds, double firstLoss, double lastLoss) {}

    private final Map<String, Tensor> weights = new LinkedHashMap<>();
    private final Adam.Config adam;
    private final long seed;
    private final Consumer<String> log;
    private final List<StageResult> results = new ArrayList<>();

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

    /** The weights so far, by name (owned by the runner). */
    Map<String, Tensor> weights() {
        return java.util.Collections.unmodifiableMap(weights);
    }

    List<StageResult> results() {
        return List.copyOf(results);
    }

    /** Trains {@code stage} for at most {@code maxSteps} steps and {@code maxSeconds} of stepping. */
    StageResult run(StageRecipe stage, int maxSteps, double maxSeconds) {
        TfNatives.load();
        log.accept("stage " + stage.describe());
        long start = System.nanoTime();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            ParameterStore<TFloat32> store = ParameterStore.create(g, TFloat32.class, stage.mode(), seed);
            StageRecipe.Built built = stage.build(store);
            Adam.TrainStep<TFloat32> step = Adam.minimize(store, built.loss(), adam, stage.scope());
            Map<String, Tensor> known = new LinkedHashMap<>();
            weights.forEach((k, v) -> {
                if (store.entries().containsKey(k)) known.put(k, v);
            });
            store.load(s, known, false);
            log.accept("  " + known.size() + " variables from earlier stages, " + store.parameters(stage.scope().variablePrefix()).size()
                    + " trained");
            Random rnd = new Random(seed ^ stage.name().hashCode());
            long trainStart = System.nanoTime(); // the budget is for steps, not for building the graph
            double first = Double.NaN;
            double smooth = Double.NaN;
            int steps = 0;
            while (steps < maxSteps && (System.nanoTime() - trainStart) / 1e9 < maxSeconds) {
                Session.Runner r = s.runner();
                List<Tensor> fed = built.feeder().feed(r, rnd);
                double loss;
                try (Result res = r.addTarget(step.op()).fetch(built.loss()).run()) {
                    loss = Tensors.scalar(res.get(0));
                } finally {
                    fed.forEach(Tensor::close);
                }
                if (!Double.isFinite(loss)) throw new IllegalStateException(stage.name() + ": loss is " + loss + " at step " + steps);
                steps++;
                if (Double.isNaN(first)) first = loss;
                smooth = Double.isNaN(smooth) ? loss : 0.98 * smooth + 0.02 * loss;
                if (steps % 100 == 0) log.accept(String.format(java.util.Locale.ROOT, "  %s step %d loss %.5f (%.0f s)", stage.name(),
                        steps, smooth, (System.nanoTime() - start) / 1e9));
            }
            seed(store.read(s, ParameterStore.MODEL));
            StageResult result = new StageResult(stage.name(), stage.describe(), steps, (System.nanoTime() - start) / 1e9, first, smooth);
            results.add(result);
            log.accept(String.format(java.util.Locale.ROOT, "  %s: %d steps in %.0f s, loss %.5f → %.5f", stage.name(), steps,
                    result.seconds(), first, smooth));
            return result;
        }
    }

    @Override
    public void close() {
        weights.values().forEach(Tensor::close);
        weights.clear();
    }
}
